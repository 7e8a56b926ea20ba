# The traceback of an uncaught exception raised in inlined functions (tests/e2e/uncaught_inlined.py):
# translated at --opt=2 it names every inlined function, innermost last, exactly as at --opt=0
# (compare_tracebacks.sh translates at both levels and compares standard error byte for byte).
# run: sh %S/compare_tracebacks.sh %t %S/../e2e/uncaught_inlined.py
# timeout: 120
# check: backendopt: {{[1-9][0-9]*}} calls inlined
# nextln: --opt=0 exit code 1
# nextln: --opt=2 exit code 1
# nextln: RPython traceback:
# nextln:   File "{{.*}}uncaught_inlined.py", line 36, in entry_point
# nextln:   File "{{.*}}uncaught_inlined.py", line 17, in deeper
# nextln:   File "{{.*}}uncaught_inlined.py", line 12, in check
# nextln: Oops
# nextln: the same at --opt=0
