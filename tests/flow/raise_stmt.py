# raise of an instance of a known class (its class is the constant exception type) and of a class.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph check(x)
# check: v5 = simple_call(<class ValueError>)
# nextln: goto except(<class ValueError>, v5)
# check: v7 = simple_call(<class ParseError>, 'negative')
# nextln: goto except(<class ParseError>, v7)
# not: type(
class ParseError(Exception):
    pass

def check(x):
    if x < 0:
        raise ParseError("negative")
    if x == 0:
        raise ValueError
    return x

def entry_point(argv):
    return check(len(argv))
