# Dicts: counting words, insertion order, get with a default, KeyError, deletion.
def count_words(text):
    counts = {}
    for word in text.split(" "):
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts

def entry_point(argv):
    counts = count_words("the quick brown fox jumps over the lazy dog the end")
    for word in counts:
        print(word, counts[word])
    print(len(counts), "the" in counts, "cat" in counts)
    del counts["the"]
    try:
        print(counts["the"])
    except KeyError:
        print("no more 'the'")
    return 0
