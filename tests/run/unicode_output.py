# Standard output is UTF-8 whatever the locale.
# run: rpp run %s
# env: LANG=C
# env: LC_ALL=C
# same-as: python3
# stdout: héllo wörld ✓ 𝄞
# stdout: 4 1
import sys


def entry_point(argv):
    s = "héllo wörld ✓ 𝄞"
    print(s)
    print(len("𝄞✓éa"), len("𝄞"))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
