; Constant folding through ops.h: arithmetic on constants, a TryFold operation that cannot raise
; with its operands (its catch disappears), one that would raise (kept), a switch on a folded
; comparison (the other branch is gone), a same_as copy, and an argument every link sets to 7.
; run: rpp ll-opt --pass=constfold --pass=dce %s
; check: graph @f(Signed) -> Signed {
; nextln: b0(x_0: Signed):
; nextln:   y_1: Signed = int_add(x_0, 20)
; nextln:   z_2: Signed = int_floordiv_ovf(-9223372036854775808, -1)
; nextln:   catch {
; nextln:     ok -> b1(y_1, z_2)
; check: b1(y4_5: Signed, z4_6: Signed):
; nextln:   w_7: Signed = int_add(y4_5, z4_6)
; nextln:   r_8: Signed = int_add(w_7, 7)
; nextln:   goto return(r_8)
; not: int_mul
; not: int_lt
; not: same_as
; not: int_add_ovf
; not: 999
gcstruct OverflowError {
  super: object
}

graph @f(Signed) -> Signed {
b0(x: Signed):
  a: Signed = int_mul(4, 5)
  c: Bool = int_lt(a, 3)
  switch c { true -> b_dead(x) false -> b_live(x, a) }
b_dead(x1: Signed):
  goto return(999)
b_live(x2: Signed, a2: Signed):
  s: Signed = int_add_ovf(a2, 1)
  catch {
    ok -> b_next(x2, s, a2)
    vtable(OverflowError):Ptr(object_vtable) as (t1: Ptr(object_vtable), e1: Ptr(object)) -> except(t1, e1)
  }
b_next(x3: Signed, s3: Signed, a3: Signed):
  t: Signed = int_sub(s3, 1)
  k: Signed = same_as(t)
  y: Signed = int_add(x3, k)
  z: Signed = int_floordiv_ovf(-9223372036854775808, -1)
  catch {
    ok -> b_join(y, z, 7)
    vtable(OverflowError):Ptr(object_vtable) as (t2: Ptr(object_vtable), e2: Ptr(object)) -> except(t2, e2)
  }
b_join(y4: Signed, z4: Signed, seven: Signed):
  w: Signed = int_add(y4, z4)
  r: Signed = int_add(w, seven)
  goto return(r)
}
