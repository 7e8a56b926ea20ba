# id() and identity hashes of objects taken while they are young, kept across the collections
# that move them out of the nursery (docs/gc.md, "Identity hashes"): ids stay the same and stay
# distinct (a later object at a reused nursery address gets another one); instances as dict keys
# are found again after they moved.
class Obj(object):
    def __init__(self, n):
        self.n = n


def garbage(rounds):
    total = 0
    for i in range(rounds):
        total += len([i, i + 1, i + 2])
    return total


def entry_point(argv):
    objs = []
    by_id = {}
    by_obj = {}
    for i in range(3000):
        o = Obj(i)
        objs.append(o)
        by_id[id(o)] = i
        by_obj[o] = i
        if i % 100 == 0:
            garbage(2000)
    garbage(50000)
    same_ids = 0
    found = 0
    for o in objs:
        if by_id.get(id(o), -1) == o.n:
            same_ids += 1
        if by_obj.get(o, -1) == o.n:
            found += 1
    print(len(by_id), same_ids, found)
    return 0
