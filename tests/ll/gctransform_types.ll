; The GC's type table from lltypes (docs/gctransform.md): type ids from 16 in declaration order,
; then the GC types fields point to, then the ones graphs use; sizes and GC pointer offsets by
; the layout contract (the header at 0, a parent inlined first, an inlined non-GC struct's
; pointers, an inlined array's items); the runtime's `object` (predefined, declared first) is a
; generated type, its str keeps id 1 and gets no entry, the vtable pointer is not traced.
; run: rpp ll-opt --pass=gc-types %s
; check: ; tid 16 object: size 16, vtable, gc ptrs []
; nextln: ; tid 17 Node: size 40, gc ptrs [8, 24], varsize: length at 32, items at 40, item size 16, item gc ptrs [8]
; nextln: ; tid 18 Pair: size 32, vtable, gc ptrs [16, 24]
; nextln: ; tid 19 Leaf: size 48, vtable, gc ptrs [16, 24, 40]
; nextln: ; tid 20 Holder: size 24, gc ptrs [16]
; nextln: ; tid 21 GcArray(Ptr(Pair)): size 16, gc ptrs [], varsize: length at 8, items at 16, item size 8, item gc ptrs [0]
; nextln: ; tid 22 GcArray(Signed): size 16, gc ptrs [], varsize: length at 8, items at 16, item size 8, item gc ptrs []
; not: ; tid
; check: gcstruct Node {
struct Inner {
  n: Signed
  s: Ptr(rpy_string)
}

gcstruct Node {
  next: Ptr(Node)
  count: Signed
  name: Ptr(rpy_string)
  items: Array(Inner)
}

gcstruct Pair {
  super: object
  a: Ptr(Pair)
  b: Ptr(rpy_string)
}

gcstruct Leaf {
  super: Pair
  k: Signed
  inner_ptr: Ptr(Pair)
}

gcstruct Holder {
  count: Signed
  pairs: Ptr(GcArray(Ptr(Pair)))
}

graph @make(Signed) -> Ptr(GcArray(Signed)) {
b0(n: Signed):
  a: Ptr(GcArray(Signed)) = malloc_varsize(<GcArray(Signed)>, "gc", n)
  l: Ptr(GcArray(Ptr(rpy_string))) = malloc_varsize(<GcArray(Ptr(rpy_string))>, "gc", n)
  goto return(a)
}
