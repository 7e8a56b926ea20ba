# Functions stored in a list (a dispatch table) and called through a variable: one call family,
# one call site with every possible callee.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph run(code: nonneg int, a: nonneg int, b: int = -2) -> int
# check: : functions {op_add, op_sub, op_mul} = getitem(<list object #{{[0-9]+}}>, {{v[0-9]+}})
# check: : int = simple_call({{v[0-9]+}}, {{v[0-9]+}}, {{v[0-9]+}})
# check: graph op_add(a: nonneg int, b: int = -2) -> int
# check: graph op_sub(a: nonneg int, b: int = -2) -> int
# check: graph op_mul(a: nonneg int, b: int = -2) -> int

def op_add(a, b):
    return a + b

def op_sub(a, b):
    return a - b

def op_mul(a, b):
    return a * b

TABLE = [op_add, op_sub, op_mul]

def run(code, a, b):
    return TABLE[code](a, b)

def entry_point(argv):
    return run(len(argv) % 3, len(argv), -2)
