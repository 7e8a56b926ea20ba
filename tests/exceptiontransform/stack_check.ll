; Stack checks go at the entry of graphs that may recurse (here @even and @odd, mutually
; recursive, and @fact), not of @leaf; the exception transform then checks the state after them.
; run: rpp ll-opt --pass=stack-check --pass=exception-transform --pass=verify %s
; check: graph @leaf(Signed) -> Signed {
; not: stack_check
; check: graph @fact(Signed) -> Signed {
; nextln: b0(n_{{[0-9]+}}: Signed):
; nextln: stack_check()
; nextln: exc_{{[0-9]+}}: Bool = exc_occurred()
; check: graph @even(Signed) -> Bool {
; nextln: b0(n_{{[0-9]+}}: Signed):
; nextln: stack_check()
; check: graph @odd(Signed) -> Bool {
; nextln: b0(n_{{[0-9]+}}: Signed):
; nextln: stack_check()
graph @leaf(Signed) -> Signed {
b0(n: Signed):
  m: Signed = int_add(n, 1)
  goto return(m)
}

graph @fact(Signed) -> Signed {
b0(n: Signed):
  small: Bool = int_le(n, 1)
  switch small {
    false -> b1(n)
    true -> return(1)
  }
b1(k: Signed):
  k1: Signed = int_sub(k, 1)
  r: Signed = direct_call(@fact, k1)
  p: Signed = int_mul(k, r)
  goto return(p)
}

graph @even(Signed) -> Bool {
b0(n: Signed):
  zero: Bool = int_eq(n, 0)
  switch zero {
    false -> b1(n)
    true -> return(true)
  }
b1(k: Signed):
  k1: Signed = int_sub(k, 1)
  r: Bool = direct_call(@odd, k1)
  goto return(r)
}

graph @odd(Signed) -> Bool {
b0(n: Signed):
  zero: Bool = int_eq(n, 0)
  switch zero {
    false -> b1(n)
    true -> return(false)
  }
b1(k: Signed):
  k1: Signed = int_sub(k, 1)
  r: Bool = direct_call(@even, k1)
  goto return(r)
}
