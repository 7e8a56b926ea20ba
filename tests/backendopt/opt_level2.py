# --opt=2 (the default): the call is inlined and the tuple is gone; the output is unchanged.
# run: rpp translate --stop-after=backendopt --dump=backendopt --interp %S/opt_levels.py
# check: graph @f(Signed) -> Signed {
# nextln: b0(x_0: Signed):
# nextln:   v1: Signed = int_add(x_0, 12)
# nextln:   v2: Signed = int_mul(v1, 2)
# nextln:   v3: Signed = int_add(v1, v2)
# nextln:   goto return(v3)
# check: f: 39
# stderr-check: backendopt: {{[1-9][0-9]*}} calls inlined, {{[1-9][0-9]*}} mallocs removed
