# `rpp translate` of a missing file: the same message, exit code 2.
# run: rpp translate %S/no_such_target.py
# exit: 2
# stderr-check: rpp: error: {{.*}}/no_such_target.py: no such file
