# The benchmark bench/backendopt/pair_loop.py itself (not a copy): at the default --opt=2 the
# loop of `run` calls nothing and allocates nothing (the pair returned by `step` and the `Vec`s
# made before and in the loop are loop variables), and the optimized graphs give the same output
# as `rpp run` (49464 for 1000 iterations). Its speed at --opt=0 vs --opt=2 is in the README.
# run: rpp translate --stop-after=backendopt --dump=backendopt --interp %S/../../bench/backendopt/pair_loop.py -- 1000
# check: graph @run(Signed) -> Signed {
# not: malloc
# not: direct_call
# check: graph @Vec.__init__(
# check: 49464
# stderr-check: backendopt: {{[0-9]+}} calls inlined, 3 mallocs removed
