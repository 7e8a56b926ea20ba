; inline_exceptions.ll after inlining: a KeyError raised by the inlined callee is not the
; caller's ValueError: it passes the caller's handler and reaches @main's `except Error` (1000).
; run: rpp ll-run --passes=inline,constfold,dce %S/inline_exceptions.ll -- 200
; stdout: result: 1000
