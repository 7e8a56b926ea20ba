; inline_exceptions.ll after inlining: a ValueError raised by the inlined callee reaches the
; caller's handler (-1); a KeyError passes it and reaches @main's `except Error` (1000).
; run: rpp ll-run --passes=inline,constfold,dce %S/inline_exceptions.ll -- -3
; stdout: result: -1
