; int_mul_ovf raises OverflowError in the callee; the caller's catch link takes it.
; run: rpp ll-run --interp-check-overflow %s -- 21
; stdout: result: -1
gcstruct OverflowError {
  super: object
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  r: Signed = direct_call(@fact, n)
  catch {
    ok -> return(r)
    vtable(OverflowError):Ptr(object_vtable) -> return(-1)
  }
}

graph @fact(Signed) -> Signed {
b0(n: Signed):
  c: Bool = int_le(n, 1)
  switch c {
    true -> return(1)
    false -> b1(n)
  }
b1(m: Signed):
  m1: Signed = int_sub(m, 1)
  f: Signed = direct_call(@fact, m1)
  p: Signed = int_mul_ovf(m, f)
  goto return(p)
}
