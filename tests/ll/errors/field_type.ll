; setfield stores a value of the field's type.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}field_type.ll:10:3: error: the value should be Signed, not Float
gcstruct Node {
  value: Signed
}
graph @f(Ptr(Node)) -> Void {
b0(p: Ptr(Node)):
  setfield(p, "value", 1.5)
  goto return(none)
}
