; The GC transform when the operation that can collect is the last of a raising block: the pops
; go on each exit, in a block inserted on the link that receives the saved pointers and the
; link's values and passes the values on. A pointer used only on one path is still saved (it is
; live after the call) and popped on both.
; run: rpp ll-opt --pass=gc-barriers --pass=gc-roots --pass=verify %s
; check: graph @pair(Ptr(Node), Signed) -> Ptr(Node) {
; nextln: b0(x_0: Ptr(Node), n_1: Signed):
; nextln: gc_push_roots(x_0)
; nextln: v_2: Ptr(Node) = direct_call(@make, n_1)
; nextln: catch {
; nextln: ok -> b1(x_0, v_2)
; nextln: vtable(Error):Ptr(object_vtable) as (etype_{{[0-9]+}}: Ptr(object_vtable), evalue_{{[0-9]+}}: Ptr(object)) -> b3(x_0, etype_{{[0-9]+}}, evalue_{{[0-9]+}})
; check: b1(x_5: Ptr(Node), v_6: Ptr(Node)):
; nextln: gc_pop_roots(x_5)
; nextln: goto b2(x_5, v_6)
; nextln: b2(y_7: Ptr(Node), w_8: Ptr(Node)):
; nextln: gc_writebarrier(w_8)
; check: b3(x_{{[0-9]+}}: Ptr(Node), etype_{{[0-9]+}}: Ptr(object_vtable), evalue_{{[0-9]+}}: Ptr(object)):
; nextln: gc_pop_roots(x_{{[0-9]+}})
; nextln: goto except(etype_{{[0-9]+}}, evalue_{{[0-9]+}})
; check: graph @make(Signed) -> Ptr(Node) {
; nextln: b0(n_0: Signed):
; nextln: p_1: Ptr(Node) = malloc(<Node>, "gc")
; nextln: bare_setfield(p_1, "next", p_1)
gcstruct Node {
  next: Ptr(Node)
  value: Signed
}

gcstruct Error {
  super: object
}

graph @pair(Ptr(Node), Signed) -> Ptr(Node) {
b0(x: Ptr(Node), n: Signed):
  v: Ptr(Node) = direct_call(@make, n)
  catch {
    ok -> b1(x, v)
    vtable(Error):Ptr(object_vtable) as (etype: Ptr(object_vtable), evalue: Ptr(object)) -> except(etype, evalue)
  }
b1(y: Ptr(Node), w: Ptr(Node)):
  setfield(w, "next", y)
  goto return(w)
}

graph @make(Signed) -> Ptr(Node) {
b0(n: Signed):
  p: Ptr(Node) = malloc(<Node>, "gc")
  setfield(p, "next", p)
  setfield(p, "value", n)
  goto return(p)
}
