// Extended slices (`l[a:b:c]`, `s[::-1]`): the flow graph builds `newslice(a, b, c)` and
// indexes with it. A slice is represented as the tuple of its parts (None parts are Void, known
// at translation time); `x[slice]` passes the parts to the runtime's index arithmetic
// (`$slice_length` / `$slice_start`, a None bound as INT64_MIN; a step that is not a constant is
// first checked by `ll_slice_step_check`, ValueError for 0) and copies with a stride
// (`$array_copy_step` for lists, `$str_slice_step` for str). Step 1 slices are `getslice`
// (rlist_ops.cc, rstr_methods.cc), not this.
#pragma once
#include "rtyper/hop.h"
#include "rtyper/repr.h"
#include "rtyper/rtuple.h"

namespace rpp::rtyper {

class SliceRepr final : public Repr {
 public:
  explicit SliceRepr(TupleRepr* parts)
      : Repr(ReprKind::Slice, parts->lowleveltype(), "SliceRepr(" + parts->name() + ")"), parts_(parts) {}
  TupleRepr* parts() const { return parts_; }
  // Part i (0 start, 1 stop, 2 step) as Signed: None is INT64_MIN for the bounds, 1 for the step.
  flow::Value* part(LowLevelOps& llops, flow::Value* slice, size_t i);

 private:
  TupleRepr* parts_;
};

flow::Value* rtype_newslice(Hop& hop);
// x[slice] for a list or a str (hop argument 1 is the slice).
flow::Value* rtype_getitem_slice(Hop& hop);

}  // namespace rpp::rtyper
