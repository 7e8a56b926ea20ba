; Without the check, int_add wraps (two's complement), as compiled code does.
; run: rpp ll-run %s -- 9223372036854775807
; stdout: result: -9223372036854775808
graph @main(Signed) -> Signed {
b0(n: Signed):
  r: Signed = int_add(n, 1)
  goto return(r)
}
