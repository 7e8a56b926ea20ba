# `-o` into a directory that does not exist is refused before anything is translated, naming the
# path, never a linker failure at the end.
# run: rpp translate -o %t/no-such-dir/program %s
# exit: 2
# stderr-check: rpp translate: error: cannot write the executable '{{.*}}/no-such-dir/program': '{{.*}}/no-such-dir' is not a directory
# stderr-not: linking failed
def entry_point(argv):
    return 0


def target(*args):
    return entry_point, None
