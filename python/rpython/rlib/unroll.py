"""`unrolling_iterable`: a constant sequence that the translator unrolls.

A `for` loop over an unrolling_iterable (a module-level or class-level constant) is unrolled by the
flow stage: the body is emitted once per item, with the item as a constant. The items may be of
different types (e.g. one function or class per item). Untranslated it is an ordinary iterable.
"""


class SpecTag(object):
    """Base of objects the flow stage specializes on (compared by identity)."""

    def __repr__(self):
        return "%s(0x%x)" % (self.__class__.__name__, id(self))


class unrolling_iterable(SpecTag):
    """An immutable sequence of constants; loops over it are unrolled when translated."""

    def __init__(self, iterable=()):
        self._items = tuple(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __add__(self, other):
        if not isinstance(other, unrolling_iterable):
            return NotImplemented
        return unrolling_iterable(self._items + other._items)

    def __repr__(self):
        return "unrolling_iterable(%r)" % (list(self._items),)

    def get_items(self):
        """The items, as a tuple (for the translator)."""
        return self._items
