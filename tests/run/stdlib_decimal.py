# The embedded CPython of the (statically linked) rpp binary has `_contextvars` built in, so the
# standard library's `decimal` (its pure Python version there) and `contextvars` work at
# translation time and under `rpp run` (docs/memory.md).
# run: rpp run %s
# same-as: python3
# stdout: 0.3 1.000
# stdout: var 7 8
import contextvars
import decimal
import sys

VAR = contextvars.ContextVar("var", default=7)
SUM = decimal.Decimal("0.1") + decimal.Decimal("0.2")
THIRDS = (decimal.Decimal(1) / decimal.Decimal(3) * 3).quantize(decimal.Decimal("0.001"))


def set_and_get():
    VAR.set(8)
    return VAR.get()


CONTEXT_VALUES = (VAR.get(), contextvars.copy_context().run(set_and_get))


def entry_point(argv):
    print(str(SUM), str(THIRDS))
    print("var", CONTEXT_VALUES[0], CONTEXT_VALUES[1])
    return 0


def target(*args):
    return entry_point, None


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
