# A specialization that never stops: each call makes a new argument type.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_runaway_specialization.py:12:12: error: a specialization that never stops: grow() (specialize:argtype(0)) already has 64 versions, and this call asks for another
# stderr-check: note: each call makes a new key
from rpython.rlib.objectmodel import specialize

@specialize.argtype(0)
def grow(t, n):
    if n == 0:
        return 0
    return grow((t, t), n - 1)

def entry_point(argv):
    return grow(1, len(argv))
