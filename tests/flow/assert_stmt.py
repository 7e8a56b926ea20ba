# assert: a switch on the test, and AssertionError (with the message) on failure.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# nextln: block0(v0):
# nextln: v1 = ge(v0, 0)
# nextln: switch v1
# check: v2 = simple_call(<class AssertionError>, 'x must not be negative')
# nextln: goto except(<class AssertionError>, v2)
# check: v5 = simple_call(<class AssertionError>)
def f(x):
    assert x >= 0, "x must not be negative"
    assert x < 100
    return x

def entry_point(argv):
    return f(len(argv))
