# A call through a function pointer that leaves an argument to its default value, when the
# functions it may reach have different defaults: a located error (never the wrong default).
# run: rpp translate --stop-after=rtype %s
# exit: 2
# stderr-check: defaults_differ.py:{{[0-9]+}}:{{[0-9]+}}: error: the call leaves 1 argument(s) to default values, but the functions it may reach ({{.*}}) differ in their parameters or default values: pass every argument
# stderr-not: internal error


def add(a, b=1):
    return a + b


def mul(a, b=100):
    return a * b


def pick(n):
    if n > 1:
        return add
    return mul


def entry_point(argv):
    h = pick(len(argv))
    print(h(3, 4))
    print(h(3))
    return 0
