; getfield of a field the struct does not have.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}no_such_field.ll:10:15: error: Node has no field 'valeu'
gcstruct Node {
  value: Signed
}
graph @f(Ptr(Node)) -> Signed {
b0(p: Ptr(Node)):
  v: Signed = getfield(p, "valeu")
  goto return(v)
}
