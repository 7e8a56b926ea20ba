; A variable used but never defined.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}undefined_variable.ll:7:26: error: undefined variable 'w'
graph @f(Signed) -> Signed {
b0(x: Signed):
  z: Signed = int_add(x, w)
  goto return(z)
}
