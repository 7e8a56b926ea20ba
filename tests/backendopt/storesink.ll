; Repeated field reads (storesink.h): in @f the second read of p.x in the same block and the read
; in the only successor block (through the link's arguments) reuse the first; the read of p.y
; after a store into p.y is the stored value; an allocation and a store into a Signed array's
; items change nothing; after a store into q.x (q may be p), and after a call that writes
; Node.x (@bump), p.x is read again; so is it in a block with two predecessors (b2).
; run: rpp ll-opt --pass=storesink %s
; check: graph @f(Ptr(Node), Ptr(Node), Ptr(GcArray(Signed))) -> Signed {
; nextln: b0(p_0: Ptr(Node), q_1: Ptr(Node), a_2: Ptr(GcArray(Signed))):
; nextln:   x1_3: Signed = getfield(p_0, "x")
; nextln:   x2_4: Signed = same_as(x1_3)
; nextln:   setfield(p_0, "y", 5)
; nextln:   y1_5: Signed = same_as(5)
; check:   n_8: Ptr(Node) = malloc(<Node>, "gc")
; nextln:   setarrayitem(a_2, 0, s2_7)
; nextln:   x3_9: Signed = same_as(x1_3)
; nextln:   s3_10: Signed = int_add(s2_7, x3_9)
; nextln:   setfield(q_1, "x", 7)
; nextln:   x4_11: Signed = getfield(p_0, "x")
; check: b2(p3_15: Ptr(Node), t_16: Signed):
; nextln:   x7_17: Signed = getfield(p3_15, "x")
; check: b3(p1_19: Ptr(Node), t1_20: Signed, x5_21: Signed):
; nextln:   x5b_22: Signed = same_as(x5_21)
; nextln:   s4_23: Signed = int_add(t1_20, x5b_22)
; nextln:   direct_call(@bump, p1_19)
; nextln:   x6_24: Signed = getfield(p1_19, "x")
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
