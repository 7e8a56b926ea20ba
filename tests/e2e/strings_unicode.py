# Strings: non-ASCII text (narrow and wide), concatenation, length, indexing and iteration by
# code point, comparison, str() of numbers.
def count(s, c):
    n = 0
    for ch in s:
        if ch == c:
            n += 1
    return n

def reverse(s):
    r = ""
    i = len(s) - 1
    while i >= 0:
        r = r + s[i]
        i -= 1
    return r

def entry_point(argv):
    words = ("héllo", "wörld", "€uro", "日本語", "plain")
    for w in words:
        print(w, len(w), reverse(w), count(w, "l"))
    s = ""
    for w in words:
        s = s + w + "|"
    print(s, len(s))
    print("日本" + "語" == words[3], "a" < "b", "é" > "e")
    print("π ≈ " + str(3.14159) + ", e ≈ " + str(2.71828))
    return 0
