; A switch handles each case once.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}duplicate_case.ll:7:29: error: this case is already handled
graph @f(Signed) -> Signed {
b0(x: Signed):
  switch x { 1 -> return(1) 1 -> return(2) default -> return(0) }
}
