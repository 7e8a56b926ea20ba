# A list declared `x[*]` in _immutable_fields_ must never be resized.
# run: rpp translate --stop-after=annotate %s
# exit: 2
# stderr-check: error_immutable_list_resized.py:15:5: error: this list must not be resized (make_sure_not_resized(), or an `x[*]` entry of _immutable_fields_), but it is resized here

class Code(object):
    _immutable_fields_ = ['consts[*]']
    def __init__(self, consts):
        self.consts = consts

def entry_point(argv):
    consts = [1, 2]
    c = Code(consts)
    print(c.consts[0])
    consts.append(3)
    return 0
