; Without an exception the transformed graphs compute as before.
; run: rpp ll-run --exception-transform %s -- 4
; stdout: result: 26
gcstruct ZeroDivisionError {
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
    ok -> b1(r)
    vtable(ZeroDivisionError):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-1)
  }
b1(x: Signed):
  s: Signed = int_add(x, 1)
  goto return(s)
}
