; Unbounded recursion: the stack check raises RecursionError, caught in @main after the
; transform.
; run: rpp ll-run --exception-transform %s -- 1
; stdout: result: -7
gcstruct RecursionError {
  super: object
}

graph @down(Signed) -> Signed {
b0(n: Signed):
  m: Signed = int_add(n, 1)
  r: Signed = direct_call(@down, m)
  goto return(r)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  r: Signed = direct_call(@down, n)
  catch {
    ok -> return(r)
    vtable(RecursionError):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-7)
  }
}
