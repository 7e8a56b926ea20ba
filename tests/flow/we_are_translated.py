# we_are_translated() is True: the else branch (host-only code) is never flowed.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = add(v0, 1)
# nextln: goto return(v1)
# not: host_only
from rpython.rlib.objectmodel import we_are_translated

def f(x):
    if we_are_translated():
        return x + 1
    else:
        return host_only(x)

def host_only(x):
    return x

def entry_point(argv):
    return f(len(argv))
