; An unknown pass names the known ones.
; run: rpp ll-opt --pass=unroll %s
; exit: 2
; stderr-check: rpp: error: unknown pass 'unroll' (passes: {{.*}}inline{{.*}}roundtrip{{.*}}verify)
graph @f() -> Void {
b0():
  goto return(none)
}
