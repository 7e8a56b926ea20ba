; The runtime's helper bodies run in the interpreter: str_to_int of the argument's text.
; run: rpp ll-run %s -- -42
; stdout: result: -42
graph @main(Ptr(rpy_string)) -> Signed {
b0(s: Ptr(rpy_string)):
  n: Signed = direct_call($str_to_int, s, 10)
  goto return(n)
}
