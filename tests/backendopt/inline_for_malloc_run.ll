; inline_for_malloc.ll computes the same after all the backend optimizations.
; run: rpp ll-run --passes=backendopt %S/inline_for_malloc.ll -- 5
; stdout: result: 1906
