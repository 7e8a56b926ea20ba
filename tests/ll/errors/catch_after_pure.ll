; `catch` follows an operation that can raise.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}catch_after_pure.ll:8:3: error: `catch` follows an operation that can raise; the block's last operation cannot
graph @f(Signed) -> Signed {
b0(x: Signed):
  y: Signed = int_add(x, 1)
  catch { ok -> return(y) }
}
