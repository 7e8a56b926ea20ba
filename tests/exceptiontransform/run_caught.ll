; The transformed graphs run in the ll interpreter: ZeroDivisionError from an operation two
; calls down, caught by the class-id test in @main, gives -1.
; run: rpp ll-run --exception-transform %s -- 0
; stdout: result: -1
gcstruct ZeroDivisionError {
  super: object
}

graph @risky(Signed) -> Signed {
b0(n: Signed):
  q: Signed = int_floordiv_zer(100, n)
  goto return(q)
}

graph @middle(Signed) -> Signed {
b0(n: Signed):
  r: Signed = direct_call(@risky, n)
  s: Signed = int_add(r, 1)
  goto return(s)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  r: Signed = direct_call(@middle, n)
  catch {
    ok -> return(r)
    vtable(ZeroDivisionError):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-1)
  }
}
