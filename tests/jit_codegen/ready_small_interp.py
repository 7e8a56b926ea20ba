# A small bytecode interpreter passes the JIT-readiness check: greens are an int, a str and an
# instance with only immutable fields; reds an int and a mutable frame; the elidable helper is a
# residual call; the report lists the portal, its greens and reds with their types, and the
# effect info of every call the JIT would see.
# run: rpp translate --jit --stop-after=jit --dump=jit %s
# check: jit portal interpret (driver tiny)
# nextln:   greens: pc: Signed; program: Ptr(rpy_string); code: Ptr(Code);
# nextln:   reds: frame: Ptr(Frame); steps: Signed;
# nextln:   traced graphs: {{[0-9]+}}, calls: {{[0-9]+}}
# check:     call @Frame.push: reads {Frame.acc} writes {Frame.acc}
# check:     call @weight: reads {} writes {}
# check: jit readiness: ok
from rpython.rlib import jit


class Code(object):
    _immutable_fields_ = ['limit']

    def __init__(self, limit):
        self.limit = limit


class Frame(object):
    def __init__(self):
        self.acc = 0

    def push(self, v):
        self.acc = self.acc * 2 + v


driver = jit.JitDriver(greens=['pc', 'program', 'code'], reds=['frame', 'steps'], name='tiny')


@jit.elidable
def weight(program, pc):
    return ord(program[pc]) % 7


def interpret(program, code):
    pc = 0
    frame = Frame()
    steps = 0
    while pc < len(program):
        driver.jit_merge_point(pc=pc, program=program, code=code, frame=frame, steps=steps)
        c = program[pc]
        if c == '+':
            frame.acc += weight(program, pc)
        elif c == 'd':
            frame.push(1)
        if frame.acc > code.limit:
            frame.acc = 0
        steps += 1
        pc += 1
    return frame.acc + steps


def entry_point(argv):
    print(interpret("+d+d++d", Code(1000 + len(argv))))
    return 0


def target(driver, args):
    return entry_point
