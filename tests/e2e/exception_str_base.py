# str(e) as CPython when the exception is seen through a base class (`except Exception as e`,
# a parameter typed BaseException): the message of the class that was raised; str() of a
# KeyError is the repr of its key.
def fail(n):
    if n == 1:
        raise ValueError("one")
    if n == 2:
        raise KeyError("two")
    if n == 3:
        raise IndexError(3)
    if n == 4:
        return {"a": 1}["missing"]
    if n == 5:
        raise RuntimeError()
    return n


def show(e):
    print("show", type(e).__name__, "[" + str(e) + "]")


def entry_point(argv):
    for n in range(6):
        try:
            fail(n + len(argv) - 1)
        except KeyError as k:
            print("KeyError [" + str(k) + "]")
            show(k)
        except Exception as e:
            print("caught [" + str(e) + "]")
            show(e)
    return 0
