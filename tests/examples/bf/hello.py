# The classic hello world through the tutorial BF interpreter (examples/bf).
# run: rpp run %S/../../../examples/bf/targetbf.py %S/hello.b
# stdout: Hello World!
