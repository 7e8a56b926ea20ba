; The GC transform's write barriers and shadow-stack roots on LL graphs (docs/gctransform.md).
; @link: a store into a fresh object needs no barrier until something can collect; a store into
; an argument does; pointers live across a malloc are pushed before it and popped after, pointers
; dead after it (or not GC pointers) are not. @count: a call of a graph that cannot collect saves
; nothing; a helper call that can collect saves what is live after it.
; run: rpp ll-opt --pass=gc-barriers --pass=gc-roots --pass=verify %s
; check: graph @link(Ptr(Node), Ptr(Node), Signed) -> Ptr(Node) {
; nextln: b0(a_0: Ptr(Node), b_1: Ptr(Node), n_2: Signed):
; nextln: gc_push_roots(a_0, b_1)
; nextln: p_3: Ptr(Node) = malloc(<Node>, "gc")
; nextln: gc_pop_roots(a_0, b_1)
; nextln: bare_setfield(p_3, "next", a_0)
; nextln: setfield(p_3, "value", n_2)
; nextln: gc_push_roots(b_1, p_3)
; nextln: q_{{[0-9]+}}: Ptr(Node) = malloc(<Node>, "gc")
; nextln: gc_pop_roots(b_1, p_3)
; nextln: gc_writebarrier(p_3)
; nextln: bare_setfield(p_3, "next", q_{{[0-9]+}})
; nextln: bare_setfield(q_{{[0-9]+}}, "next", b_1)
; nextln: gc_writebarrier(b_1)
; nextln: bare_setfield(b_1, "next", p_3)
; nextln: return(p_3)
; check: graph @count(Ptr(Node), Ptr(rpy_string)) -> Signed {
; nextln: b0(x_0: Ptr(Node), s_1: Ptr(rpy_string)):
; nextln: k_2: Signed = direct_call(@length, x_0)
; nextln: gc_push_roots(x_0)
; nextln: t_{{[0-9]+}}: Ptr(rpy_string) = direct_call($str_concat, s_1, s_1)
; nextln: gc_pop_roots(x_0)
; nextln: setfield(x_0, "value", k_2)
; not: gc_writebarrier
; nextln: h_{{[0-9]+}}: Signed = direct_call($str_hash, t_{{[0-9]+}})
; check: graph @length(Ptr(Node)) -> Signed {
; not: gc_push_roots
gcstruct Node {
  next: Ptr(Node)
  value: Signed
}

graph @link(Ptr(Node), Ptr(Node), Signed) -> Ptr(Node) {
b0(a: Ptr(Node), b: Ptr(Node), n: Signed):
  p: Ptr(Node) = malloc(<Node>, "gc")
  setfield(p, "next", a)
  setfield(p, "value", n)
  q: Ptr(Node) = malloc(<Node>, "gc")
  setfield(p, "next", q)
  setfield(q, "next", b)
  setfield(b, "next", p)
  goto return(p)
}

graph @count(Ptr(Node), Ptr(rpy_string)) -> Signed {
b0(x: Ptr(Node), s: Ptr(rpy_string)):
  k: Signed = direct_call(@length, x)
  t: Ptr(rpy_string) = direct_call($str_concat, s, s)
  setfield(x, "value", k)
  h: Signed = direct_call($str_hash, t)
  r: Signed = int_add(h, k)
  goto return(r)
}

graph @length(Ptr(Node)) -> Signed {
b0(x: Ptr(Node)):
  n: Signed = getfield(x, "value")
  goto return(n)
}
