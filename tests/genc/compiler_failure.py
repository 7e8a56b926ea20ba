# A C++ compiler that fails is reported with the unit's name and the compiler's output, exit
# code 2, never a crash.
# run: rpp translate -o %t/x-c %s
# env: CXX=false
# env: RPP_CACHE_DIR=%t/cache
# exit: 2
# stderr-check: rpp translate: error: the C++ compiler failed on {{.*}}.cc:
def entry_point(argv):
    return 0
