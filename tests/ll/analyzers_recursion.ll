; The call-graph analyzers on recursion: even/odd call each other (one SCC) and @odd raises
; explicitly; @walk calls itself and only touches fields; @alloc collects.
; run: rpp ll-opt --analyze=all %s
; check: can-raise @even: yes
; nextln: can-raise @odd: yes
; nextln: can-raise @walk: no
; nextln: can-raise @alloc: no
; nextln: can-raise @main: yes
; nextln: can-collect @even: no
; nextln: can-collect @odd: no
; nextln: can-collect @walk: no
; nextln: can-collect @alloc: yes
; nextln: can-collect @main: yes
; nextln: effects @even: reads {} writes {}
; nextln: effects @odd: reads {} writes {}
; nextln: effects @walk: reads {Node.next, Node.value} writes {Node.value}
; nextln: effects @alloc: reads {} writes {}
; nextln: effects @main: reads {Node.next, Node.value} writes {Node.value}
; nextln: random-effects @even: no
; check: forces-virtualizable @main: no
gcstruct Node {
  next: Ptr(Node)
  value: Signed
  key: Signed immutable
}

graph @even(Signed) -> Bool {
b0(n: Signed):
  z: Bool = int_eq(n, 0)
  switch z { true -> return(true) false -> b1(n) }
b1(m: Signed):
  m1: Signed = int_sub(m, 1)
  r: Bool = direct_call(@odd, m1)
  goto return(r)
}

graph @odd(Signed) -> Bool {
b0(n: Signed):
  neg: Bool = int_lt(n, 0)
  switch neg { true -> b2() false -> b1(n) }
b1(m: Signed):
  z: Bool = int_eq(m, 0)
  switch z { true -> return(false) false -> b3(m) }
b3(k: Signed):
  k1: Signed = int_sub(k, 1)
  r: Bool = direct_call(@even, k1)
  goto return(r)
b2():
  goto except(null:Ptr(object_vtable), null:Ptr(object))
}

graph @walk(Ptr(Node)) -> Signed {
b0(p: Ptr(Node)):
  nz: Bool = ptr_nonzero(p)
  switch nz { false -> return(0) true -> b1(p) }
b1(q: Ptr(Node)):
  v: Signed = getfield(q, "value")
  k: Signed = getfield(q, "key")
  nx: Ptr(Node) = getfield(q, "next")
  setfield(q, "value", k)
  rest: Signed = direct_call(@walk, nx)
  s: Signed = int_add(v, rest)
  goto return(s)
}

graph @alloc() -> Ptr(Node) {
b0():
  p: Ptr(Node) = malloc(<Node>, "gc")
  goto return(p)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  p: Ptr(Node) = direct_call(@alloc)
  e: Bool = direct_call(@even, n)
  s: Signed = direct_call(@walk, p)
  goto return(s)
}
