# Assigning to a global declared `global` is not RPython: located error, exit code 2.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: global_write.py:13:5: error: assigning to the global 'counter' is not RPython
# stderr-nextln: counter = counter + 1
# stderr-nextln: ^
# stderr-check: in function bump
# stderr-nextln: called from entry_point at {{.*}}global_write.py:16:5
counter = 0

def bump():
    global counter
    counter = counter + 1

def entry_point(argv):
    bump()
    return 0
