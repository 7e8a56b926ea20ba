// Iteration (`for x in ...`: iter() then next() until StopIteration) over tuples of one item
// type, strs, lists and ranges, and range lists themselves (RPython's rrange and the iterators
// of rtuple/rstr/rlist):
//   - a range that is never mutated is Ptr(GcStruct range {start, stop, step}), not a list;
//   - an iterator is Ptr(GcStruct iter_... {container, index}) (a range's {current, stop, step});
//     next() is a helper graph that raises the prebuilt StopIteration at the end.
// The other iterators (enumerate, zip, reversed, dict views) come with "RTyper, part 2".
#pragma once
#include "annotator/some_value.h"
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class RangeRepr final : public Repr {
 public:
  explicit RangeRepr(RTyper& rtyper);
  const lltype::Struct* range_struct() const { return struct_; }

 private:
  const lltype::Struct* struct_;
};

class IteratorRepr final : public Repr {
 public:
  IteratorRepr(RTyper& rtyper, Repr* container, Repr* item);
  Repr* container() const { return container_; }
  Repr* item() const { return item_; }
  const lltype::Struct* iter_struct() const { return struct_; }

 private:
  Repr* container_;
  Repr* item_;
  const lltype::Struct* struct_;
};

// The repr of a SomeIterator (Plain iteration over a tuple, str, list or range).
std::unique_ptr<Repr> make_iterator_repr(RTyper& rtyper, const annotator::SomeIterator& it);

flow::Value* rtype_iter(Hop& hop);
flow::Value* rtype_next(Hop& hop);
// range(stop) / range(start, stop[, step]).
flow::Value* rtype_range(Hop& hop, size_t first_arg);
flow::Value* rtype_range_len(Hop& hop);

}  // namespace rpp::rtyper
