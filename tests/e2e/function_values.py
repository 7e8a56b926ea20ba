# Functions as values (several functions in one variable: function pointers), and methods
# chosen at run time.
def add(a, b):
    return a + b

def sub(a, b):
    return a - b

def mul(a, b):
    return a * b

def pick(i):
    if i == 0:
        return add
    if i == 1:
        return sub
    return mul

class Counter(object):
    def __init__(self):
        self.count = 0
    def bump(self, n):
        self.count += n
        return self.count

def apply_n(f, n):
    acc = 1
    for i in range(n):
        acc = f(acc, i + 1)
    return acc

def entry_point(argv):
    for i in range(3):
        print(i, apply_n(pick(i), 6))
    c = Counter()
    for i in range(5):
        c.bump(i)
    print("count", c.count)
    return 0
