# Assigning to a nonlocal is not RPython (reading a constant closure cell is fine).
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: nonlocal_write.py:14:9: error: assigning to the nonlocal 'n' is not RPython
# stderr-check: in function outer.<locals>.inner
# stderr-nextln: called from outer at {{.*}}nonlocal_write.py:15:5
# stderr-nextln: called from entry_point at {{.*}}nonlocal_write.py:19:12

def outer():
    n = 1

    def inner():
        nonlocal n
        n = 2
    inner()
    return n

def entry_point(argv):
    return outer()
