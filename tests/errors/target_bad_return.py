# target() must return (entry_point, None).
# run: rpp run %s
# exit: 2
# stderr-check: target(driver, args) must return (entry_point, None), got 42
def target(driver, args):
    return 42
