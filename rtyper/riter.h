// Iteration (`for x in ...`: iter() then next() until StopIteration) over tuples of one item
// type, strs, lists and ranges, and range lists themselves (RPython's rrange and the iterators
// of rtuple/rstr/rlist):
//   - a range that is never mutated is Ptr(GcStruct range {start, stop, step}), not a list;
//   - an iterator is Ptr(GcStruct iter_... {container, index}) (a range's {current, stop, step});
//     next() is a helper graph that raises the prebuilt StopIteration at the end.
// enumerate(seq) has the same struct (`enum_iter_...`); next() makes the (index, item) tuple.
// reversed(seq) (`rev_iter_...`) starts at the last index and counts down. zip and dict views
// are not done yet.
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
  IteratorRepr(RTyper& rtyper, Repr* container, Repr* item,
               annotator::IterVariant variant = annotator::IterVariant::Plain);
  Repr* container() const { return container_; }
  annotator::IterVariant variant() const { return variant_; }
  Repr* item() const { return item_; }
  const lltype::Struct* iter_struct() const { return struct_; }

 private:
  Repr* container_;
  Repr* item_;
  const lltype::Struct* struct_;
  annotator::IterVariant variant_;
};

// The repr of a SomeIterator (Plain iteration over a tuple, str, list or range).
std::unique_ptr<Repr> make_iterator_repr(RTyper& rtyper, const annotator::SomeIterator& it);

flow::Value* rtype_iter(Hop& hop);
flow::Value* rtype_next(Hop& hop);
// range(stop) / range(start, stop[, step]).
flow::Value* rtype_range(Hop& hop, size_t first_arg);
flow::Value* rtype_range_len(Hop& hop);
// enumerate(seq) / reversed(seq): the iterator itself.
flow::Value* rtype_enumerate_reversed(Hop& hop, size_t arg);
// d.keys() / d.values() / d.items(): the iterator over the dict `d` (hop.r_result's variant).
flow::Value* rtype_dict_view(Hop& hop, flow::Value* d);
// A new iterator of repr `r` (not over a range) over `container`, at its first item (the last
// for reversed()).
flow::Value* new_sequence_iterator(LowLevelOps& llops, IteratorRepr* r, flow::Value* container);

}  // namespace rpp::rtyper
