; Write barriers on objects allocated in an earlier block (docs/gctransform.md): @branch stores
; into a Node allocated before an if, in both branches and after the join (no barrier: nothing
; can collect on any path); @after_malloc allocates again in one branch, so after the join the
; first Node may be old (barrier), while the third argument is fresh on both paths (the first
; Node on one, the second on the other: no barrier); @loop stores into a Node made before a loop
; whose body allocates (barrier in the loop), and the JIT's hint on a fresh object is that
; object (no barrier).
; run: rpp ll-opt --pass=gc-barriers --pass=verify %s
; check: graph @branch(Ptr(Node), Bool) -> Ptr(Node) {
; not: gc_writebarrier
; check: graph @after_malloc(Ptr(Node), Bool) -> Ptr(Node) {
; check: b1(a1_
; nextln: bare_setfield(p1_{{[0-9]+}}, "next", a1_{{[0-9]+}})
; nextln: q_{{[0-9]+}}: Ptr(Node) = malloc(<Node>, "gc")
; nextln: bare_setfield(q_{{[0-9]+}}, "next", p1_{{[0-9]+}})
; check: b2(a2_
; nextln: gc_writebarrier(p2_{{[0-9]+}})
; nextln: bare_setfield(p2_{{[0-9]+}}, "next", a2_{{[0-9]+}})
; nextln: bare_setfield(r_{{[0-9]+}}, "next", a2_{{[0-9]+}})
; check: graph @loop(Ptr(Node), Signed) -> Ptr(Node) {
; check: h_{{[0-9]+}}: Ptr(Node) = hint(p_{{[0-9]+}}, "fresh_virtualizable")
; nextln: bare_setfield(h_{{[0-9]+}}, "next", a_{{[0-9]+}})
; check: b1(a1_
; nextln: gc_writebarrier(p1_{{[0-9]+}})
; nextln: bare_setfield(p1_{{[0-9]+}}, "next", a1_{{[0-9]+}})
; nextln: q_{{[0-9]+}}: Ptr(Node) = malloc(<Node>, "gc")
; nextln: bare_setfield(q_{{[0-9]+}}, "next", p1_{{[0-9]+}})
gcstruct Node {
  next: Ptr(Node)
  value: Signed
}

graph @branch(Ptr(Node), Bool) -> Ptr(Node) {
b0(a: Ptr(Node), c: Bool):
  p: Ptr(Node) = malloc(<Node>, "gc")
  switch c {
    false -> b1(a, p)
    true -> b2(a, p)
  }
b1(a1: Ptr(Node), p1: Ptr(Node)):
  setfield(p1, "next", a1)
  goto b3(a1, p1)
b2(a2: Ptr(Node), p2: Ptr(Node)):
  setfield(p2, "next", p2)
  goto b3(a2, p2)
b3(a3: Ptr(Node), p3: Ptr(Node)):
  setfield(p3, "next", a3)
  goto return(p3)
}

graph @after_malloc(Ptr(Node), Bool) -> Ptr(Node) {
b0(a: Ptr(Node), c: Bool):
  p: Ptr(Node) = malloc(<Node>, "gc")
  switch c {
    false -> b1(a, p)
    true -> b2(a, p, p)
  }
b1(a1: Ptr(Node), p1: Ptr(Node)):
  setfield(p1, "next", a1)
  q: Ptr(Node) = malloc(<Node>, "gc")
  setfield(q, "next", p1)
  goto b2(a1, p1, q)
b2(a2: Ptr(Node), p2: Ptr(Node), r: Ptr(Node)):
  setfield(p2, "next", a2)
  setfield(r, "next", a2)
  goto return(p2)
}

graph @loop(Ptr(Node), Signed) -> Ptr(Node) {
b0(a: Ptr(Node), n: Signed):
  p: Ptr(Node) = malloc(<Node>, "gc")
  h: Ptr(Node) = hint(p, "fresh_virtualizable")
  setfield(h, "next", a)
  goto b1(a, p, n)
b1(a1: Ptr(Node), p1: Ptr(Node), n1: Signed):
  setfield(p1, "next", a1)
  q: Ptr(Node) = malloc(<Node>, "gc")
  setfield(q, "next", p1)
  m: Signed = int_sub(n1, 1)
  c: Bool = int_gt(m, 0)
  switch c {
    false -> return(p1)
    true -> b1(a1, p1, m)
  }
}
