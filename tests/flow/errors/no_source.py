# A function whose source cannot be found: the error is at the call in live code.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: no_source.py:13:12: error: cannot find the source of function 'g' (defined in /nonexistent/lost.py at line 7)
import types

def g():
    return 1

lost = types.FunctionType(g.__code__.replace(co_filename="/nonexistent/lost.py"), {})

def entry_point(argv):
    return lost()
