# rlib functions the translator implements (jit.hint, promote, debug_print...) are calls of
# constants but are never flowed; plain rlib code (rstring.split) is flowed like user code.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph entry_point(argv)
# check: call_args(<function hint>, shape(1, access_directly=), v{{[0-9]+}}, True)
# check: simple_call(<function promote>, v
# check: simple_call(<function split>,
# check: graph split(
# not: graph hint
# not: graph promote
from rpython.rlib import jit, rstring

class Frame(object):
    def __init__(self, n):
        self.n = n

def entry_point(argv):
    frame = jit.hint(Frame(len(argv)), access_directly=True)
    n = jit.promote(frame.n)
    parts = rstring.split(argv[0], ",")
    return n + len(parts)
