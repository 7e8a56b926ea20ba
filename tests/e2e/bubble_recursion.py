# Recursion: Ackermann, Hanoi move counts, a recursive tree of instances and its depth.
class Node(object):
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right

def build(depth, value):
    if depth == 0:
        return None
    return Node(value, build(depth - 1, value * 2), build(depth - 1, value * 2 + 1))

def total(node):
    if node is None:
        return 0
    return node.value + total(node.left) + total(node.right)

def depth(node):
    if node is None:
        return 0
    l = depth(node.left)
    r = depth(node.right)
    return 1 + (l if l > r else r)

def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))

def hanoi(n):
    if n == 0:
        return 0
    return 2 * hanoi(n - 1) + 1

def entry_point(argv):
    tree = build(12, 1)
    print(total(tree), depth(tree))
    print(ack(2, 3), ack(3, 3), hanoi(20))
    return 0
