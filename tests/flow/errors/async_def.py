# `async def` is not RPython.
# run: rpp translate --stop-after=flow %s
# exit: 2
# stderr-check: async_def.py:5:1: error: 'async' functions are not RPython: write an ordinary function
async def fetch():
    return 1

def entry_point(argv):
    fetch()
    return 0
