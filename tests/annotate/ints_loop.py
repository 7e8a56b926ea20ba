# A counting loop: the counter starts as the constant 0 and generalizes to a non-negative int;
# inside the loop `i < n` with i >= 0 makes n non-negative too.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph entry_point(argv: list[str; resized]) -> nonneg int
# check: graph count(n: int) -> nonneg int
# check: block1(v1: int, v2: nonneg int):
# check: v3: bool = lt(v2, v1)
# check: block2({{v[0-9]+}}: nonneg int, {{v[0-9]+}}: nonneg int):
# check: : nonneg int = inplace_add({{v[0-9]+}}, 1)

def count(n):
    i = 0
    while i < n:
        i += 1
    return i

def entry_point(argv):
    return count(len(argv) - 1)
