; A string ends on its line.
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}unterminated_string.ll:7:43: error: unterminated string
gcstruct Node { value: Signed }
graph @f(Ptr(Node)) -> Signed {
b0(p: Ptr(Node)): v: Signed = getfield(p, "value
)
  goto return(v)
}
