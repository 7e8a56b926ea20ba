# Exceptions through several frames: user classes caught by a base class, re-raised, caught by
# the class-id range test of the exception transform; else and finally clauses.
class AppError(Exception):
    pass

class ParseError(AppError):
    pass

class EvalError(AppError):
    pass

def parse(n):
    if n % 3 == 0:
        raise ParseError()
    return n * 2

def evaluate(n):
    v = parse(n)
    if v % 5 == 0:
        raise EvalError()
    return v + 1

def run(n):
    try:
        return evaluate(n)
    except ParseError:
        print("parse error at", n)
        return -1
    finally:
        print("done", n)

def outer(n):
    try:
        return run(n)
    except AppError:
        print("app error at", n)
        return -2

def reraise(n):
    try:
        evaluate(n)
    except AppError:
        print("re-raising at", n)
        raise

def entry_point(argv):
    total = 0
    for i in range(1, 12):
        total += outer(i)
    print("total", total)
    try:
        reraise(5)
    except EvalError:
        print("caught EvalError outside")
    try:
        reraise(7)
        print("no error at 7")
    except AppError:
        print("unexpected")
    else:
        print("else branch")
    return 0
