# `rpp --help` lists the commands.
# run: rpp --help
# check: usage: rpp COMMAND
# check: translate [OPTIONS] TARGET.py
# check: run TARGET.py
# check: test [FILTER]
