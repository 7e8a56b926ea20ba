// Bounds-checked indexes in helper graphs (checked_index.h).
#include "rtyper/checked_index.h"

#include "rtyper/exception_data.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

void raise_prebuilt(RTyper& rtyper, LowLevelGraphBuilder& b, Block* block, const std::string& cls,
                    const std::string& message) {
  const RuntimeTypes& rt = rtyper.runtime_types();
  LowLevelOps ops = b.ops();
  b.raise_(block, ops.static_constant(rtyper.exceptions().vtable(cls), rtyper.types().ptr(rt.object_vtable)),
           ops.static_constant(rtyper.exceptions().instance(cls, message), rtyper.types().ptr(rt.object)));
}

Block* checked_index(RTyper& rtyper, LowLevelGraphBuilder& b, Block* from, LowLevelOps& ops,
                     const std::vector<Value*>& carry, Value* i, Value* n, const std::string& message) {
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
  Value* negative = ops.genop("int_lt", {i, ops.constant(int64_t(0), &Signed)}, &Bool);
  b.append(from, ops);
  std::vector<const LowLevelType*> state = carried;
  state.push_back(&Signed);  // index
  state.push_back(&Signed);  // length
  Block* adjust = b.block(state);
  Block* check = b.block(state);
  b.branch(from, negative, adjust, with(carry, {i, n}), check, with(carry, {i, n}));
  LowLevelOps a = b.ops();
  Value* from_end = a.genop("int_add", {adjust->inputargs[k], adjust->inputargs[k + 1]}, &Signed);
  b.append(adjust, a);
  b.goto_(adjust, check, with(carried_of(adjust), {from_end, adjust->inputargs[k + 1]}));
  LowLevelOps c = b.ops();
  Value* ok = c.genop("int_between", {c.constant(int64_t(0), &Signed), check->inputargs[k], check->inputargs[k + 1]},
                      &Bool);
  b.append(check, c);
  std::vector<const LowLevelType*> good_types = carried;
  good_types.push_back(&Signed);
  Block* good = b.block(good_types);
  Block* fail = b.block({});
  b.branch(check, ok, good, with(carried_of(check), {check->inputargs[k]}), fail, {});
  raise_prebuilt(rtyper, b, fail, "IndexError", message);
  return good;
}

flow::FunctionGraph* checked_read_graph(RTyper& rtyper, const std::string& name, const LowLevelType* container,
                                        const LowLevelType* result, const SequenceLength& length,
                                        const SequenceRead& read, const std::string& message,
                                        const flow::SourceLocation& where) {
  return rtyper.helpers().get(name, [&] {
    LowLevelGraphBuilder b(rtyper, name, {container, &Signed}, result, where);
    Block* start = b.start();
    LowLevelOps ops = b.ops();
    Value* n = length(ops, start->inputargs[0]);
    Block* good = checked_index(rtyper, b, start, ops, {start->inputargs[0]}, start->inputargs[1], n, message);
    LowLevelOps r = b.ops();
    Value* x = read(r, good->inputargs[0], good->inputargs[1]);
    b.append(good, r);
    b.return_(good, x);
    return b.take();
  });
}

}  // namespace rpp::rtyper
