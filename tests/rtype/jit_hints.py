# JIT hints stay operations with their arguments: jit_marker with the driver, greens then reds;
# hint(x, promote); we_are_jitted() is a symbol no folding removes; an access to a field of a
# virtualizable that is not direct forces it (jit_force_virtualizable); graphs keep the flags of
# their functions; the struct of a virtualizable class lists its fields, and the ranks of
# `_immutable_fields_` (immutable, quasi-immutable with its `mutate_` companion) are in the type.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: gcstruct Code {
# nextln:   super: object
# nextln:   length: Signed immutable
# nextln:   version: Signed quasi_immutable
# nextln:   mutate_version: Ptr(gcref)
# check: gcstruct Frame virtualizable(pc, acc) {
# nextln:   super: object
# nextln:   acc: Signed
# nextln:   pc: Signed
# check: graph @Frame.__init__(Ptr(Frame), Signed) -> Void {
# check: hint(self_0, "access_directly,fresh_virtualizable")
# check: graph @interpret(Ptr(Code), Ptr(Frame)) -> Signed {
# check: hint(frame_1, "access_directly")
# check: jit_marker("jit_merge_point", jitdriver(interp), code_{{[0-9]+}}, frame_{{[0-9]+}})
# check: hint({{.*}}, "promote")
# check: we_are_jitted:Bool
# check: graph @lookup(Ptr(Code), Signed) -> Signed [elidable] {
# check: graph @outside(Ptr(Frame)) -> Signed {
# check: jit_force_virtualizable(frame_0, "acc", "")
# nextln: getfield(frame_0, "acc")
# check: graph @bump(Ptr(Code)) -> Void {
# check: jit_force_quasi_immutable(code_0, "mutate_version")
# nextln: setfield(code_0, "version",
from rpython.rlib import jit


class Frame(object):
    _virtualizable_ = ['pc', 'acc']

    def __init__(self, acc):
        self = jit.hint(self, access_directly=True, fresh_virtualizable=True)
        self.acc = acc
        self.pc = 0


class Code(object):
    _immutable_fields_ = ['length', 'version?']

    def __init__(self, length):
        self.length = length
        self.version = 0


driver = jit.JitDriver(greens=['code'], reds=['frame'], virtualizables=['frame'], name='interp')


@jit.elidable
def lookup(code, pc):
    return (pc * 7 + code.version) % 5


def interpret(code, frame):
    frame = jit.hint(frame, access_directly=True)
    while frame.pc < code.length:
        driver.jit_merge_point(code=code, frame=frame)
        op = lookup(code, frame.pc)
        frame.acc += jit.promote(op)
        if jit.we_are_jitted():
            frame.acc += 1000
        frame.pc += 1
    return frame.acc


def outside(frame):
    return frame.acc


def bump(code):
    code.version += 1


def entry_point(argv):
    code = Code(10 + len(argv))
    frame = Frame(len(argv))
    print(interpret(code, frame), outside(frame))
    bump(code)
    print(interpret(code, Frame(0)), code.version)
    return 0
