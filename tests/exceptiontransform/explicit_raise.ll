; An explicit raise (a link into the except block from a block that catches nothing) sets the
; exception state on the way out.
; run: rpp ll-opt --pass=exception-transform --pass=verify %s
; check: graph @check(Signed) -> Signed {
; check: exc_restore(
; nextln: goto except(
; not: exc_occurred
gcstruct Error {
  super: object
}

graph @check(Signed) -> Signed {
b0(n: Signed):
  neg: Bool = int_lt(n, 0)
  switch neg {
    false -> return(n)
    true -> b1()
  }
b1():
  e: Ptr(Error) = malloc(<Error>, "gc")
  eo: Ptr(object) = cast_pointer(e)
  setfield(eo, "typeptr", vtable(Error):Ptr(object_vtable))
  goto except(vtable(Error):Ptr(object_vtable), eo)
}
