# ready_mini_bf.py after the backend optimizations, in the ll interpreter with the overflow check:
# the same output as untranslated (switches from its if-chain on the opcode, inlined tape methods).
# run: rpp translate --stop-after=backendopt --interp-check-overflow %S/ready_mini_bf.py
# stdout: H
# stdout: i
# stderr-check: if-chains merged into switches
