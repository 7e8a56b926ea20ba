# A bad option value names the option and the accepted values.
# run: rpp translate --gc=refcount %s
# exit: 2
# stderr-check: rpp translate: error: --gc takes gen or boehm, not 'refcount'
def entry_point(argv):
    return 0
