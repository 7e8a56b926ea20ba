; A link passes values of the types its target block takes.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}link_type.ll:8:8: error: value 1 passed to the target is Bool, the target expects Signed
graph @f(Signed) -> Signed {
b0(x: Signed):
  c: Bool = int_is_true(x)
  goto return(c)
}
