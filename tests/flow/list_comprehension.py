# A list comprehension is a loop appending to a new list (its variable in its own scope).
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph squares(n, k)
# nextln: block0(v0, v1):
# nextln: v2 = newlist()
# nextln: v3 = simple_call(<class range>, v0)
# nextln: v4 = iter(v3)
# check: v9 = next(v8)
# check: v18 = eq(v17, 0)
# check: v24 = getattr(v21, 'append')
# nextln: v25 = mul(v22, v22)
# nextln: v26 = add(v25, v20)
# nextln: v27 = simple_call(v24, v26)
def squares(n, k):
    return [i * i + k for i in range(n) if i % 2 == 0]

def entry_point(argv):
    squares(len(argv), 1)
    return 0
