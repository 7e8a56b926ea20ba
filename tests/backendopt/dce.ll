; Dead code removal: an unused pure operation, a value only carried around a loop (dead with its
; argument), a switch whose exits go to one place; effects (setfield) and raising operations stay.
; run: rpp ll-opt --pass=dce %s
; check: graph @loop(Signed, Ptr(Box)) -> Signed {
; nextln: b0(n_0: Signed, box_1: Ptr(Box)):
; nextln:   goto b1(0, 0)
; nextln: b1(i_2: Signed, acc_3: Signed):
; nextln:   c_4: Bool = int_lt(i_2, 10)
; nextln:   switch c_4 {
; nextln:     true -> b2(i_2, acc_3)
; nextln:     false -> return(acc_3)
; check: b2(i2_5: Signed, acc2_6: Signed):
; nextln:   i3_7: Signed = int_add(i2_5, 1)
; nextln:   acc3_8: Signed = int_add(acc2_6, i2_5)
; nextln:   goto b1(i3_7, acc3_8)
; check: graph @effects(Ptr(Box), Signed) -> Signed {
; nextln: b0(box_0: Ptr(Box), n_1: Signed):
; nextln:   setfield(box_0, "value", n_1)
; nextln:   q_2: Signed = int_floordiv_zer(n_1, 0)
; nextln:   catch {
; nextln:     ok -> return(n_1)
; not: int_mul
; not: junk
gcstruct ZeroDivisionError {
  super: object
}
gcstruct Box {
  value: Signed
}

graph @loop(Signed, Ptr(Box)) -> Signed {
b0(n: Signed, box: Ptr(Box)):
  unused: Signed = int_mul(n, n)
  unused2: Signed = getfield(box, "value")
  goto b1(0, 0, n)
b1(i: Signed, acc: Signed, junk: Signed):
  c: Bool = int_lt(i, 10)
  switch c { true -> b2(i, acc, junk) false -> return(acc) }
b2(i2: Signed, acc2: Signed, junk2: Signed):
  i3: Signed = int_add(i2, 1)
  acc3: Signed = int_add(acc2, i2)
  junk3: Signed = int_mul(junk2, 3)
  goto b1(i3, acc3, junk3)
}

graph @effects(Ptr(Box), Signed) -> Signed {
b0(box: Ptr(Box), n: Signed):
  setfield(box, "value", n)
  q: Signed = int_floordiv_zer(n, 0)
  catch {
    ok -> b1(n)
    vtable(ZeroDivisionError):Ptr(object_vtable) as (t: Ptr(object_vtable), e: Ptr(object)) -> except(t, e)
  }
b1(m: Signed):
  c: Bool = int_lt(m, 0)
  switch c { true -> b2(m) false -> b2(m) }
b2(k: Signed):
  goto return(k)
}
