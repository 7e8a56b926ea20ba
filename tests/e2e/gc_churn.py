# Many short-lived objects and a few long-lived ones: the translated program allocates through
# the GC (Boehm), which must keep everything reachable from locals, instances and prebuilt
# objects alive while it frees the rest.
class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

class Holder(object):
    def __init__(self):
        self.keep = None

HOLDER = Holder()

def chain(n, start):
    head = None
    for i in range(n):
        head = Cell(start + i, head)
    return head

def checksum(cell):
    total = 0
    while cell is not None:
        total = (total * 31 + cell.value) % 1000003
        cell = cell.next
    return total

def entry_point(argv):
    HOLDER.keep = chain(1000, 7)
    kept = chain(500, 1)
    acc = 0
    for round in range(300):
        tmp = chain(1000, round)
        acc = (acc + checksum(tmp)) % 1000003
        s = ""
        for k in range(20):
            s = s + str(k)
        acc = (acc + len(s)) % 1000003
    print(acc, checksum(kept), checksum(HOLDER.keep))
    return 0
