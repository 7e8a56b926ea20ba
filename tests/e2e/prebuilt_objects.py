# Prebuilt instances and module-level constants become static data; their fields are read and
# updated at run time.
class Config(object):
    def __init__(self, name, level):
        self.name = name
        self.level = level

DEFAULT = Config("default", 1)
VERBOSE = Config("verbose", 3)
GREETING = "Grüße"
LIMITS = (10, 20, 30)

def choose(n):
    if n > 1:
        return VERBOSE
    return DEFAULT

def entry_point(argv):
    c = choose(len(argv))
    print(c.name, c.level, GREETING, LIMITS[1])
    DEFAULT.level += 5
    print(choose(0).level, LIMITS[0] + LIMITS[2])
    return 0
