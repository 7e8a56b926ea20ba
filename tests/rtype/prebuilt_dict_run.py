# The prebuilt dicts of prebuilt_dict.py run in the ll interpreter: lookups find the translation-time
# entries, and inserting into a prebuilt dict grows it (its static arrays are replaced).
# run: rpp translate --stop-after=rtype --interp %s
# stdout: zero
# stdout: nine
# stdout: seventeen
# stdout: ?
# stdout: 1
# stdout: 2
# stdout: 3
# stdout: 4
# stdout: -1
# stdout: 5 4 9 15
NAMES = {0: "zero", 9: "nine", 17: "seventeen"}
KEYWORDS = {"and": 1, "class": 2, "whilé": 3, "€uro": 4}

def entry_point(argv):
    for k in [0, 9, 17, 1]:
        print(NAMES.get(k, "?"))
    for w in ["and", "class", "whilé", "€uro", "or"]:
        print(KEYWORDS.get(w, -1))
    KEYWORDS["or"] = 5
    for i in range(10):
        KEYWORDS["k" + str(i)] = i
    print(KEYWORDS["or"], KEYWORDS["€uro"], KEYWORDS["k9"], len(KEYWORDS))
    return 0
