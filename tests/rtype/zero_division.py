# ZeroDivisionError with CPython's messages, caught or not, from int and float division.
# run: rpp translate --stop-after=rtype --interp %s
# exit: 1
# stdout: integer division or modulo by zero
# stdout: integer modulo by zero
# stdout: division by zero
# stdout: float division by zero
# stdout: float modulo
# stderr-check: ZeroDivisionError: float floor division by zero
def entry_point(argv):
    z = len(argv) - 1
    try:
        print(10 // z)
    except ZeroDivisionError as e:
        print(str(e))
    try:
        print(10 % z)
    except ZeroDivisionError as e:
        print(str(e))
    try:
        print(10 / z)
    except ZeroDivisionError as e:
        print(str(e))
    f = float(z)
    try:
        print(1.0 / f)
    except ZeroDivisionError as e:
        print(str(e))
    try:
        print(1.0 % f)
    except ZeroDivisionError as e:
        print(str(e))
    print(1.0 // f)
    return 0
