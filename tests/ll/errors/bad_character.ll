; A character that starts no token.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}bad_character.ll:7:23: error: unexpected character '#'
graph @f(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add(#x, 1)
  goto return(y)
}
