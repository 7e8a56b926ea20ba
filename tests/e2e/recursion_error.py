# Unbounded recursion raises RecursionError (the stack check at the entry of recursive graphs);
# the program catches it and goes on.
def down(n):
    return down(n + 1) + 1

def ping(n):
    if n == 0:
        return 0
    return pong(n - 1) + 1

def pong(n):
    if n == 0:
        return 0
    return ping(n - 1) + 1

def entry_point(argv):
    try:
        down(0)
    except RecursionError:
        print("caught RecursionError")
    print(ping(500), pong(301))
    return 0
