# An uncaught exception: what was printed before it is flushed, the exit code is 1.
class Boom(Exception):
    pass

def explode(n):
    if n > 2:
        raise Boom()
    return n

def entry_point(argv):
    for i in range(5):
        print("step", i, explode(i))
    return 0
