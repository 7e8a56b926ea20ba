# Lists: append, pop, slicing, sort, reverse, in, + and *, negative indexes, IndexError.
def primes(n):
    found = []
    for i in range(2, n):
        ok = True
        for p in found:
            if p * p > i:
                break
            if i % p == 0:
                ok = False
                break
        if ok:
            found.append(i)
    return found

def entry_point(argv):
    ps = primes(60)
    print(len(ps), ps[0], ps[-1], ps[2:5])
    ps.reverse()
    print(ps[:3])
    ps.sort()
    print(ps[:3], 7 in ps, 8 in ps)
    both = [1, 2] + [3] * 3
    print(both, both.pop(), len(both))
    try:
        print(both[10])
    except IndexError:
        print("index out of range")
    return 0
