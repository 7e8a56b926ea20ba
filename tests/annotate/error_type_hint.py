# A type hint that does not match what was inferred.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_type_hint.py:7:1: error: type-hint mismatch: the parameter 'n' of double() is declared `int` but the annotator infers str
# stderr-check: call chain: entry_point ({{.*}}error_type_hint.py:11) -> double

def double(n: int) -> int:
    return n * 2

def entry_point(argv):
    double(argv[0])
    return 0
