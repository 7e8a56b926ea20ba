# `rpp translate --help` describes every option.
# run: rpp translate --help
# check: usage: rpp translate [OPTIONS] TARGET.py
# check: --jit, --opt=jit
# check: --gc=gen|boehm
# check: --opt=0|1|2
# check: --asserts=check|remove
# check: -o OUT
# check: --dump=STAGE
# check: --dump-dir DIR
# check: --stop-after=STAGE
# check: flow
# check: annotate
# check: rtype
# check: jit
# check: backendopt
# check: gc
# check: emit
