// Extended slices (rslice.h).
#include "rtyper/rslice.h"

#include "rtyper/checked_index.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

Value* SliceRepr::part(LowLevelOps& llops, Value* slice, size_t i) {
  Repr* r = parts_->items()[i];
  if (r->is_void()) return llops.constant(i == 2 ? int64_t(1) : INT64_MIN, &Signed);
  return llops.convert(parts_->item(llops, slice, i), r, llops.rtyper().getrepr(annotator::s_int()));
}

Value* rtype_newslice(Hop& hop) {
  auto* r = dynamic_cast<SliceRepr*>(hop.r_result);
  if (!r || hop.nargs() != 3) hop.unsupported();
  std::vector<Value*> parts;
  for (size_t i = 0; i < 3; ++i) parts.push_back(hop.arg(i, r->parts()->items()[i]));
  hop.exception_cannot_occur();
  return r->parts()->make(hop.llops, parts);
}

namespace {

// ll_list_slice_step_T_R(l, start, stop, step) -> a new list of R's type.
flow::FunctionGraph* list_slice_graph(Hop& hop, ListRepr* r, ListRepr* rr) {
  RTyper& rtyper = hop.rtyper;
  std::string name = "ll_list_slice_step_" + ll_name(r->lowleveltype()->to_string()) + "_" +
                     ll_name(rr->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    LowLevelGraphBuilder b(rtyper, name, {r->lowleveltype(), &Signed, &Signed, &Signed}, rr->lowleveltype(),
                           hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* l = s->inputargs[0];
    std::vector<Value*> bounds{r->length(o, l), s->inputargs[1], s->inputargs[2], s->inputargs[3]};
    Value* count = o.call_helper("slice_length", bounds);
    Value* first = o.call_helper("slice_start", bounds);
    Value* out = rr->new_empty(o, count);
    o.call_helper("array_copy_step", {r->items(o, l), rr->items(o, out), first, s->inputargs[3], count});
    b.append(s, o);
    b.return_(s, out);
    return b.take();
  });
}

// ll_slice_step_check(step) -> step, or ValueError("slice step cannot be zero"): the one error
// of an extended slice, raised by the graph that the caller's exception links see.
flow::FunctionGraph* step_check_graph(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  return rtyper.helpers().get("ll_slice_step_check", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_slice_step_check", {&Signed}, &Signed, hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* zero = o.genop("int_eq", {s->inputargs[0], o.constant(int64_t(0), &Signed)}, &Bool);
    b.append(s, o);
    Block* fail = b.block({});
    Block* ok = b.block({&Signed});
    b.branch(s, zero, fail, {}, ok, {s->inputargs[0]});
    raise_prebuilt(rtyper, b, fail, "ValueError", "slice step cannot be zero");
    b.return_(ok, ok->inputargs[0]);
    return b.take();
  });
}

}  // namespace

Value* rtype_getitem_slice(Hop& hop) {
  auto* sr = static_cast<SliceRepr*>(hop.args_r[1]);
  LowLevelOps& ops = hop.llops;
  Repr* container = hop.args_r[0];
  // The parts known at translation time are constants (a constant step other than 0 cannot fail).
  const auto& parts_s = hop.args_s[1]->as<annotator::SomeBuiltin>().receiver->as<annotator::SomeTuple>().items;
  Value* slice = hop.arg(1);
  std::vector<Value*> parts;
  for (size_t i = 0; i < 3; ++i) {
    const flow::ConstValue* c = parts_s[i]->is_constant() ? &*parts_s[i]->constant() : nullptr;
    if (auto* v = c ? std::get_if<int64_t>(c) : nullptr) parts.push_back(ops.constant(*v, &Signed));
    else parts.push_back(sr->part(ops, slice, i));
  }
  auto* step = dynamic_cast<flow::Constant*>(parts[2]);
  auto* step_value = step ? std::get_if<int64_t>(&step->value) : nullptr;
  auto* r = dynamic_cast<ListRepr*>(container);
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  bool text = container->kind() == ReprKind::Str || container->kind() == ReprKind::Bytes;
  if (!text && (!r || !rr))
    hop.fail("an extended slice of " + container->name() + " is not supported (lists, strs and bytes only)");
  if (r && r->items_array() != rr->items_array()) hop.fail("an extended slice into a list of another item type");
  Value* x = hop.arg(0);
  if (step_value && *step_value == 0) hop.fail("slice step cannot be zero");
  if (step_value) {
    hop.exception_cannot_occur();
  } else {
    hop.exception_is_here();
    parts[2] = ops.call_graph(step_check_graph(hop), {parts[2]});
  }
  if (!r)
    return ops.call_helper(container->kind() == ReprKind::Bytes ? "bytes_slice_step" : "str_slice_step",
                           {x, parts[0], parts[1], parts[2]});
  return ops.call_graph(list_slice_graph(hop, r, rr), {x, parts[0], parts[1], parts[2]});
}

}  // namespace rpp::rtyper
