# JIT hints are accepted and kept, without changing types: a JitDriver whose merge point gets
# exactly its greens and reds, promote(), elidable functions, hint(access_directly=True) marking
# the virtualizable frame.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph run(frame: Frame) -> int
# check: : Frame (access_directly) = call_args(<function hint>, shape(1, access_directly=), {{v[0-9]+}}, True)
# check: : builtin method jit_merge_point of frozen <JitDriver object #{{[0-9]+}}> = getattr(
# check: : None = call_args({{v[0-9]+}}, shape(0, pc=, code=, frame=),
# check: : int = simple_call(<function promote>
# check: graph lookup(code: list[int; fixed], pc: nonneg int) -> int
from rpython.rlib import jit

class Frame(object):
    _virtualizable_ = ['acc']
    def __init__(self, acc):
        self.acc = acc

driver = jit.JitDriver(greens=['pc', 'code'], reds=['frame'], virtualizables=['frame'])

@jit.elidable
def lookup(code, pc):
    return code[pc]

def run(frame):
    frame = jit.hint(frame, access_directly=True)
    code = [1, 2, -3, 0]
    pc = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, frame=frame)
        op = lookup(code, pc)
        frame.acc += jit.promote(op)
        pc += 1
    return frame.acc

def entry_point(argv):
    return run(Frame(len(argv)))
