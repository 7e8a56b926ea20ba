# The same for `rpp translate`.
# run: rpp translate %s
# exit: 2
# stderr-check: no_entry_point_translate.py defines neither target(driver, args) nor entry_point(argv)
def main(argv):
    return 0
