; Values cross blocks only as link arguments (SSI).
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}cross_block_variable.ll:9:23: error: 'x' is defined in another block; values cross blocks only as link arguments
graph @f(Signed) -> Signed {
b0(x: Signed):
  goto b1(x)
b1(y: Signed):
  z: Signed = int_add(x, y)
  goto return(z)
}
