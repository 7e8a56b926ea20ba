# A constant % format or f-string is split at translation time: literal text, then one helper
# per conversion ($format_int / $format_float / $format_str with the conversion's spec, or
# str() / repr() directly for a plain %s / {x} / {x!r}), concatenated.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: graph @show(Ptr(rpy_string), Signed, Float) -> Ptr(rpy_string) {
# check: direct_call($format_int, {{.*}}, &{{.*}})
# check: direct_call($format_float, {{.*}}, &{{.*}})
def show(name, n, x):
    return "%s has %5d items, %.2f%% (%r) %x" % (name, n, x, name, n)


def fstring(name, n, x):
    return f"{name}: {n} {x!r} {n:>4} {x:.3f} {name!r:>8}"


def entry_point(argv):
    print(show("box", 42, 12.345))
    print(fstring("it", 7, 1.5))
    print("%d-%s-%c" % (3, 4.5, "z"), "%s" % "plain", "%5s|%-5s|" % ("a", "b"))
    return 0
