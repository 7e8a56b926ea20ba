; The GC transform's allocations (docs/gctransform.md): a GC malloc becomes gc_malloc_fixed with
; the type table's id and the allocation size, a GC malloc_varsize becomes gc_malloc_varsize with
; the id, the length and the items' layout (items offset, item size, length offset); genc expands
; both into the inline nursery fast path. A raw malloc stays (the can-collect analyzer reads the
; table's flags for malloc, so it saves roots around it too). The barriers and roots passes run
; first, on the mallocs: a store into the fresh array needs no barrier, the roots saved around
; each allocation are the pointers live after it.
; run: rpp ll-opt --pass=gc-barriers --pass=gc-roots --pass=gc-mallocs --pass=verify %s
; check: graph @make(Signed) -> Ptr(Box) {
; nextln: b0(n_0: Signed):
; nextln: b_1: Ptr(Box) = gc_malloc_fixed(17, 24)
; nextln: gc_push_roots(b_1)
; nextln: a_2: Ptr(GcArray(Ptr(Box))) = gc_malloc_varsize(18, n_0, 16, 8, 8)
; nextln: gc_pop_roots(b_1)
; nextln: bare_setarrayitem(a_2, 0, b_1)
; nextln: gc_writebarrier(b_1)
; nextln: bare_setfield(b_1, "items", a_2)
; nextln: gc_push_roots(b_1)
; nextln: r_{{[0-9]+}}: Ptr(Raw) = malloc(<Raw>, "raw")
; not: malloc(<Box>
; check: graph @chars(Signed) -> Ptr(Blob) {
; nextln: b0(n_0: Signed):
; nextln: s_1: Ptr(Blob) = gc_malloc_varsize(19, n_0, 24, 1, 16)
; not: malloc
struct Raw {
  x: Signed
}

gcstruct Box {
  value: Signed
  items: Ptr(GcArray(Ptr(Box)))
}

gcstruct Blob {
  tag: Signed
  chars: Array(Char)
}

graph @make(Signed) -> Ptr(Box) {
b0(n: Signed):
  b: Ptr(Box) = malloc(<Box>, "gc")
  a: Ptr(GcArray(Ptr(Box))) = malloc_varsize(<GcArray(Ptr(Box))>, "gc", n)
  setarrayitem(a, 0, b)
  setfield(b, "items", a)
  r: Ptr(Raw) = malloc(<Raw>, "raw")
  free(r, "raw")
  goto return(b)
}

graph @chars(Signed) -> Ptr(Blob) {
b0(n: Signed):
  s: Ptr(Blob) = malloc_varsize(<Blob>, "gc", n)
  goto return(s)
}
