; Folding keeps the meaning: Python's floor division and modulo of negative constants (ops.h),
; wrapping int_add, then the result computed at run time before and after.
; run: rpp ll-run --passes=constfold,dce %s -- 3
; stdout: result: -9223372036854775807
graph @main(Signed) -> Signed {
b0(x: Signed):
  a: Signed = int_floordiv(-7, 2)
  b: Signed = int_mod(-7, 2)
  big: Signed = int_add(9223372036854775807, 1)
  c: Signed = int_add(a, b)
  d: Signed = int_add(big, c)
  e: Signed = int_add(d, x)
  f: Signed = int_add(e, 1)
  goto return(f)
}
