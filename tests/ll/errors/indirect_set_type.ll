; The graphs of an indirect_call's set have the type of the function pointer.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}indirect_set_type.ll:7:15: error: graph @g in the set has type Func(Float) -> Signed, the call is through Func(Signed) -> Signed
graph @f(Ptr(Func(Signed) -> Signed)) -> Signed {
b0(fn: Ptr(Func(Signed) -> Signed)):
  y: Signed = indirect_call(fn, 1, [@g])
  goto return(y)
}
graph @g(Float) -> Signed {
b0(x: Float):
  goto return(1)
}
