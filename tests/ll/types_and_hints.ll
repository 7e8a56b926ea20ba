; Struct and opaque declarations with their hints; runtime types (object, rpy_string...) are
; predefined and never printed; inheritance by first-field nesting; var-sized structs.
; run: rpp ll-opt --pass=roundtrip %s
; check: struct Entry {
; nextln:   key: Signed
; nextln:   value: Float
; nextln: }
; check: gcstruct Frame virtualizable(pc, stack[*]) {
; nextln:   super: object
; nextln:   pc: Signed
; nextln:   stack: Ptr(GcArray(Signed)) immutable_array
; nextln:   code: Ptr(Code) quasi_immutable
; nextln: }
; check: gcstruct Code immutable {
; check: gcstruct Buffer {
; nextln:   hash: Signed
; nextln:   chars: Array(Char, immutable)
; nextln: }
; check: gcopaque jitframe
; nextln: opaque FILE
; check: graph @entries(Ptr(GcArray(Entry)), Signed) -> Float {
; not: gcstruct object
; not: rpy_string {
struct Entry {
  key: Signed
  value: Float
}
gcstruct Frame virtualizable(pc, stack[*]) {
  super: object
  pc: Signed
  stack: Ptr(GcArray(Signed)) immutable_array
  code: Ptr(Code) quasi_immutable
}
gcstruct Code immutable {
  super: object
  name: Ptr(rpy_string)
}
gcstruct Buffer {
  hash: Signed
  chars: Array(Char, immutable)
}
gcopaque jitframe
opaque FILE

graph @entries(Ptr(GcArray(Entry)), Signed) -> Float {
b0(a_0: Ptr(GcArray(Entry)), i_1: Signed):
  v2: Float = getinteriorfield(a_0, i_1, "value")
  setinteriorfield(a_0, i_1, "key", 7)
  v3: Signed = getinteriorarraysize(a_0)
  goto return(v2)
}

graph @frame(Ptr(Frame)) -> Ptr(object) {
b0(f_0: Ptr(Frame)):
  v1: Ptr(object) = cast_pointer(f_0)
  v2: Ptr(Frame) = cast_pointer(v1)
  v3: Signed = getfield(v2, "pc")
  v4: Ptr(GcArray(Signed)) = getfield(f_0, "stack")
  v5: Signed = getarrayitem(v4, v3)
  setarrayitem(v4, 0, v5)
  v6: Signed = getarraysize(v4)
  v7: Ptr(Buffer) = malloc_varsize(<Buffer>, "gc", v6)
  v8: Ptr(Array(Char, immutable)) = getsubstruct(v7, "chars")
  goto return(v1)
}
