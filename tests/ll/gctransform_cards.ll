; The card-marking barrier (docs/gctransform.md): a store of a GC pointer into an item of an
; array that may be old takes gc_writebarrier_array with the item's index (the GC marks one card
; of a large array); a store into an item of a struct's inlined array too, with the path's index;
; a store into the fixed part of the same struct takes the object barrier; a store of an integer
; item takes none.
; run: rpp ll-opt --pass=gc-barriers --pass=verify %s
; check: graph @put(Ptr(GcArray(Ptr(Node))), Signed, Ptr(Node)) -> Void {
; nextln: b0(a_0: Ptr(GcArray(Ptr(Node))), i_1: Signed, p_2: Ptr(Node)):
; nextln: gc_writebarrier_array(a_0, i_1)
; nextln: bare_setarrayitem(a_0, i_1, p_2)
; check: graph @put_inlined(Ptr(Table), Signed, Ptr(Node)) -> Void {
; nextln: b0(t_0: Ptr(Table), i_1: Signed, p_2: Ptr(Node)):
; nextln: gc_writebarrier_array(t_0, i_1)
; nextln: setinteriorfield(t_0, "entries", i_1, "key", p_2)
; nextln: setinteriorfield(t_0, "entries", i_1, "hash", i_1)
; nextln: gc_writebarrier(t_0)
; nextln: bare_setfield(t_0, "first", p_2)
; nextln: return(none)
; not: gc_writebarrier
; check: graph @put_int(Ptr(GcArray(Signed)), Signed) -> Void {
; not: gc_writebarrier
gcstruct Node {
  value: Signed
}

struct Entry {
  hash: Signed
  key: Ptr(Node)
}

gcstruct Table {
  first: Ptr(Node)
  entries: Array(Entry)
}

graph @put(Ptr(GcArray(Ptr(Node))), Signed, Ptr(Node)) -> Void {
b0(a: Ptr(GcArray(Ptr(Node))), i: Signed, p: Ptr(Node)):
  setarrayitem(a, i, p)
  goto return(none)
}

graph @put_inlined(Ptr(Table), Signed, Ptr(Node)) -> Void {
b0(t: Ptr(Table), i: Signed, p: Ptr(Node)):
  setinteriorfield(t, "entries", i, "key", p)
  setinteriorfield(t, "entries", i, "hash", i)
  setfield(t, "first", p)
  goto return(none)
}

graph @put_int(Ptr(GcArray(Signed)), Signed) -> Void {
b0(a: Ptr(GcArray(Signed)), i: Signed):
  setarrayitem(a, i, 7)
  goto return(none)
}
