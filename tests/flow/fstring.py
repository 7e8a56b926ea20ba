# f-strings: str() of each field, repr() for !r, format() with a spec, joined by add.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph show(name, n, x)
# nextln: block0(v0, v1, v2):
# nextln: v3 = str(v0)
# nextln: v4 = add(v3, ': ')
# nextln: v5 = str(v1)
# nextln: v6 = add(v4, v5)
# nextln: v7 = add(v6, ' ')
# nextln: v8 = repr(v2)
# nextln: v9 = add(v7, v8)
# nextln: v10 = add(v9, ' ')
# nextln: v11 = format(v1, '>4')
# nextln: v12 = add(v10, v11)
def show(name, n, x):
    return f"{name}: {n} {x!r} {n:>4}"

def entry_point(argv):
    show(argv[0], 3, 1.5)
    return 0
