# Exceptions are instances: `except` dispatches on class-id ranges; e.args and str(e) of user and
# builtin exceptions; raising across calls, re-raising, finally; an uncaught one exits 1.
# run: rpp translate --stop-after=rtype --interp %s
# exit: 1
# stdout: caught MyError: bad thing 7
# stdout: caught SubError: sub 8
# stdout: ValueError: nope
# stdout: finally 3
# stdout: reraised: bad thing 2
# stdout: IndexError: list index out of range
# stdout: ok 3
# stderr-check: MyError
class MyError(Exception):
    def __init__(self, msg, code):
        self.msg = msg
        self.code = code


class SubError(MyError):
    pass


def fail(k):
    if k == 0:
        raise MyError("bad thing", 7)
    if k == 1:
        raise SubError("sub", 8)
    if k == 2:
        raise ValueError("nope")
    return k


def attempt(k):
    try:
        fail(k)
    except SubError as e:
        print("caught SubError:", e.msg, e.code)
    except MyError as e:
        print("caught MyError:", e.msg, e.code)
    except ValueError as e:
        print("ValueError:", str(e))


def with_finally(k):
    try:
        return fail(k)
    finally:
        print("finally", k)


def reraise(k):
    try:
        fail(k)
    except MyError as e:
        e.code = 2
        raise


def entry_point(argv):
    n = len(argv) - 1
    attempt(n)
    attempt(n + 1)
    attempt(n + 2)
    with_finally(n + 3)
    try:
        reraise(n)
    except MyError as e:
        print("reraised:", e.msg, e.code)
    try:
        print(argv[n + 5])
    except IndexError as e:
        print("IndexError:", str(e))
    print("ok", fail(n + 3))
    raise MyError("the end", 0)
