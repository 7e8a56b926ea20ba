; direct_call passes the callee's argument types.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}call_arguments.ll:7:15: error: argument 1 should be Signed, not Float
graph @f(Signed) -> Signed {
b0(x: Signed):
  y: Signed = direct_call(@g, 2.0)
  goto return(y)
}
graph @g(Signed) -> Signed {
b0(x: Signed):
  goto return(x)
}
