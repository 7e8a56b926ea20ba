# Every str method the annotator allows, run in the ll interpreter: the output must be CPython's
# (strip/split/rsplit/splitlines, startswith/endswith of a tuple, find/rfind/index/rindex/count,
# replace, case mappings, character classes, justification, zfill, partition/rpartition, join,
# encode/decode, a constant str.format).
# run: rpp translate --stop-after=rtype --interp %s
# same-as: python3
import sys


def entry_point(argv):
    s = "  Hello, World  "
    t = "abc,def,,ghi"
    print(s.strip(), s.lstrip(), s.rstrip(), t.strip("a,i"), t.split(","), t.rsplit(",", 1), "a\nb\r\nc".splitlines())
    print(t.startswith("abc"), t.endswith(("x", "ghi")), t.find("def"), t.rfind(","), t.index("d"), t.rindex(","), t.count(","))
    print(t.replace(",", ";"), t.replace(",", "", 2), s.lower(), s.upper(), "hello world".title(), "hELLO".capitalize(), "AbC".swapcase())
    print("123".isdigit(), "abc".isalpha(), "a1".isalnum(), " ".isspace(), "AB".isupper(), "ab".islower(), "12".isdecimal(), "½".isnumeric(), "x_1".isidentifier())
    print("ab".ljust(5, "*"), "ab".rjust(5), "ab".center(6, "-"), "42".zfill(5), t.partition(","), t.rpartition(","), "-".join(["a", "b"]))
    print(len("é".encode("utf-8")), b"\xc3\xa9".decode("utf-8"), "{}:{:>4}".format("k", 7))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
