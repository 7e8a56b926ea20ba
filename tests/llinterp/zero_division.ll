; int_floordiv_zer raises ZeroDivisionError; uncaught, it leaves the entry graph (exit 1).
; run: rpp ll-run %s -- 1 0
; exit: 1
; stdout: raised: ZeroDivisionError
graph @main(Signed, Signed) -> Signed {
b0(a: Signed, b: Signed):
  q: Signed = int_floordiv_zer(a, b)
  goto return(q)
}
