# specialize.* decorators record their kind in _annspecialcase_ and keep calls working.
# run: rpp run %s
# same-as: python3
# stdout: specialize:memo specialize:arg(0) specialize:arg(0,2) specialize:argtype(1)
# stdout: specialize:call_location specialize:arg_or_var(1) specialize:ll specialize:ll_and_arg(0)
# stdout: 3 aab 5.5 24
# stdout: specialize:argtype(0) 4
# stdout: TypeError position
# stdout: TypeError negative
# stdout: TypeError no args
# stdout: ('arg', (0, 2)) ('memo', ())
# stdout: False
# stdout: ok
import sys
from rpython.rlib.objectmodel import specialize, we_are_translated, parse_specialize_tag


@specialize.memo()
def table(n):
    return [n] * 3


@specialize.arg(0)
def pick(flag, x):
    if flag:
        return x + 1
    return x


@specialize.arg(0, 2)
def three(a, b, c):
    return a


@specialize.argtype(1)
def double(n, x):
    return x + x


@specialize.call_location()
def here(x):
    return x


@specialize.arg_or_var(1)
def aov(a, b):
    return b


@specialize.ll()
def llf(x):
    return x


@specialize.ll_and_arg(0)
def llarg(x):
    return x


class C(object):
    @staticmethod
    @specialize.argtype(0)
    def size(x):
        return len(x)


def entry_point(argv):
    print(table._annspecialcase_, pick._annspecialcase_, three._annspecialcase_,
          double._annspecialcase_)
    print(here._annspecialcase_, aov._annspecialcase_, llf._annspecialcase_,
          llarg._annspecialcase_)
    print(pick(True, 2), double(0, "a") + "b", double(0, 2.75), len(table(1)) * 8)
    print(C.size._annspecialcase_, C.size([1, 2, 3, 4]))
    try:
        specialize.arg(2)(lambda a, b: a)
    except TypeError:
        print("TypeError position")
    try:
        specialize.arg(-1)
    except TypeError:
        print("TypeError negative")
    try:
        specialize.arg()
    except TypeError:
        print("TypeError no args")
    print(parse_specialize_tag(three._annspecialcase_), parse_specialize_tag(table._annspecialcase_))
    print(we_are_translated())
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
