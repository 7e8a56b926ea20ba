# An uncaught exception with a message: stdout is flushed, the exit code is 1, and standard
# error ends with `Cls: msg` (the e2e suite compares that line between the ll interpreter and
# the translated program).
class ConfigError(Exception):
    pass

def check(n):
    if n > 0:
        raise ConfigError("bad value " + str(n))
    return n

def entry_point(argv):
    print("checking")
    check(len(argv))
    print("not reached")
    return 0
