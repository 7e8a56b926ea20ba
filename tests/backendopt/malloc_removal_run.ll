; malloc_removal.ll's @main and @instance compute the same after all the backend optimizations
; (sum over the pairs; the instance's fields through the join).
; run: rpp ll-run --passes=backendopt --entry=main %S/malloc_removal.ll -- 10
; stdout: result: 45
