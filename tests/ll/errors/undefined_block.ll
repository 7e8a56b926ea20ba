; A link to a block that is never defined.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}undefined_block.ll:7:8: error: undefined block 'b9'
graph @f(Signed) -> Signed {
b0(x: Signed):
  goto b9(x)
}
