"""A Brainfuck interpreter in RPython: the first program of the PyPy tutorial, for Python 3.

    ./rpp run examples/bf/targetbf.py PROGRAM.b        run it untranslated (on CPython)
    ./rpp translate --jit examples/bf/targetbf.py      make a native interpreter with a JIT

README.md beside this file walks through it.
"""

import os

from rpython.rlib.jit import JitDriver, elidable


def get_location(pc, program, bracket_map):
    """What the JIT shows for a position in the program (in traces and logs)."""
    return "%s_%s_%s" % (program[:pc], program[pc], program[pc + 1:])


# Greens are constant for a given position in the user's program; the JIT compiles one loop per
# green key. Reds are everything else that lives across the loop.
jitdriver = JitDriver(greens=['pc', 'program', 'bracket_map'], reds=['tape'],
                      get_printable_location=get_location)


@elidable
def get_matching_bracket(bracket_map, pc):
    # Elidable: the result depends only on the arguments (the map never changes once built), so with
    # constant arguments the JIT replaces the call by its result.
    return bracket_map[pc]


class Tape(object):
    """The memory: cells of 8 bits (they wrap), growing to the right as the program moves."""

    def __init__(self):
        self.thetape = [0]
        self.position = 0

    def get(self):
        return self.thetape[self.position]

    def set(self, val):
        self.thetape[self.position] = val & 0xFF

    def inc(self):
        self.thetape[self.position] = (self.thetape[self.position] + 1) & 0xFF

    def dec(self):
        self.thetape[self.position] = (self.thetape[self.position] - 1) & 0xFF

    def advance(self):
        self.position += 1
        if len(self.thetape) <= self.position:
            self.thetape.append(0)

    def devance(self):
        self.position -= 1


def mainloop(program, bracket_map):
    pc = 0
    tape = Tape()
    while pc < len(program):
        jitdriver.jit_merge_point(pc=pc, tape=tape, program=program, bracket_map=bracket_map)
        code = program[pc]
        if code == ">":
            tape.advance()
        elif code == "<":
            tape.devance()
        elif code == "+":
            tape.inc()
        elif code == "-":
            tape.dec()
        elif code == ".":
            # chr() of a cell is one character below 256: latin-1 turns it into that byte.
            os.write(1, chr(tape.get()).encode('latin-1'))
        elif code == ",":
            data = os.read(0, 1)
            if len(data) > 0:
                tape.set(data[0])
            else:
                tape.set(0)  # at the end of the input the cell becomes 0
        elif code == "[" and tape.get() == 0:
            # Skip forward to the matching ]
            pc = get_matching_bracket(bracket_map, pc)
        elif code == "]" and tape.get() != 0:
            # Skip back to the matching [
            pc = get_matching_bracket(bracket_map, pc)
        pc += 1


def parse(source):
    """Keep the eight instructions, and map each bracket to its partner.

    Returns (program, bracket_map), or raises ValueError for unbalanced brackets."""
    parsed = []
    bracket_map = {}
    leftstack = []
    pc = 0
    for byte in source:
        char = chr(byte)
        if char in "[].,+-<>":
            parsed.append(char)
            if char == "[":
                leftstack.append(pc)
            elif char == "]":
                if len(leftstack) == 0:
                    raise ValueError("unmatched ']' at instruction %d" % pc)
                left = leftstack.pop()
                right = pc
                bracket_map[left] = right
                bracket_map[right] = left
            pc += 1
    if len(leftstack) > 0:
        raise ValueError("unmatched '[' at instruction %d" % leftstack[-1])
    return "".join(parsed), bracket_map


def read_file(filename):
    fd = os.open(filename, os.O_RDONLY, 0o777)
    chunks = []
    while True:
        data = os.read(fd, 4096)
        if len(data) == 0:
            break
        chunks.append(data)
    os.close(fd)
    return b"".join(chunks)


def entry_point(argv):
    if len(argv) != 2:
        os.write(2, b"usage: targetbf.py PROGRAM.b\n")
        return 2
    try:
        source = read_file(argv[1])
    except OSError:
        os.write(2, ("targetbf: cannot read %s\n" % argv[1]).encode('utf-8'))
        return 1
    try:
        program, bracket_map = parse(source)
    except ValueError as e:
        os.write(2, ("targetbf: %s\n" % str(e)).encode('utf-8'))
        return 1
    mainloop(program, bracket_map)
    return 0


def target(driver, args):
    return entry_point, None

