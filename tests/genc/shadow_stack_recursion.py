# Deep recursion that keeps GC pointers live across its calls fills the shadow stack (the GC
# transform's saves) faster than the native stack: the stack check raises RecursionError before
# either overflows (a small shadow stack here: RPP_SHADOW_STACK_SLOTS=20000).
# run: sh %S/translate_and_run.sh %t %s
# env: RPP_SHADOW_STACK_SLOTS=20000
# stdout: recursion error
# stdout: 7
class Box(object):
    def __init__(self, v):
        self.v = v


def down(n, box, acc):
    if n == 0:
        return len(acc)
    acc.append(box.v)
    r = down(n - 1, Box(n), acc)
    return r + box.v + down(0, box, acc)


def entry_point(argv):
    try:
        print(down(100000000, Box(1), []))
    except RecursionError:
        print("recursion error")
    print(down(2, Box(1), []) - 2)
    return 0
