// Bounds-checked indexes in helper graphs (checked_index.h).
#include "rtyper/checked_index.h"

#include "rtyper/exception_data.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

bool index_proven_nonneg(const annotator::SomeRef& index) {
  return index && index->is_integer() && index->as<annotator::SomeInteger>().nonneg();
}

void raise_prebuilt(RTyper& rtyper, LowLevelGraphBuilder& b, Block* block, const std::string& cls,
                    const std::string& message) {
  const RuntimeTypes& rt = rtyper.runtime_types();
  LowLevelOps ops = b.ops();
  b.raise_(block, ops.static_constant(rtyper.exceptions().vtable(cls), rtyper.types().ptr(rt.object_vtable)),
           ops.static_constant(rtyper.exceptions().instance(cls, message), rtyper.types().ptr(rt.object)));
}

Block* checked_index(RTyper& rtyper, LowLevelGraphBuilder& b, Block* from, LowLevelOps& ops,
                     const std::vector<Value*>& carry, Value* i, Value* n, const std::string& message,
                     bool nonneg) {
  size_t k = carry.size();
  std::vector<const LowLevelType*> carried;
  for (Value* v : carry) carried.push_back(v->concretetype);
  auto with = [](std::vector<Value*> values, std::initializer_list<Value*> more) {
    values.insert(values.end(), more);
    return values;
  };
  auto carried_of = [k](Block* block) {
    return std::vector<Value*>(block->inputargs.begin(), block->inputargs.begin() + long(k));
  };
  // `(unsigned)i < (unsigned)n`: 0 <= i < n in one comparison (a length is never negative),
  // marked likely so that the C++ compiler keeps the rest off the hot path.
  auto in_range = [](LowLevelOps& o, Value* index, Value* length) {
    Value* ok = o.genop("uint_lt", {o.genop("cast_int_to_uint", {index}, &Unsigned),
                                    o.genop("cast_int_to_uint", {length}, &Unsigned)},
                        &Bool);
    return o.genop("likely", {ok}, &Bool);
  };
  std::vector<const LowLevelType*> good_types = carried;
  good_types.push_back(&Signed);
  Block* good = b.block(good_types);
  Block* fail = b.block({});
  Value* ok = in_range(ops, i, n);
  b.append(from, ops);
  if (nonneg) {  // the annotator proved i >= 0: no fix-up for negative indexes
    b.branch(from, ok, good, with(carry, {i}), fail, {});
  } else {
    // The cold path: a negative index counts from the end, anything else is out of range.
    std::vector<const LowLevelType*> state = carried;
    state.push_back(&Signed);  // index
    state.push_back(&Signed);  // length
    Block* slow = b.block(state);
    Block* adjust = b.block(state);
    b.branch(from, ok, good, with(carry, {i}), slow, with(carry, {i, n}));
    LowLevelOps s = b.ops();
    Value* negative = s.genop("int_lt", {slow->inputargs[k], s.constant(int64_t(0), &Signed)}, &Bool);
    b.append(slow, s);
    b.branch(slow, negative, adjust, with(carried_of(slow), {slow->inputargs[k], slow->inputargs[k + 1]}), fail,
             {});
    LowLevelOps a = b.ops();
    Value* from_end = a.genop("int_add", {adjust->inputargs[k], adjust->inputargs[k + 1]}, &Signed);
    // i < 0 and i + n < 0 is still out of range: negative, so huge as unsigned.
    Value* ok_from_end = in_range(a, from_end, adjust->inputargs[k + 1]);
    b.append(adjust, a);
    b.branch(adjust, ok_from_end, good, with(carried_of(adjust), {from_end}), fail, {});
  }
  raise_prebuilt(rtyper, b, fail, "IndexError", message);
  return good;
}

flow::FunctionGraph* checked_read_graph(RTyper& rtyper, const std::string& name, const LowLevelType* container,
                                        const LowLevelType* result, const SequenceLength& length,
                                        const SequenceRead& read, const std::string& message,
                                        const flow::SourceLocation& where, bool nonneg) {
  std::string graph_name = nonneg ? name + "_nonneg" : name;
  return rtyper.helpers().get(graph_name, [&] {
    LowLevelGraphBuilder b(rtyper, graph_name, {container, &Signed}, result, where);
    Block* start = b.start();
    LowLevelOps ops = b.ops();
    Value* n = length(ops, start->inputargs[0]);
    Block* good =
        checked_index(rtyper, b, start, ops, {start->inputargs[0]}, start->inputargs[1], n, message, nonneg);
    LowLevelOps r = b.ops();
    Value* x = read(r, good->inputargs[0], good->inputargs[1]);
    b.append(good, r);
    b.return_(good, x);
    return b.take();
  });
}

}  // namespace rpp::rtyper
