# A green whose type is a mutable instance that the portal writes is reported (greens must be
# immutable), as is a green field that is not in _immutable_fields_.
# run: rpp translate --jit --stop-after=rtype %s
# exit: 2
# stderr-check: mutable_green.py:30:{{[0-9]+}}: error: green 'state' of driver 'm' has the mutable type Ptr(State): code reachable from the portal writes State.count (greens must be immutable)
# stderr-check: mutable_green.py:30:{{[0-9]+}}: error: green field 'ctx.x' of driver 'm' is not immutable
from rpython.rlib import jit


class State(object):
    def __init__(self):
        self.count = 0


class Ctx(object):
    def __init__(self, x):
        self.x = x


driver = jit.JitDriver(greens=['state', 'ctx.x'], reds=['i', 'ctx'], name='m')


def bump(state):
    state.count += 1


def run(state, ctx):
    i = 0
    while i < 10:
        driver.jit_merge_point(state=state, ctx=ctx, i=i)
        bump(state)
        ctx.x += 1
        i += 1
    return state.count


def entry_point(argv):
    print(run(State(), Ctx(len(argv))))
    return 0


def target(driver, args):
    return entry_point
