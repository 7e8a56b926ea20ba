; A result of the wrong type.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}result_kind.ll:7:15: error: the result of int_lt should be Bool, not Signed
graph @f(Signed) -> Signed {
b0(x: Signed):
  z: Signed = int_lt(x, 1)
  goto return(z)
}
