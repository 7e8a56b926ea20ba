# --sanitize=address links the runtime built with AddressSanitizer, which exists for the
# generational GC only: with --gc=boehm it is a usage error naming both options.
# run: rpp translate --gc=boehm --sanitize=address %s
# exit: 2
# stderr-check: rpp translate: error: --sanitize=address needs --gc=gen
def entry_point(argv):
    return 0
