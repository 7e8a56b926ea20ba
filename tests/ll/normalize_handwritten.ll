; Hand-written text (free layout, own names, blocks in any order) is printed in canonical form:
; blocks renumbered depth-first from the start block, variables renumbered keeping their names.
; run: rpp ll-opt --pass=verify --pass=roundtrip %s
; check: graph @sum_to(Signed) -> Signed {
; nextln: b0(n_0: Signed):
; nextln:   goto b1(n_0, 0)
; nextln: b1(i_1: Signed, acc_2: Signed):
; nextln:   more_3: Bool = int_gt(i_1, 0)
; nextln:   switch more_3 {
; nextln:     true -> b2(i_1, acc_2)
; nextln:     false -> return(acc_2)
; nextln:   }
; nextln: b2(i2_4: Signed, acc2_5: Signed):
; nextln:   acc3_6: Signed = int_add(acc2_5, i2_4)
; nextln:   i3_7: Signed = int_sub(i2_4, 1)
; nextln:   goto b1(i3_7, acc3_6)
; nextln: }
graph @sum_to(Signed) -> Signed {
  entry(n: Signed): goto loop(n, 0)
  body(i2: Signed, acc2: Signed):
    acc3: Signed = int_add(acc2, i2)
    i3: Signed = int_sub(i2, 1)
    goto loop(i3, acc3)
  loop(i: Signed, acc: Signed):
    more: Bool = int_gt(i, 0)
    switch more { true -> body(i, acc) false -> return(acc) }
}
