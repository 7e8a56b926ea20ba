; Instances with typeptr, isinstance by class-id range (two compares), a method through the
; vtable's instantiate-free dispatch by an indirect call, and an inlined parent struct.
; run: rpp ll-run %s -- 5
; stdout: result: 17
gcstruct Base {
  super: object
  x: Signed
}
gcstruct Sub {
  super: Base
  y: Signed
}
gcstruct Other {
  super: object
}

graph @is_base(Ptr(object)) -> Bool {
b0(o: Ptr(object)):
  t: Ptr(object_vtable) = getfield(o, "typeptr")
  id: Signed = getfield(t, "subclassrange_min")
  v: Ptr(object_vtable) = same_as(vtable(Base):Ptr(object_vtable))
  lo: Signed = getfield(v, "subclassrange_min")
  hi: Signed = getfield(v, "subclassrange_max")
  r: Bool = int_between(lo, id, hi)
  goto return(r)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  s: Ptr(Sub) = malloc(<Sub>, "gc")
  so: Ptr(object) = cast_pointer(s)
  setfield(so, "typeptr", vtable(Sub):Ptr(object_vtable))
  sb: Ptr(Base) = cast_pointer(s)
  setfield(sb, "x", n)
  setfield(s, "y", 2)
  o: Ptr(Other) = malloc(<Other>, "gc")
  oo: Ptr(object) = cast_pointer(o)
  setfield(oo, "typeptr", vtable(Other):Ptr(object_vtable))
  a: Bool = direct_call(@is_base, so)
  b: Bool = direct_call(@is_base, oo)
  f: Ptr(Func(Ptr(Base)) -> Signed) = same_as(@getx)
  x: Signed = indirect_call(f, sb, [@getx])
  ai: Signed = cast_bool_to_int(a)
  bi: Signed = cast_bool_to_int(b)
  t1: Signed = int_mul(ai, 10)
  t2: Signed = int_mul(bi, 100)
  t3: Signed = int_add(t1, t2)
  t4: Signed = int_add(t3, x)
  y: Signed = getfield(s, "y")
  r: Signed = int_add(t4, y)
  goto return(r)
}

graph @getx(Ptr(Base)) -> Signed {
b0(p: Ptr(Base)):
  x: Signed = getfield(p, "x")
  goto return(x)
}
