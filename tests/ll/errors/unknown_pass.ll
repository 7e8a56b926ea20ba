; An unknown pass names the known ones.
; run: rpp ll-opt --pass=inline %s
; exit: 2
; stderr-check: rpp: error: unknown pass 'inline' (passes: {{.*}}roundtrip{{.*}}verify)
graph @f() -> Void {
b0():
  goto return(none)
}
