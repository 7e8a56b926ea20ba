# Command-line arguments arrive as a list of str (UTF-8, surrogateescape); the program prints
# them (not argv[0], whose path differs between the runs) and their lengths.
def entry_point(argv):
    print(len(argv) - 1, "arguments")
    i = 1
    while i < len(argv):
        a = argv[i]
        print(i, a, len(a))
        i += 1
    return 0
