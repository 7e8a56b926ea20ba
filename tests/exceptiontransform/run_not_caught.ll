; An exception that no case matches propagates out of the transformed entry graph: the
; interpreter reports it as raised (exit code 1). With a normal argument the result comes back.
; run: rpp ll-run --exception-transform %s -- 0
; exit: 1
; stdout: raised: ZeroDivisionError
gcstruct ZeroDivisionError {
  super: object
}

gcstruct OtherError {
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
    vtable(OtherError):Ptr(object_vtable) as (t: Ptr(object_vtable), v: Ptr(object)) -> return(-1)
  }
}
