# As traceback_inlined.py, with an IndexError raised by the rtyper's list helper inlined through
# `pick`: the helper's frame is printed too, as at --opt=0.
# run: sh %S/compare_tracebacks.sh %t %S/../e2e/uncaught_inlined.py index
# timeout: 120
# check: --opt=2 exit code 1
# nextln: RPython traceback:
# nextln:   File "{{.*}}uncaught_inlined.py", line 35, in entry_point
# nextln:   File "{{.*}}uncaught_inlined.py", line 21, in pick
# nextln:   File "{{.*}}uncaught_inlined.py", line 21, in ll_list_getitem_{{.*}}
# nextln: IndexError: list index out of range
# nextln: the same at --opt=0
