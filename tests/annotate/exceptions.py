# Exceptions: user classes deriving from Exception, raise/except with the exception's value
# narrowed to the handler's class, e.args, str(e), builtin exceptions from operations.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph entry_point
# check: : bool = issubtype({{v[0-9]+}}, <class KeyError>)
# check: : bool = issubtype({{v[0-9]+}}, <class ParseError>)
# check: ({{v[0-9]+}}: list[str; resized], {{v[0-9]+}}: ParseError, {{v[0-9]+}}: type (subclass of ParseError), {{v[0-9]+}}: ParseError):
# check: graph parse(s: str) -> int
# check: graph describe(e: ParseError) -> str
# check: graph ParseError.__init__(self: ParseError, msg: str, pos: nonneg int) -> None

class ParseError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos

def parse(s):
    if not s:
        raise ParseError("empty", 0)
    try:
        return int(s)
    except ValueError:
        raise ParseError("not a number: " + s, len(s))

def describe(e):
    return "%s at %d" % (e.msg, e.pos)

def entry_point(argv):
    try:
        n = parse(argv[0])
    except ParseError as e:
        print(describe(e))
        return 1
    try:
        d = {}
        print(d[argv[0]])
    except KeyError:
        print("no key")
    return n
