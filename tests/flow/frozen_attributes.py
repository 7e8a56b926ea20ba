# Attributes of classes, frozen prebuilt objects (_freeze_) and modules fold, and len() of the constant string too.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = add(v0, 16)
# nextln: v2 = add(v1, 7)
# nextln: v3 = add(v2, 3)
# nextln: v4 = add(v3, 2)
# not: getattr
import os

class Config(object):
    SIZE = 16
    NAME = "cfg"

class Frozen(object):
    def __init__(self, n):
        self.n = n
    def _freeze_(self):
        return True

SETTINGS = Frozen(7)

def f(x):
    return x + Config.SIZE + SETTINGS.n + len(Config.NAME) + os.SEEK_END

def entry_point(argv):
    return f(len(argv))
