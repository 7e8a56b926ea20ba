; null has no default type.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}untyped_null.ll:11:23: error: null needs its type: null:Ptr(T)
gcstruct Node {
  next: Ptr(Node)
}
graph @f() -> Void {
b0():
  p: Ptr(Node) = malloc(<Node>, "gc")
  setfield(p, "next", null)
  goto return(none)
}
