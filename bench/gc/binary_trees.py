# binary-trees as an RPython program (bench/gc/README.md): translated with --gc=gen and with
# --gc=boehm by bench/gc/run_translated.sh. A stretch tree of depth N+1, a long-lived tree of
# depth N, then 2^(N-d+4) trees of each depth d = 4, 6, ..., N, each walked for its node count.
# Usage: binary_trees-c [N]   (default 16)


class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def entry_point(argv):
    n = 16
    if len(argv) > 1:
        n = int(argv[1])
    max_depth = max(6, n)
    stretch = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check(make(stretch))))
    long_lived = make(max_depth)
    depth = 4
    while depth <= max_depth:
        iterations = 1 << (max_depth - depth + 4)
        total = 0
        for i in range(iterations):
            total += check(make(depth))
        print("%d\t trees of depth %d\t check: %d" % (iterations, depth, total))
        depth += 2
    print("long lived tree of depth %d\t check: %d" % (max_depth, check(long_lived)))
    return 0


def target(driver, args):
    return entry_point, None
