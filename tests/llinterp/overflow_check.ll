; --interp-check-overflow: int_add that wraps around stops the run at its location (exit 3).
; run: rpp ll-run --interp-check-overflow %s -- 9223372036854775807
; exit: 3
; stderr-check: overflow_check.ll:9:3: error: integer overflow: int_add(9223372036854775807, 1) wraps around (in graph main
; not: result
graph @main(Signed) -> Signed {
b0(n: Signed):
  m: Signed = int_add(n, 0)
  r: Signed = int_add(m, 1)
  goto return(r)
}
