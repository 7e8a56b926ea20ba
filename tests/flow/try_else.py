# try/except/else: the else clause is not protected by the handlers.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph f(x)
# check: normal -> block1(v0, v1)
# check: block1(v4, v5):
# nextln: v6 = inplace_add(v5, 10)
# nextln: goto return(v6)
# check: v10 = issubtype(v8, <class ValueError>)
def g(x):
    return x

def f(x):
    try:
        y = g(x)
    except ValueError:
        y = 0
    else:
        y += 10
    return y

def entry_point(argv):
    return f(len(argv))
