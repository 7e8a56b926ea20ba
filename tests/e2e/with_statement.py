# `with` as CPython: __enter__'s result bound by `as`; __exit__(etype, evalue, tb) runs on the
# normal path with None, None, None, and with the exception's class and instance when the body
# raises (etype is a class or None in one variable); it runs on return, break, continue and
# exceptions (SystemExit included); a true result suppresses the exception, a false one lets
# it through. The last `with` ends the process through sys.exit: __exit__ runs first.
import sys


class Resource(object):
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, etype, evalue, tb):
        if etype is None:
            print("exit", self.name, "normally", evalue is None, tb is None)
        else:
            print("exit", self.name, "with", etype.__name__ + ":", str(evalue), isinstance(evalue, Exception))
        return False


class Suppress(object):
    def __init__(self):
        self.count = 0

    def __enter__(self):
        return None

    def __exit__(self, etype, evalue, tb):
        if etype is not None and issubclass(etype, ValueError):
            self.count += 1
            print("suppressed", etype.__name__, str(evalue))
            return True
        return False


class Failure(ValueError):
    pass


def body(n):
    with Resource("r%d" % n) as r:
        if n == 1:
            raise ValueError("one")
        if n == 2:
            return 20
        if n == 3:
            sys.exit(3)
        if n == 4:
            raise KeyError(n)
        print("body of", r.name)
    return n


def loop():
    total = 0
    for i in range(5):
        with Resource("loop%d" % i):
            if i == 1:
                continue
            if i == 3:
                break
            total += i
    return total


def suppressing(s, n):
    result = -1
    with s:
        if n > 2:
            raise Failure("f%d" % n)
        if n > 0:
            raise ValueError("v%d" % n)
        if n < 0:
            raise IndexError("index %d" % n)
        result = n
    return result * 2


def nested(n):
    with Resource("outer"):
        with Resource("inner"):
            if n > 0:
                raise RuntimeError("from inner")
        print("between")
    return n


def entry_point(argv):
    for n in range(5):
        try:
            print("body", n, "->", body(n))
        except ValueError as e:
            print("body", n, "raised ValueError", str(e))
        except KeyError as e:
            print("body", n, "raised KeyError", str(e))
        except SystemExit as e:
            print("body", n, "exited", e.code)
    print("loop", loop())
    s = Suppress()
    for n in (0, 2, 3, -1):
        try:
            print("suppressing", n, "->", suppressing(s, n))
        except IndexError as e:
            print("IndexError", str(e))
    print("suppressed", s.count)
    for n in (0, 1):
        try:
            print("nested", nested(n))
        except RuntimeError as e:
            print("RuntimeError", str(e))
    with Resource("final"):
        sys.exit(len(argv) + 4)
    return 0
