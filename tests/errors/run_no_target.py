# `rpp run` without a target.
# run: rpp run
# exit: 2
# stderr-check: rpp run: error: no TARGET.py given
