# Importing a module that does not exist is an import-time exception: exit 2.
# run: rpp run %s
# exit: 2
# stderr-check: ModuleNotFoundError: No module named 'no_such_module_here'
import no_such_module_here


def entry_point(argv):
    return 0
