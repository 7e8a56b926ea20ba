# A lambda is a constant function, flowed as a graph of its own.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph apply(x)
# nextln: block0(v0):
# nextln: v1 = simple_call(<function apply.<locals>.<lambda>>, v0)
# check: graph apply.<locals>.<lambda>(v)
# nextln: block0(v0):
# nextln: v1 = mul(v0, 2)
def apply(x):
    double = lambda v: v * 2
    return double(x)

def entry_point(argv):
    return apply(len(argv))
