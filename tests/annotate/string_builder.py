# rlib.rstring's StringBuilder and BytesBuilder are builtin types; build() gives str or bytes.
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph render(items: list[str; resized]) -> str
# check: : StringBuilder = simple_call(<class StringBuilder>)
# check: graph encode(items: list[str; resized]) -> bytes
from rpython.rlib.rstring import StringBuilder, BytesBuilder

def render(items):
    sb = StringBuilder()
    for s in items:
        sb.append(s)
        sb.append_multiple_char(" ", 2)
    return sb.build()

def encode(items):
    bb = BytesBuilder()
    for s in items:
        bb.append(s.encode("utf-8"))
    return bb.build()

def entry_point(argv):
    print(render(argv), len(encode(argv)))
    return 0
