; storesink keeps the meaning (storesink.ll's @f, here with q the same object as p, so the store
; into q.x changes p.x, and a call that changes p.x): the result before and after the pass.
; run: rpp ll-run --passes=storesink,constfold,dce %s -- 0
; stdout: result: 37
gcstruct Node {
  x: Signed
  y: Signed
}

graph @bump(Ptr(Node)) -> Void {
b0(p: Ptr(Node)):
  x: Signed = getfield(p, "x")
  y: Signed = int_add(x, 1)
  setfield(p, "x", y)
  goto return(none)
}

graph @f(Ptr(Node), Ptr(Node), Ptr(GcArray(Signed))) -> Signed {
b0(p: Ptr(Node), q: Ptr(Node), a: Ptr(GcArray(Signed))):
  x1: Signed = getfield(p, "x")
  x2: Signed = getfield(p, "x")
  setfield(p, "y", 5)
  y1: Signed = getfield(p, "y")
  s1: Signed = int_add(x1, x2)
  s2: Signed = int_add(s1, y1)
  n: Ptr(Node) = malloc(<Node>, "gc")
  setarrayitem(a, 0, s2)
  x3: Signed = getfield(p, "x")
  s3: Signed = int_add(s2, x3)
  setfield(q, "x", 7)
  x4: Signed = getfield(p, "x")
  c: Bool = int_gt(x4, 0)
  switch c {
    false -> b2(p, s3)
    true -> b1(p, s3, x4)
  }
b1(p1: Ptr(Node), t1: Signed, x5: Signed):
  x5b: Signed = getfield(p1, "x")
  s4: Signed = int_add(t1, x5b)
  v: Void = direct_call(@bump, p1)
  x6: Signed = getfield(p1, "x")
  s5: Signed = int_add(s4, x6)
  goto b3(p1, s5)
b2(p2: Ptr(Node), t2: Signed):
  goto b3(p2, t2)
b3(p3: Ptr(Node), t: Signed):
  x7: Signed = getfield(p3, "x")
  r: Signed = int_add(t, x7)
  goto return(r)
}

graph @main(Signed) -> Signed {
b0(x: Signed):
  p: Ptr(Node) = malloc(<Node>, "gc")
  x3: Signed = int_add(x, 3)
  setfield(p, "x", x3)
  a: Ptr(GcArray(Signed)) = malloc_varsize(<GcArray(Signed)>, "gc", 1)
  r: Signed = direct_call(@f, p, p, a)
  goto return(r)
}
