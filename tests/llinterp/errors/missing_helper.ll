; A helper without a body the interpreter can call is reported at the call.
; run: rpp ll-run %s
; exit: 2
; stderr-check: missing_helper.ll:7:3: error: the runtime helper $time_time has no body the ll interpreter can call yet
graph @main() -> Float {
b0():
  t: Float = direct_call($time_time)
  goto return(t)
}
