# `rpp translate` writes the executable (here with -o) and prints the time of each stage, of the
# C++ compiler and of the linker on standard error, and rpp's own peak memory; the executable runs.
# run: rpp translate -o %t/hello-c %s
# stderr-check: [rpp] translation summary:
# stderr-check: [rpp]   rtype
# stderr-check: [rpp]   backendopt
# stderr-check: [rpp]   emit
# stderr-check: [rpp]   c++ compile ({{[0-9]+}} of 2 units, {{.*}})
# stderr-check: [rpp]   link
# stderr-check: [rpp] peak memory: {{[0-9]+\.[0-9]}} MB resident (rpp itself, without the C++ compiler)
# stderr-check: [rpp] wrote {{.*}}hello-c
def entry_point(argv):
    print("hello")
    return 0
