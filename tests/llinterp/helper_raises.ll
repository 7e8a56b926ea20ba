; The runtime's helper bodies run in the interpreter: str_to_int raises ValueError (a builtin
; exception the runtime allocates, through the program's ValueError class) on text that is not
; a number.
; run: rpp ll-run %s -- x7
; exit: 1
; check: raised: ValueError
gcstruct ValueError { super: object }
graph @main(Ptr(rpy_string)) -> Signed {
b0(s: Ptr(rpy_string)):
  n: Signed = direct_call($str_to_int, s, 10)
  goto return(n)
}
