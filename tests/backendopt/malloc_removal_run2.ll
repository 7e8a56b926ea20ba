; malloc_removal.ll's @instance after all the backend optimizations: the negative path stores
; n in y (x + y + 1 = -3 + -3 + 1).
; run: rpp ll-run --passes=backendopt --entry=instance %S/malloc_removal.ll -- -3
; stdout: result: -5
