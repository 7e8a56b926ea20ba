# --opt=1: constant folding and dead code removal, no inlining nor malloc removal.
# run: rpp translate --stop-after=backendopt --opt=1 --dump=backendopt %S/opt_levels.py
# check: graph @f(Signed) -> Signed {
# nextln: b0(x_0: Signed):
# nextln:   v1: Signed = int_add(x_0, 12)
# nextln:   v2: Ptr(tuple2_Signed_Signed) = direct_call(@pair, v1)
# stderr-check: backendopt: 0 calls inlined, 0 mallocs removed
