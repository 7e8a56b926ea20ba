; A module in the printer's own form prints back unchanged, and parse(print(m)) prints the same.
; run: rpp ll-opt --pass=roundtrip %s
; check: gcstruct Error {
; nextln:   super: object
; nextln: }
; check: graph @fact(Signed) -> Signed [elidable] {
; nextln: b0(n_0: Signed):
; nextln:   v1: Bool = int_le(n_0, 1)
; nextln:   switch v1 {
; nextln:     false -> b1(n_0)
; nextln:     true -> return(1)
; nextln:   }
; nextln: b1(n_2: Signed):
; nextln:   v3: Signed = int_sub(n_2, 1)
; nextln:   v4: Signed = direct_call(@fact, v3)
; nextln:   catch {
; nextln:     ok -> b2(n_2, v4)
; nextln:     vtable(Error):Ptr(object_vtable) as (etype_5: Ptr(object_vtable), evalue_6: Ptr(object)) -> except(etype_5, evalue_6)
; nextln:   }
; nextln: b2(n_7: Signed, r_8: Signed):
; nextln:   v9: Signed = int_mul_ovf(n_7, r_8)
; nextln:   catch {
; nextln:     ok -> return(v9)
; nextln:   }
; nextln: }
gcstruct Error {
  super: object
}

graph @fact(Signed) -> Signed [elidable] {
b0(n_0: Signed):
  v1: Bool = int_le(n_0, 1)
  switch v1 {
    false -> b1(n_0)
    true -> return(1)
  }
b1(n_2: Signed):
  v3: Signed = int_sub(n_2, 1)
  v4: Signed = direct_call(@fact, v3)
  catch {
    ok -> b2(n_2, v4)
    vtable(Error):Ptr(object_vtable) as (etype_5: Ptr(object_vtable), evalue_6: Ptr(object)) -> except(etype_5, evalue_6)
  }
b2(n_7: Signed, r_8: Signed):
  v9: Signed = int_mul_ovf(n_7, r_8)
  catch {
    ok -> return(v9)
  }
}
