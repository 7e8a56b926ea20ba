; indirect_call carries the set of graphs it may call: the analyzers look into exactly those.
; With `none` (unknown targets), everything is possible: random effects, raising, collecting,
; forcing. Helpers contribute what runtime/helpers.def declares.
; run: rpp ll-opt --analyze=can-raise,can-collect,effects,forces-virtualizable %s
; check: can-raise @known: no
; nextln: can-raise @unknown: yes
; nextln: can-raise @helpers: yes
; check: can-collect @known: yes
; nextln: can-collect @unknown: yes
; nextln: can-collect @helpers: yes
; check: effects @known: reads {Cell.value} writes {Cell.value}
; nextln: effects @unknown: random
; nextln: effects @helpers: reads {array[*], list.items, rpy_string.hash} writes {array[*], list.items, list.length, rpy_string.hash}
; check: forces-virtualizable @known: yes
; nextln: forces-virtualizable @unknown: yes
; nextln: forces-virtualizable @helpers: no
gcstruct Cell {
  value: Signed
}
gcstruct Frame virtualizable(pc) {
  super: object
  pc: Signed
}

graph @known(Ptr(Func(Ptr(Cell)) -> Signed), Ptr(Cell)) -> Signed {
b0(f: Ptr(Func(Ptr(Cell)) -> Signed), c: Ptr(Cell)):
  r: Signed = indirect_call(f, c, [@get, @bump])
  goto return(r)
}

graph @unknown(Ptr(Func(Ptr(Cell)) -> Signed), Ptr(Cell)) -> Signed {
b0(f: Ptr(Func(Ptr(Cell)) -> Signed), c: Ptr(Cell)):
  r: Signed = indirect_call(f, c, none)
  goto return(r)
}

graph @helpers(Ptr(rpy_string), Ptr(gcref)) -> Signed {
b0(s: Ptr(rpy_string), l: Ptr(gcref)):
  h: Signed = direct_call($str_hash, s)
  direct_call($list_resize_ge, l, h)
  i: Signed = direct_call($str_to_int, s, 10)
  catch { ok -> return(i) }
}

graph @get(Ptr(Cell)) -> Signed {
b0(c: Ptr(Cell)):
  v: Signed = getfield(c, "value")
  goto return(v)
}

graph @bump(Ptr(Cell)) -> Signed {
b0(c: Ptr(Cell)):
  v: Signed = getfield(c, "value")
  w: Signed = int_add(v, 1)
  setfield(c, "value", w)
  f: Ptr(Frame) = malloc(<Frame>, "gc")
  jit_force_virtualizable(f, "pc", none)
  goto return(w)
}
