# JitDriver: a small interpreter loop runs with merge points; wrong keyword arguments are rejected.
# run: rpp run %s
# same-as: python3
# stdout: 55
# stdout: JitHintError missing
# stdout: JitHintError extra
# stdout: JitHintError can_enter_jit
# stdout: JitHintError auto can_enter_jit
# stdout: auto 10
# stdout: TypeError virtualizable
# stdout: TypeError twice
# stdout: TypeError no reds
# stdout: TypeError green field
# stdout: TypeError printable location arity
# stdout: ['pc', 'code'] ['acc', 'i', 'frame'] ['frame'] True 3
# stdout: jitdriver <-- pc=3 SUM
# stdout: ValueError unknown
# stdout: TypeError value
# stdout: ValueError user
# stdout: ok
import sys
from rpython.rlib.jit import JitDriver, JitHintError, set_param, set_user_param, hint


def get_location(pc, code):
    return "pc=%d %s" % (pc, code[pc])


class Frame(object):
    _virtualizable_ = ["x"]

    def __init__(self):
        self.x = 0


driver = JitDriver(greens=["pc", "code"], reds=["acc", "i", "frame"], virtualizables=["frame"],
                   get_printable_location=get_location, is_recursive=True)
auto = JitDriver(greens=["n"], reds="auto")

# a loop: acc += i; i -= 1; jump back while i > 0
CODE = ["ADD", "DEC", "JNZ", "SUM"]


def interpret(n):
    pc = 0
    acc = 0
    i = n
    frame = Frame()
    frame = hint(frame, access_directly=True, fresh_virtualizable=True)
    while pc < len(CODE):
        driver.jit_merge_point(pc=pc, code=CODE, acc=acc, i=i, frame=frame)
        op = CODE[pc]
        if op == "ADD":
            acc += i
            pc += 1
        elif op == "DEC":
            i -= 1
            pc += 1
        elif op == "JNZ":
            if i > 0:
                pc = 0
                driver.can_enter_jit(pc=pc, code=CODE, acc=acc, i=i, frame=frame)
            else:
                pc += 1
        else:
            pc += 1
    return acc


def entry_point(argv):
    print(interpret(10))
    try:
        driver.jit_merge_point(pc=0, code=CODE, acc=0, i=0)
    except JitHintError:
        print("JitHintError missing")
    try:
        driver.jit_merge_point(pc=0, code=CODE, acc=0, i=0, frame=None, extra=1)
    except JitHintError:
        print("JitHintError extra")
    try:
        driver.can_enter_jit(pc=0, code=CODE)
    except JitHintError:
        print("JitHintError can_enter_jit")
    try:
        auto.can_enter_jit(n=1)
    except JitHintError:
        print("JitHintError auto can_enter_jit")
    total = 0
    for n in range(5):
        auto.jit_merge_point(n=n)
        total += n
    print("auto", total)
    try:
        JitDriver(greens=["a"], reds=["b"], virtualizables=["c"])
    except TypeError:
        print("TypeError virtualizable")
    try:
        JitDriver(greens=["a"], reds=["b", "a"])
    except TypeError:
        print("TypeError twice")
    try:
        JitDriver(greens=["a"])
    except TypeError:
        print("TypeError no reds")
    try:
        JitDriver(greens=["f.pc"], reds=["x"])
    except TypeError:
        print("TypeError green field")
    try:
        JitDriver(greens=["pc"], reds=["x"], get_printable_location=get_location)
    except TypeError:
        print("TypeError printable location arity")
    fielded = JitDriver(greens=["f.pc"], reds=["f"])
    fielded.jit_merge_point(f=None)
    print(driver.greens, driver.reds, driver.virtualizables, driver.is_recursive, driver.numreds)
    print(driver.name, "<--", driver.get_printable_location(3, CODE))
    set_param(driver, "threshold", 3)
    set_param(None, "enable_opts", "intbounds:heap")
    try:
        set_param(driver, "no_such_param", 1)
    except ValueError:
        print("ValueError unknown")
    try:
        set_param(driver, "threshold", "3")
    except TypeError:
        print("TypeError value")
    set_user_param(driver, "threshold=200,trace_limit=10000")
    set_user_param(driver, "off")
    try:
        set_user_param(driver, "threshold=abc")
    except ValueError:
        print("ValueError user")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
