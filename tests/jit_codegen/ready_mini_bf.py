# A Brainfuck interpreter in the style of examples/bf, with only what the rtyper supports today
# (examples/bf needs bytes and dicts: "RTyper, part 2"): the tape is a doubly linked list of
# cells, bracket matching an elidable scan of the program. It passes the JIT-readiness check
# (greens pc and program, red the tape) and runs the same after the backend optimizations.
# run: rpp translate --jit --stop-after=jit --dump=jit %s
# check: jit portal mainloop (driver bf)
# nextln:   greens: pc: Signed; program: Ptr(rpy_string);
# nextln:   reds: tape: Ptr(Tape);
# check: jit readiness: ok
from rpython.rlib.jit import JitDriver, elidable

jitdriver = JitDriver(greens=['pc', 'program'], reds=['tape'], name='bf')


class Cell(object):
    def __init__(self, left):
        self.value = 0
        self.left = left
        self.right = None


class Tape(object):
    def __init__(self):
        self.cell = Cell(None)

    def advance(self):
        if self.cell.right is None:
            self.cell.right = Cell(self.cell)
        self.cell = self.cell.right

    def devance(self):
        if self.cell.left is None:
            c = Cell(None)
            c.right = self.cell
            self.cell.left = c
        self.cell = self.cell.left


@elidable
def matching(program, pc):
    depth = 0
    step = 1
    if program[pc] == ']':
        step = -1
    while True:
        c = program[pc]
        if c == '[':
            depth += step
        elif c == ']':
            depth -= step
        if depth == 0:
            return pc
        pc += step


def mainloop(program):
    pc = 0
    tape = Tape()
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, program=program, tape=tape)
        code = program[pc]
        if code == ">":
            tape.advance()
        elif code == "<":
            tape.devance()
        elif code == "+":
            tape.cell.value = (tape.cell.value + 1) & 0xFF
        elif code == "-":
            tape.cell.value = (tape.cell.value - 1) & 0xFF
        elif code == ".":
            print(chr(tape.cell.value))
        elif code == "[" and tape.cell.value == 0:
            pc = matching(program, pc)
        elif code == "]" and tape.cell.value != 0:
            pc = matching(program, pc)
        pc += 1
    return 0


def entry_point(argv):
    # prints "H" and "i": 8 * 9 = 72, then + 33 = 105
    return mainloop("++++++++[>+++++++++<-]>.+++++++++++++++++++++++++++++++++.")


def target(driver, args):
    return entry_point
