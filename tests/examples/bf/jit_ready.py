# examples/bf passes the JIT-readiness check (docs/jit_codegen.md): greens pc, program and
# bracket_map (a dict nobody writes after the setup), the tape red.
# run: rpp translate --jit --stop-after=jit --dump=jit %S/../../../examples/bf/targetbf.py
# check: jit portal mainloop (driver jitdriver)
# nextln: greens: pc: Signed; program: Ptr(rpy_string); bracket_map: Ptr(dict_Signed_Signed);
# nextln: reds: tape: Ptr(Tape);
# check: call @get_matching_bracket:
# check: jit readiness: ok
# not: error
