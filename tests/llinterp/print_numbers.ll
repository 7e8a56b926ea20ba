; Printing through the helper table ($int_to_str, $float_to_str, $str_concat, $print_str).
; run: rpp ll-run %s -- 42 2.5
; stdout: 42 2.5
; stdout: result: none
graph @main(Signed, Float) -> Void {
b0(n: Signed, f: Float):
  a: Ptr(rpy_string) = direct_call($int_to_str, n)
  sp: Ptr(rpy_string) = direct_call($str_from_char, u' ')
  b: Ptr(rpy_string) = direct_call($float_to_str, f)
  nl: Ptr(rpy_string) = direct_call($str_from_char, u'\n')
  ab: Ptr(rpy_string) = direct_call($str_concat, a, sp)
  abc: Ptr(rpy_string) = direct_call($str_concat, ab, b)
  line: Ptr(rpy_string) = direct_call($str_concat, abc, nl)
  direct_call($print_str, line)
  goto return(none)
}
