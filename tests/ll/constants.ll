; Every kind of constant prints as it reads: a literal, with `:TYPE` when the type is not the
; literal's default; symbolics (offsetof, sizeof, itemsize, itemsoffset, lengthoffset, typeid,
; vtable), types as Void constants, graph sets, helpers, null pointers, chars, floats.
; run: rpp ll-opt --pass=roundtrip %s
; check: v2: Ptr(Node) = malloc(<Node>, "gc")
; check: setfield(v2, "next", null:Ptr(Node))
; check: float_add(v4, -0.0)
; check: float_mul(v5, 1e+16)
; check: float_sub(v6, inf)
; check: float_lt(v7, nan)
; check: uint_add(18446744073709551615:Unsigned, 1:Unsigned)
; check: char_eq(c_1, '\n')
; check: unichar_eq(u'\u20ac', u'\U0001f600')
; check: int_add(offsetof(Node, value), sizeof(Node))
; check: int_add(itemsize(GcArray(Signed)), typeid(Node))
; check: int_add(itemsoffset(GcArray(Signed)), lengthoffset(GcArray(Signed)))
; check: llong_add(-9223372036854775808:SignedLongLong, 7:SignedLongLong)
; check: direct_call($str_concat, null:Ptr(rpy_string), null:Ptr(rpy_string))
; check: char_lt('\x00', '\xff')
; check: jit_marker("jit_merge_point", "driver", v3)
; check: v18: Ptr(object_vtable) = same_as(vtable(Node):Ptr(object_vtable))
; check: v19: Signed = int_add(16, -16)
gcstruct Node {
  super: object
  next: Ptr(Node)
  value: Signed
}

graph @constants(Ptr(Node), Char) -> Void {
b0(p_0: Ptr(Node), c_1: Char):
  v2: Ptr(Node) = malloc(<Node>, "gc")
  setfield(v2, "next", p_0)
  setfield(v2, "next", null:Ptr(Node))
  v3: Signed = getfield(p_0, "value")
  v4: Float = cast_int_to_float(v3)
  v5: Float = float_add(v4, -0.0)
  v6: Float = float_mul(v5, 1e+16)
  v7: Float = float_sub(v6, inf)
  v8: Bool = float_lt(v7, nan)
  v9: Unsigned = uint_add(18446744073709551615:Unsigned, 1:Unsigned)
  v10: Bool = char_eq(c_1, '\n')
  v11: Bool = unichar_eq(u'\u20ac', u'\U0001f600')
  v12: Signed = int_add(offsetof(Node, value), sizeof(Node))
  v13: Signed = int_add(itemsize(GcArray(Signed)), typeid(Node))
  v14: Signed = int_add(itemsoffset(GcArray(Signed)), lengthoffset(GcArray(Signed)))
  v15: SignedLongLong = llong_add(-9223372036854775808:SignedLongLong, 7:SignedLongLong)
  v16: Ptr(rpy_string) = direct_call($str_concat, null:Ptr(rpy_string), null:Ptr(rpy_string))
  v17: Bool = char_lt('\x00', '\xff')
  jit_marker("jit_merge_point", "driver", v3)
  v18: Ptr(object_vtable) = same_as(vtable(Node):Ptr(object_vtable))
  v19: Signed = int_add(0x10, -0x10)
  goto return(none)
}
