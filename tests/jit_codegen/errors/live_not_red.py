# A variable live across the jit_merge_point that is neither green nor red is reported at the
# merge point's line, with the driver's name; exit code 2.
# run: rpp translate --jit --stop-after=rtype %s
# exit: 2
# stderr-check: live_not_red.py:16:{{[0-9]+}}: error: 'total' (Signed) is live across the jit_merge_point of driver 'loop' but is neither a green nor a red
# stderr-check: not ready for the JIT (1 problems)
from rpython.rlib import jit

driver = jit.JitDriver(greens=['pc'], reds=['n'], name='loop')


def run(n):
    pc = 0
    total = 0
    while pc < n:
        driver.jit_merge_point(pc=pc, n=n)
        total += pc
        pc += 1
    return total


def entry_point(argv):
    print(run(len(argv) + 5))
    return 0


def target(driver, args):
    return entry_point
