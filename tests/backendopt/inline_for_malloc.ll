; Inlining beyond the size heuristic when it lets a malloc go: @sum_fields and @make are too big
; for the heuristic (more than 32 operations), but a malloc of @main escapes only into
; @sum_fields, and @make returns a fresh object: both are inlined and both mallocs removed.
; run: rpp ll-opt --pass=inline --pass=malloc-removal --pass=dce %s
; check: graph @main(Signed) -> Signed {
; not: malloc
; not: direct_call
gcstruct Pair {
  a: Signed
  b: Signed
}

graph @sum_fields(Ptr(Pair)) -> Signed {
b0(p: Ptr(Pair)):
  a: Signed = getfield(p, "a")
  b: Signed = getfield(p, "b")
  s0: Signed = int_add(a, b)
  s1: Signed = int_add(s0, 1)
  s2: Signed = int_add(s1, 2)
  s3: Signed = int_add(s2, 3)
  s4: Signed = int_add(s3, 4)
  s5: Signed = int_add(s4, 5)
  s6: Signed = int_add(s5, 6)
  s7: Signed = int_add(s6, 7)
  s8: Signed = int_add(s7, 8)
  s9: Signed = int_add(s8, 9)
  s10: Signed = int_add(s9, 10)
  s11: Signed = int_add(s10, 11)
  s12: Signed = int_add(s11, 12)
  s13: Signed = int_add(s12, 13)
  s14: Signed = int_add(s13, 14)
  s15: Signed = int_add(s14, 15)
  s16: Signed = int_add(s15, 16)
  s17: Signed = int_add(s16, 17)
  s18: Signed = int_add(s17, 18)
  s19: Signed = int_add(s18, 19)
  s20: Signed = int_add(s19, 20)
  s21: Signed = int_add(s20, 21)
  s22: Signed = int_add(s21, 22)
  s23: Signed = int_add(s22, 23)
  s24: Signed = int_add(s23, 24)
  s25: Signed = int_add(s24, 25)
  s26: Signed = int_add(s25, 26)
  s27: Signed = int_add(s26, 27)
  s28: Signed = int_add(s27, 28)
  s29: Signed = int_add(s28, 29)
  s30: Signed = int_add(s29, 30)
  s31: Signed = int_add(s30, 31)
  s32: Signed = int_add(s31, 32)
  s33: Signed = int_add(s32, 33)
  s34: Signed = int_add(s33, 34)
  s35: Signed = int_add(s34, 35)
  goto return(s35)
}

graph @make(Signed) -> Ptr(Pair) {
b0(x: Signed):
  t0: Signed = int_mul(x, 2)
  t1: Signed = int_add(t0, 1)
  t2: Signed = int_add(t1, 2)
  t3: Signed = int_add(t2, 3)
  t4: Signed = int_add(t3, 4)
  t5: Signed = int_add(t4, 5)
  t6: Signed = int_add(t5, 6)
  t7: Signed = int_add(t6, 7)
  t8: Signed = int_add(t7, 8)
  t9: Signed = int_add(t8, 9)
  t10: Signed = int_add(t9, 10)
  t11: Signed = int_add(t10, 11)
  t12: Signed = int_add(t11, 12)
  t13: Signed = int_add(t12, 13)
  t14: Signed = int_add(t13, 14)
  t15: Signed = int_add(t14, 15)
  t16: Signed = int_add(t15, 16)
  t17: Signed = int_add(t16, 17)
  t18: Signed = int_add(t17, 18)
  t19: Signed = int_add(t18, 19)
  t20: Signed = int_add(t19, 20)
  t21: Signed = int_add(t20, 21)
  t22: Signed = int_add(t21, 22)
  t23: Signed = int_add(t22, 23)
  t24: Signed = int_add(t23, 24)
  t25: Signed = int_add(t24, 25)
  t26: Signed = int_add(t25, 26)
  t27: Signed = int_add(t26, 27)
  t28: Signed = int_add(t27, 28)
  t29: Signed = int_add(t28, 29)
  t30: Signed = int_add(t29, 30)
  t31: Signed = int_add(t30, 31)
  t32: Signed = int_add(t31, 32)
  t33: Signed = int_add(t32, 33)
  t34: Signed = int_add(t33, 34)
  t35: Signed = int_add(t34, 35)
  p: Ptr(Pair) = malloc(<Pair>, "gc")
  setfield(p, "a", x)
  setfield(p, "b", t35)
  goto return(p)
}

graph @main(Signed) -> Signed {
b0(n: Signed):
  p: Ptr(Pair) = malloc(<Pair>, "gc")
  setfield(p, "a", n)
  setfield(p, "b", 3)
  s: Signed = direct_call(@sum_fields, p)
  q: Ptr(Pair) = direct_call(@make, s)
  r: Signed = getfield(q, "b")
  goto return(r)
}
