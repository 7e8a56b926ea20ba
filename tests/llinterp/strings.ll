; str_len / str_getitem read a str by the layout contract (narrow or wide by type id).
; run: rpp ll-run %s -- h€llo
; stdout: result: 8370
graph @main(Ptr(rpy_string)) -> Signed {
b0(s: Ptr(rpy_string)):
  n: Signed = str_len(s)
  c: UniChar = str_getitem(s, 1)
  w: Bool = str_is_wide(s)
  ci: Signed = cast_unichar_to_int(c)
  wi: Signed = cast_bool_to_int(w)
  a: Signed = int_add(ci, n)
  r: Signed = int_add(a, wi)
  goto return(r)
}
