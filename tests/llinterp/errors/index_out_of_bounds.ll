; An array index out of bounds is a bug in the graph: a located error, never a crash.
; run: rpp ll-run %s
; exit: 2
; stderr-check: index_out_of_bounds.ll:8:3: error: getarrayitem: index 3 out of bounds (length 3)
graph @main() -> Signed {
b0():
  a: Ptr(GcArray(Signed)) = malloc_varsize(<GcArray(Signed)>, "gc", 3)
  x: Signed = getarrayitem(a, 3)
  goto return(x)
}
