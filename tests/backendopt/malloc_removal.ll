; Malloc removal: a pair made by a small function in a loop is inlined, then its fields become
; local variables (no malloc left in @main); an instance with an inherited field, cast up its
; first-field chain, carried across an if/else to a join and tested against null, also goes;
; objects that escape (returned, stored in another object, passed to a call that is not inlined)
; stay.
; run: rpp ll-opt --pass=inline --pass=malloc-removal --pass=dce %s
; check: graph @make_pair(Signed, Signed) -> Ptr(Pair) {
; nextln: b0(x_0: Signed, y_1: Signed):
; nextln:   p_2: Ptr(Pair) = malloc(<Pair>, "gc")
; check: graph @main(Signed) -> Signed {
; not: malloc
; not: getfield
; not: direct_call
; check: graph @instance(Signed) -> Signed {
; not: malloc
; not: cast_pointer
; not: ptr_nonzero
; check: graph @escapes(Ptr(Box), Signed) -> Ptr(Pair) {
; nextln: b0(box_0: Ptr(Box), n_1: Signed):
; nextln:   p_2: Ptr(Pair) = malloc(<Pair>, "gc")
; nextln:   setfield(p_2, "a", n_1)
; nextln:   q_3: Ptr(Pair) = malloc(<Pair>, "gc")
; nextln:   setfield(box_0, "pair", q_3)
; nextln:   r_4: Ptr(Pair) = malloc(<Pair>, "gc")
; nextln:   direct_call(@keep, r_4)
; nextln:   goto return(p_2)
gcstruct Pair {
  a: Signed
  b: Signed
}
gcstruct Box {
  pair: Ptr(Pair)
}
gcstruct Base {
  super: object
  x: Signed
}
gcstruct Point {
  super: Base
  y: Signed
}

graph @make_pair(Signed, Signed) -> Ptr(Pair) {
b0(x: Signed, y: Signed):
  p: Ptr(Pair) = malloc(<Pair>, "gc")
  setfield(p, "a", x)
  setfield(p, "b", y)
  goto return(p)
}

; acc = 0; for i in range(n): a, b = make_pair(i, acc); acc = a + b
graph @main(Signed) -> Signed {
b0(n: Signed):
  goto b1(0, 0, n)
b1(i: Signed, acc: Signed, n1: Signed):
  c: Bool = int_lt(i, n1)
  switch c { true -> b2(i, acc, n1) false -> return(acc) }
b2(i2: Signed, acc2: Signed, n2: Signed):
  p: Ptr(Pair) = direct_call(@make_pair, i2, acc2)
  a: Signed = getfield(p, "a")
  b: Signed = getfield(p, "b")
  s: Signed = int_add(a, b)
  i3: Signed = int_add(i2, 1)
  goto b1(i3, s, n2)
}

graph @instance(Signed) -> Signed {
b0(n: Signed):
  pt: Ptr(Point) = malloc(<Point>, "gc")
  o: Ptr(object) = cast_pointer(pt)
  setfield(o, "typeptr", vtable(Point):Ptr(object_vtable))
  base: Ptr(Base) = cast_pointer(pt)
  setfield(base, "x", n)
  setfield(pt, "y", 5)
  neg: Bool = int_lt(n, 0)
  switch neg { true -> b1(pt, n) false -> b2(pt) }
b1(p1: Ptr(Point), m: Signed):
  setfield(p1, "y", m)
  goto b3(p1)
b2(p2: Ptr(Point)):
  goto b3(p2)
b3(p3: Ptr(Point)):
  nz: Bool = ptr_nonzero(p3)
  b3base: Ptr(Base) = cast_pointer(p3)
  x: Signed = getfield(b3base, "x")
  y: Signed = getfield(p3, "y")
  nzi: Signed = cast_bool_to_int(nz)
  s: Signed = int_add(x, y)
  r: Signed = int_add(s, nzi)
  goto return(r)
}

graph @keep(Ptr(Pair)) -> Void [dont_inline] {
b0(p: Ptr(Pair)):
  goto return(none)
}

graph @escapes(Ptr(Box), Signed) -> Ptr(Pair) {
b0(box: Ptr(Box), n: Signed):
  p: Ptr(Pair) = malloc(<Pair>, "gc")
  setfield(p, "a", n)
  q: Ptr(Pair) = malloc(<Pair>, "gc")
  setfield(box, "pair", q)
  r: Ptr(Pair) = malloc(<Pair>, "gc")
  direct_call(@keep, r)
  goto return(p)
}
