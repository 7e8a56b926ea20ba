"""`JitPolicy` where RPython targets import it from; the class lives in rpython.rlib.jit."""

from rpython.rlib.jit import JitPolicy  # noqa: F401
