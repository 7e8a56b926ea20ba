; $name is a helper of runtime/helpers.def.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}unknown_helper.ll:7:36: error: unknown runtime helper $str_concatenate (runtime/helpers.def)
graph @f(Ptr(rpy_string)) -> Ptr(rpy_string) {
b0(s: Ptr(rpy_string)):
  r: Ptr(rpy_string) = direct_call($str_concatenate, s, s)
  goto return(r)
}
