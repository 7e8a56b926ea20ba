# ZeroDivisionError from // % and / of ints and floats, caught; the operations' prebuilt
# exceptions carry CPython's messages.
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1

def safe_mod(a, b):
    try:
        return a % b
    except ZeroDivisionError:
        return -2

def safe_true(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return -3.0

def entry_point(argv):
    n = len(argv)
    for d in range(-2, 3):
        print(safe_div(7 * n, d), safe_mod(-7 * n, d), safe_true(n * 1.5, d * 1.0))
    try:
        print(n // (n - 1))
    except ZeroDivisionError as e:
        print("caught", str(e))
    return 0
