# `assert n >= 0` makes n non-negative after the assert (so n // 2 and n % 3 are too).
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph half(n: int) -> tuple(nonneg int, nonneg int)
# check: ({{v[0-9]+}}: nonneg int):
# check: : nonneg int = floordiv({{v[0-9]+}}, 2)

def half(n):
    assert n >= 0
    return (n // 2, n % 3)

def entry_point(argv):
    half(len(argv) - 1)
    return 0
