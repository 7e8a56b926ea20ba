; Source locations (with the chain of inlined calls) print with --locations and read back.
; run: rpp ll-opt --locations --pass=roundtrip %s
; check: graph @f(Signed) -> Signed loc("interp.py":10:1) {
; nextln: b0(x_0: Signed):
; nextln:   v1: Signed = int_neg(x_0) loc("interp.py":12:9, "main.py":40:5)
; nextln:   v2: Signed = int_add(v1, 1) loc("{{.*}}locations.ll":10:3)
graph @f(Signed) -> Signed loc("interp.py":10:1) {
b0(x_0: Signed):
  v1: Signed = int_neg(x_0) loc("interp.py":12:9, "main.py":40:5)
  v2: Signed = int_add(v1, 1)
  goto return(v2)
}
