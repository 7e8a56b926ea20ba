; A GcStruct is inlined only as the first field of a GcStruct (its parent).
; run: rpp ll-opt %s
; exit: 2
; stderr-check: {{.*}}gcstruct_inlined.ll:10:3: error: field 'base' of Sub: a GcStruct can only be inlined as the first field of a GcStruct (its parent)
gcstruct Base {
  x: Signed
}
gcstruct Sub {
  y: Signed
  base: Base
}
