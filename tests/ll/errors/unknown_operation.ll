; An operation that is not in the low-level table.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}unknown_operation.ll:8:15: error: unknown low-level operation 'int_frobnicate'
graph @f(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add(x, 1)
  z: Signed = int_frobnicate(y)
  goto return(z)
}
