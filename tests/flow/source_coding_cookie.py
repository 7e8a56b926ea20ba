# -*- coding: latin-1 -*-
# The flow builder reads a function's source in the encoding its coding cookie names (PEP 263;
# python/_rpp/lines.py reads files itself, without linecache): this file is Latin-1, and read as
# UTF-8 its source could not be found.
# run: rpp translate --stop-after=flow --dump=flow %s
# check: graph entry_point(argv)
# check: 'caf{{.+}}'


def entry_point(argv):
    print("café")
    return 0
