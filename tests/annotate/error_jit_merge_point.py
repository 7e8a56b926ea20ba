# jit_merge_point must get exactly the driver's greens and reds as keywords.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_jit_merge_point.py:16:9: error: jit_merge_point() must be given exactly the driver's greens and reds as keywords
# stderr-check: note: missing: n
# stderr-check: note: not a green or red of the driver: total
# stderr-check: note: greens: pc; reds: acc, n
from rpython.rlib import jit

driver = jit.JitDriver(greens=['pc'], reds=['acc', 'n'])

def entry_point(argv):
    pc = acc = total = 0
    n = len(argv)
    while pc < n:
        driver.jit_merge_point(pc=pc, acc=acc, total=total)
        acc += pc
        pc += 1
    return acc
