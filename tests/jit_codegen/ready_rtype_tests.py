# The readiness check on the rtyper's and annotator's JIT-hint programs: a virtualizable frame as
# red, an instance with immutable and quasi-immutable fields as green, a fixed list built before
# the loop as green, elidable calls as residual calls.
# run: rpp translate --jit --stop-after=jit --dump=jit %S/../rtype/jit_hints.py
# check: jit portal interpret (driver interp)
# nextln:   greens: code: Ptr(Code);
# nextln:   reds: frame: Ptr(Frame);
# check: jit readiness: ok
