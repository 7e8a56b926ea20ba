; A call that may raise outside any try: the block is split after it; when the exception state
; is set, control goes to the propagation block, which leaves through the except block with
; the state still set. Operations that cannot raise get no check.
; run: rpp ll-opt --pass=exception-transform --pass=verify %s
; check: graph @main(Signed) -> Signed {
; check: a_{{[0-9]+}}: Signed = int_add(n_{{[0-9]+}}, 1)
; nextln: r_{{[0-9]+}}: Signed = direct_call(@risky, a_{{[0-9]+}})
; nextln: exc_{{[0-9]+}}: Bool = exc_occurred()
; nextln: switch exc_{{[0-9]+}} {
; nextln: false -> b1(r_{{[0-9]+}})
; nextln: true -> b2()
; check: b1(r_{{[0-9]+}}: Signed):
; nextln: s_{{[0-9]+}}: Signed = int_mul(r_{{[0-9]+}}, 2)
; nextln: goto return(s_{{[0-9]+}})
; check: b2():
; nextln: etype_{{[0-9]+}}: Ptr(object_vtable) = exc_fetch_type()
; nextln: evalue_{{[0-9]+}}: Ptr(object) = exc_fetch_value()
; nextln: goto except(etype_{{[0-9]+}}, evalue_{{[0-9]+}})
; not: exc_clear
graph @risky(Signed) -> Signed {
b0(n: Signed):
  q: Signed = int_floordiv_zer(100, n)
  goto return(q)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  a: Signed = int_add(n, 1)
  r: Signed = direct_call(@risky, a)
  s: Signed = int_mul(r, 2)
  goto return(s)
}
