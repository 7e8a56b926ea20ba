; A link passes as many values as its target block takes.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}link_arity.ll:7:8: error: the target takes 2 values, 1 given
graph @f(Signed) -> Signed {
b0(x: Signed):
  goto b1(x)
b1(y: Signed, z: Signed):
  goto return(y)
}
