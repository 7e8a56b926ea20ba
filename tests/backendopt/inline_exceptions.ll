; Inlining a callee that raises into a call with exception links: the callee's raise becomes a
; jump to a chain testing the raised class against each handler (class-id ranges) in order; an
; exception no handler takes leaves the caller. Run before and after inlining: same results.
; run: rpp ll-opt --pass=inline %s
; check: graph @caller(Signed) -> Signed {
; not: direct_call(@check
; check: getfield(etype_{{[0-9]+}}, "subclassrange_min")
; check: int_between(
; check: graph @main(Signed) -> Signed {
gcstruct Error {
  super: object
}
gcstruct ValueError {
  super: Error
}
gcstruct KeyError {
  super: Error
}

graph @check(Signed) -> Signed {
b0(x: Signed):
  neg: Bool = int_lt(x, 0)
  switch neg { true -> b_raise(x) false -> b1(x) }
b1(y: Signed):
  big: Bool = int_gt(y, 100)
  switch big { true -> b_key(y) false -> b_ok(y) }
b_ok(z: Signed):
  r: Signed = int_mul(z, 2)
  goto return(r)
b_raise(w: Signed):
  e: Ptr(ValueError) = malloc(<ValueError>, "gc")
  eo: Ptr(object) = cast_pointer(e)
  setfield(eo, "typeptr", vtable(ValueError):Ptr(object_vtable))
  goto except(vtable(ValueError):Ptr(object_vtable), eo)
b_key(k: Signed):
  e2: Ptr(KeyError) = malloc(<KeyError>, "gc")
  eo2: Ptr(object) = cast_pointer(e2)
  setfield(eo2, "typeptr", vtable(KeyError):Ptr(object_vtable))
  goto except(vtable(KeyError):Ptr(object_vtable), eo2)
}

; try: return check(x) + 1  except ValueError: return -1   (KeyError propagates)
graph @caller(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@check, x)
  catch {
    ok -> b1(r, x)
    vtable(ValueError):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> b_handler(x)
  }
b1(r1: Signed, x1: Signed):
  s: Signed = int_add(r1, 1)
  goto return(s)
b_handler(x2: Signed):
  m: Signed = int_sub(0, 1)
  goto return(m)
}

; try: caller(x) except Error: 1000
graph @main(Signed) -> Signed {
b0(x: Signed):
  r: Signed = direct_call(@caller, x)
  catch {
    ok -> return(r)
    vtable(Error):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(1000)
  }
}
