; An operand of the wrong kind for the operation table.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}operand_kind.ll:7:15: error: operand 2 of int_add should be Signed, not Float
graph @f(Signed, Float) -> Signed {
b0(x: Signed, y: Float):
  z: Signed = int_add(x, y)
  goto return(z)
}
