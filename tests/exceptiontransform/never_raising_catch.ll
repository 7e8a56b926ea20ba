; A try around calls that cannot raise (the can-raise analysis: @safe and every target of the
; indirect call return normally): the transform drops the handlers and tests nothing; the
; call that may raise (@risky) keeps its test and handler.
; run: rpp ll-opt --pass=exception-transform --pass=verify %s
; check: graph @main(Signed) -> Signed {
; check: s_{{[0-9]+}}: Signed = direct_call(@safe, n_{{[0-9]+}})
; nextln: goto b{{[0-9]+}}(
; check: i_{{[0-9]+}}: Signed = indirect_call(
; nextln: goto b{{[0-9]+}}(
; check: r_{{[0-9]+}}: Signed = direct_call(@risky, n2_{{[0-9]+}})
; nextln: exc_{{[0-9]+}}: Bool = exc_occurred()
; check: exc_clear()
; not: catch {
gcstruct Error {
  super: object
}

graph @risky(Signed) -> Signed {
b0(n: Signed):
  q: Signed = int_floordiv_zer(100, n)
  goto return(q)
}

graph @safe(Signed) -> Signed {
b0(n: Signed):
  q: Signed = int_add(n, 1)
  goto return(q)
}

graph @twice(Signed) -> Signed {
b0(n: Signed):
  q: Signed = int_mul(n, 2)
  goto return(q)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  s: Signed = direct_call(@safe, n)
  catch {
    ok -> b1(n, s)
    vtable(Error):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-1)
  }
b1(n1: Signed, s1: Signed):
  i: Signed = indirect_call(@twice, s1, [@twice, @safe])
  catch {
    ok -> b2(n1, i)
    vtable(Error):Ptr(object_vtable) as (t2: Ptr(object_vtable), v2: Ptr(object)) -> return(-2)
  }
b2(n2: Signed, i2: Signed):
  r: Signed = direct_call(@risky, n2)
  catch {
    ok -> return(r)
    vtable(Error):Ptr(object_vtable) as (t3: Ptr(object_vtable), v3: Ptr(object)) -> return(-3)
  }
}
