# A file with neither target() nor entry_point(): exit 2, naming what is missing.
# run: rpp run %s
# exit: 2
# stderr-check: no_entry_point.py defines neither target(driver, args) nor entry_point(argv)
def main(argv):
    return 0
