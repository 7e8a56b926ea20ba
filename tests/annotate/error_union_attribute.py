# An attribute assigned an int in one method and a str in another: the error names both places.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_union_attribute.py:15:9: error: no common type for nonneg int and str
# stderr-nextln: self.value = "none"
# stderr-check: error_union_attribute.py:12:9: note: the other type, nonneg int, comes from here
# stderr-nextln: self.value = 0
# stderr-check: call chain: entry_point ({{.*}}error_union_attribute.py:19) -> Cell.clear

class Cell(object):
    def __init__(self):
        self.value = 0

    def clear(self):
        self.value = "none"

def entry_point(argv):
    c = Cell()
    c.clear()
    return 0
