# Generators are not RPython yet: the error points at the yield.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: yield_generator.py:8:9: error: generators ('yield') are not RPython yet
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def entry_point(argv):
    for x in numbers(3):
        pass
    return 0
