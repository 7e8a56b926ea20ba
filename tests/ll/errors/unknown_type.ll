; A type name that is neither a primitive nor declared.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}unknown_type.ll:5:10: error: unknown type 'Sined'
graph @f(Sined) -> Signed {
b0(x: Signed):
  goto return(x)
}
