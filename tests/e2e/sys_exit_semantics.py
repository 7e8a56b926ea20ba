# sys.exit(n) raises SystemExit as in CPython: `except Exception` does not catch it, `finally`
# blocks run on the way out, a bare `except:`, `except BaseException` and
# `except SystemExit` catch it (e.code is the status); uncaught, it ends the process with
# status n & 0xFF (stdout flushed, nothing on stderr).
import sys


def leave(code):
    if code >= 0:
        sys.exit(code)
    return code


def swallow_exception(code):
    try:
        leave(code)
    except Exception:
        print("not reached: except Exception caught SystemExit")
    return 0


def with_finally(code):
    try:
        try:
            swallow_exception(code)
        finally:
            print("inner finally", code)
    finally:
        print("finally", code)
    return 1


def caught_bare(code):
    try:
        leave(code)
    except:
        print("bare except caught", code)
        return 1
    return 0


def caught_base(code):
    try:
        leave(code)
    except BaseException:
        print("BaseException caught", code)
        return 1
    return 0


def caught_system_exit(code):
    try:
        with_finally(code)
    except SystemExit as e:
        print("SystemExit caught, code", e.code)
        return e.code
    return 0


def caught_value_error_only(code):
    try:
        leave(code)
    except ValueError:
        print("not reached: except ValueError")
    return 0


def entry_point(argv):
    n = len(argv)
    print(caught_bare(n + 1))
    print(caught_base(n + 2))
    print(caught_system_exit(n + 3))
    try:
        caught_value_error_only(n + 4)
    except SystemExit as e:
        print("passed through except ValueError:", e.code)
    try:
        print("no exit:", leave(-n))
    finally:
        print("finally without exit")
    with_finally(300 + n)
    print("not reached")
    return 0
