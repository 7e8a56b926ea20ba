; Inlining by the size heuristic: a small callee is inlined (its operations keep their location
; with the call's appended), a recursive graph is never inlined into itself nor around its cycle,
; dont_inline is honoured, always_inline wins over the size.
; run: rpp ll-opt --pass=inline --locations %s
; check: graph @even(Signed) -> Signed
; check: direct_call(@odd
; check: graph @odd(Signed) -> Signed
; check: direct_call(@even
; check: graph @main(Signed) -> Signed
; nextln: b0(x_0: Signed):
; nextln:   y_1: Signed = int_add(x_0, 1) loc("lib.py":2:5, "main.py":10:3)
; nextln:   z_2: Signed = int_mul(y_1, 3) loc("lib.py":3:5, "main.py":10:3)
; nextln:   b_3: Signed = direct_call(@even, z_2) loc("main.py":11:3)
; nextln:   c_4: Signed = direct_call(@big, b_3) loc("main.py":12:3)
; nextln:   a1_5: Signed = int_add(c_4, 1) loc("lib.py":20:1, "main.py":13:3)
; not: direct_call(@always
; not: direct_call(@small
graph @small(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add(x, 1) loc("lib.py":2:5)
  z: Signed = int_mul(y, 3) loc("lib.py":3:5)
  goto return(z)
}

graph @big(Signed) -> Signed [dont_inline] {
b0(x: Signed):
  y: Signed = int_add(x, 1)
  goto return(y)
}

graph @always(Signed) -> Signed [always_inline] {
b0(x: Signed):
  a1: Signed = int_add(x, 1) loc("lib.py":20:1)
  a2: Signed = int_add(a1, 1)
  a3: Signed = int_add(a2, 1)
  a4: Signed = int_add(a3, 1)
  a5: Signed = int_add(a4, 1)
  a6: Signed = int_add(a5, 1)
  a7: Signed = int_add(a6, 1)
  a8: Signed = int_add(a7, 1)
  a9: Signed = int_add(a8, 1)
  a10: Signed = int_add(a9, 1)
  a11: Signed = int_add(a10, 1)
  a12: Signed = int_add(a11, 1)
  a13: Signed = int_add(a12, 1)
  a14: Signed = int_add(a13, 1)
  a15: Signed = int_add(a14, 1)
  a16: Signed = int_add(a15, 1)
  a17: Signed = int_add(a16, 1)
  a18: Signed = int_add(a17, 1)
  a19: Signed = int_add(a18, 1)
  a20: Signed = int_add(a19, 1)
  a21: Signed = int_add(a20, 1)
  a22: Signed = int_add(a21, 1)
  a23: Signed = int_add(a22, 1)
  a24: Signed = int_add(a23, 1)
  a25: Signed = int_add(a24, 1)
  a26: Signed = int_add(a25, 1)
  a27: Signed = int_add(a26, 1)
  a28: Signed = int_add(a27, 1)
  a29: Signed = int_add(a28, 1)
  a30: Signed = int_add(a29, 1)
  a31: Signed = int_add(a30, 1)
  a32: Signed = int_add(a31, 1)
  a33: Signed = int_add(a32, 1)
  a34: Signed = int_add(a33, 1)
  goto return(a34)
}

graph @even(Signed) -> Signed {
b0(n: Signed):
  z: Bool = int_eq(n, 0)
  switch z { true -> return(1) false -> b1(n) }
b1(m: Signed):
  k: Signed = int_sub(m, 1)
  r: Signed = direct_call(@odd, k)
  goto return(r)
}

graph @odd(Signed) -> Signed {
b0(n: Signed):
  z: Bool = int_eq(n, 0)
  switch z { true -> return(0) false -> b1(n) }
b1(m: Signed):
  k: Signed = int_sub(m, 1)
  r: Signed = direct_call(@even, k)
  goto return(r)
}

graph @main(Signed) -> Signed {
b0(x: Signed):
  a: Signed = direct_call(@small, x) loc("main.py":10:3)
  b: Signed = direct_call(@even, a) loc("main.py":11:3)
  c: Signed = direct_call(@big, b) loc("main.py":12:3)
  d: Signed = direct_call(@always, c) loc("main.py":13:3)
  goto return(d)
}
