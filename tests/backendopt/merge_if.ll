; If-chains on one variable become one switch: `if c == 'a' ... elif c == 'b' ... elif c == 'c'
; ... else`, the tested value passed along the chain under new names; a repeated constant keeps
; its first test; a chain of one test stays a Bool switch. The result runs the same (merge_if_run.ll).
; run: rpp ll-opt --pass=merge-if --pass=dce %s
; check: graph @dispatch(Char, Signed) -> Signed {
; nextln: b0(c_0: Char, x_1: Signed):
; nextln:   switch c_0 {
; nextln:     'a' -> b1(x_1)
; nextln:     'b' -> b2(x_1)
; nextln:     'c' -> b3(x_1)
; nextln:     default -> return(x_1)
; not: char_eq
; check: graph @single(Signed) -> Signed {
; nextln: b0(n_0: Signed):
; nextln:   t_1: Bool = int_eq(n_0, 3)
graph @dispatch(Char, Signed) -> Signed {
b0(c: Char, x: Signed):
  t1: Bool = char_eq(c, 'a')
  switch t1 { true -> b_a(x) false -> b1(c, x) }
b1(c1: Char, x1: Signed):
  t2: Bool = char_eq(c1, 'b')
  switch t2 { true -> b_b(x1) false -> b2(x1, c1) }
b2(x2: Signed, c2: Char):
  t3: Bool = char_eq('a', c2)
  switch t3 { true -> b_b(x2) false -> b3(c2, x2) }
b3(c3: Char, x3: Signed):
  t4: Bool = char_eq(c3, 'c')
  switch t4 { true -> b_c(x3) false -> return(x3) }
b_a(xa: Signed):
  ra: Signed = int_add(xa, 1)
  goto return(ra)
b_b(xb: Signed):
  rb: Signed = int_mul(xb, 2)
  goto return(rb)
b_c(xc: Signed):
  rc: Signed = int_sub(xc, 3)
  goto return(rc)
}

graph @single(Signed) -> Signed {
b0(n: Signed):
  t: Bool = int_eq(n, 3)
  switch t { true -> return(1) false -> return(0) }
}
