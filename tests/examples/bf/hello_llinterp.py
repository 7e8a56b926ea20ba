# The tutorial BF interpreter rtyped and run in the ll interpreter (bytes, os.open/read/write,
# a dict of brackets, str.join of chars) prints what `rpp run` prints (hello.py).
# run: rpp translate --stop-after=rtype --interp-check-overflow %S/../../../examples/bf/targetbf.py -- %S/hello.b
# stdout: Hello World!
