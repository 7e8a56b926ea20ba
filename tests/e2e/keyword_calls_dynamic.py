# Calls with keyword arguments of callees that are not constant: a function pointer (functions
# with the same parameter names; equal defaults are filled in) and methods with several
# implementations (dispatched through the vtable), as CPython.
def area(width, height, scale=1):
    return width * height * scale


def perimeter(width, height, scale=1):
    return 2 * (width + height) * scale


def pick(n):
    if n > 1:
        return area
    return perimeter


class Greeter(object):
    def greet(self, name, punctuation="!"):
        return "hello " + name + punctuation


class LoudGreeter(Greeter):
    def greet(self, name, punctuation="!"):
        return "HELLO " + name.upper() + punctuation


def make(n):
    if n > 1:
        return LoudGreeter()
    return Greeter()


def entry_point(argv):
    for n in (1, 2):
        f = pick(n + len(argv) - 1)
        print(f(2, 3), f(width=2, height=5), f(4, height=1, scale=3), f(scale=2, height=1, width=1))
        g = make(n + len(argv) - 1)
        print(g.greet("ann"), g.greet(name="bob"), g.greet("cy", punctuation="?"), g.greet(punctuation=".", name="di"))
    return 0
