# A target that does not exist: a clear message and exit code 2.
# run: rpp run %S/no_such_target.py
# exit: 2
# stderr-check: rpp: error: {{.*}}/no_such_target.py: no such file
