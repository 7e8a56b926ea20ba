; The graphs of inline.ll and inline_exceptions.ll give the same results after all the backend
; optimizations (ll interpreter).
; run: rpp ll-run --passes=backendopt %S/inline.ll -- 4
; stdout: result: 35
