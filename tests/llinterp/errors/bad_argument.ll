; Arguments are converted to the entry graph's parameter types.
; run: rpp ll-run %s -- abc
; exit: 2
; stderr-check: rpp ll-run: error: argument 1 'abc' is not a Signed
graph @main(Signed) -> Signed {
b0(n: Signed):
  goto return(n)
}
