; A call that may raise, inside a try: after the transform the raising block tests the exception
; state, then the raised class against the handler's class-id range; the handler clears the state.
; run: rpp ll-opt --pass=exception-transform --pass=verify %s
; check: graph @main(Signed) -> Signed {
; check: r_{{[0-9]+}}: Signed = direct_call(@risky, n_{{[0-9]+}})
; nextln: exc_{{[0-9]+}}: Bool = exc_occurred()
; check: etype_{{[0-9]+}}: Ptr(object_vtable) = exc_fetch_type()
; nextln: evalue_{{[0-9]+}}: Ptr(object) = exc_fetch_value()
; nextln: raised_id_{{[0-9]+}}: Signed = getfield(etype_{{[0-9]+}}, "subclassrange_min")
; nextln: lo_{{[0-9]+}}: Signed = getfield(vtable(Error):Ptr(object_vtable), "subclassrange_min")
; nextln: hi_{{[0-9]+}}: Signed = getfield(vtable(Error):Ptr(object_vtable), "subclassrange_max")
; nextln: match_{{[0-9]+}}: Bool = int_between(lo_{{[0-9]+}}, raised_id_{{[0-9]+}}, hi_{{[0-9]+}})
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

graph @main(Signed) -> Signed {
b0(n: Signed):
  r: Signed = direct_call(@risky, n)
  catch {
    ok -> return(r)
    vtable(Error):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-1)
  }
}
