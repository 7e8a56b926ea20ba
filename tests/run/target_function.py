# A target with target(driver, args) as in RPython: the entry point it returns is run.
# run: rpp run %s x y
# stdout: main got ['x', 'y']
def main(argv):
    print("main got", argv[1:])
    return 0


def entry_point(argv):
    print("entry_point must not be used when target() exists")
    return 1


def target(driver, args):
    return main, None
