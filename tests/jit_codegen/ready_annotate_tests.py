# The readiness check on the annotator's JIT-hint program: the green fixed list is written only
# before the loop, so it counts as immutable while the JIT runs.
# run: rpp translate --jit --stop-after=jit --dump=jit %S/../annotate/jit_hints.py
# check: jit portal run (driver jitdriver)
# nextln:   greens: pc: Signed; code: Ptr(GcArray(Signed));
# nextln:   reds: frame: Ptr(Frame);
# check: jit readiness: ok
