; Python's floor division and modulo through ops.h: -7 // 2 == -4, -7 % 2 == 1; int / int is a
; correctly rounded float; float // and % floor too.
; run: rpp ll-run %s -- -7 2
; stdout: result: -199.5
graph @main(Signed, Signed) -> Float {
b0(a: Signed, b: Signed):
  q: Signed = int_floordiv(a, b)
  m: Signed = int_mod(a, b)
  h: Signed = int_mul(q, 100)
  r: Signed = int_add(h, m)
  f: Float = int_truediv(r, 2)
  g: Float = float_floordiv(-7.0, 2.0)
  good: Bool = float_eq(g, -4.0)
  switch good {
    true -> return(f)
    false -> return(0.0)
  }
}
