# The tutorial BF interpreter translated by genc to a native executable (bytes, os.open/read/write,
# a dict of brackets, str.join of chars), run on hello.b, digits.b and wrap.b: the same output as
# `rpp run` gives (hello.py, digits.py, wrap.py).
# run: sh %S/translate_and_run.sh %t %S/hello.b %S/digits.b %S/wrap.b
# timeout: 60
# stdout: Hello World!
# stdout: 0123456789
# stdout: A
