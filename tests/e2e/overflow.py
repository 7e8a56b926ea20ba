# ovfcheck() raises OverflowError on machine-word overflow; intmask() wraps on purpose.
from rpython.rlib.rarithmetic import ovfcheck, intmask

def factorial(n):
    r = 1
    for i in range(2, n + 1):
        try:
            r = ovfcheck(r * i)
        except OverflowError:
            print("overflow at", i)
            return -1
    return r

def hash_of(n):
    h = 5381
    for i in range(n):
        h = intmask(h * 33 + i)
    return h

def entry_point(argv):
    print(factorial(10), factorial(20), factorial(21), factorial(30))
    print(hash_of(10), hash_of(100))
    return 0
