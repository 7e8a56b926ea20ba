# Type hints that hold are accepted (parameters, results, Optional, list[...], classes).
# run: rpp translate --stop-after=annotate --dump=annotate %s
# check: graph total(xs: list[int; resized], start: int) -> int
# check: graph find(nodes: list[Node; resized], k: int) -> Node or None
from typing import Optional

class Node(object):
    def __init__(self, k: int) -> None:
        self.k = k

def total(xs: list[int], start: int) -> int:
    for x in xs:
        start += x
    return start

def find(nodes: list[Node], k: int) -> Optional[Node]:
    for n in nodes:
        if n.k == k:
            return n
    return None

def entry_point(argv: list[str]) -> int:
    nodes = [Node(len(a) - 1) for a in argv]
    xs = [n.k for n in nodes]
    total(xs, len(argv) - 3)
    find(nodes, len(argv) - 2)
    return 0
