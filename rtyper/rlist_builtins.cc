// Builtins that order or reduce a whole list (rlist.h): `l.sort(reverse=...)` and
// `sorted(l, reverse=...)` are the runtime's TimSort (`$array_sort_int/float/str`, the reverse
// order by reversing around it, which keeps equal items in their order as CPython does);
// `min(l)` / `max(l)`, `sum(l[, start])`, `any(l)` / `all(l)` are one loop per list type
// (`ll_list_min_T`...), min/max raising CPython's ValueError on an empty list.
#include <set>

#include "annotator/listdef.h"
#include "rtyper/checked_index.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rdict.h"
#include "rtyper/riter.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

namespace {

// The TimSort helper for the items of `r`, or "" when the runtime has none.
std::string sort_helper(ListRepr* r) {
  Repr* item = r->item_repr();
  if (item->kind() == ReprKind::Integer && item->lowleveltype() == &Signed) return "array_sort_int";
  if (item->kind() == ReprKind::Float) return "array_sort_float";
  if (item->kind() == ReprKind::Str) return "array_sort_str";
  if (item->kind() == ReprKind::Char) return "array_sort_char";
  if (item->kind() == ReprKind::Bool) return "array_sort_bool";
  return "";
}

// `reverse` as a Bool value, or nullptr when it is the constant False (or absent).
Value* reverse_flag(Hop& hop, const size_t* reverse) {
  if (!reverse) return nullptr;
  if (const flow::ConstValue* c = hop.constant_arg(*reverse)) {
    if (auto* b = std::get_if<bool>(c)) return *b ? hop.llops.constant(true, &Bool) : nullptr;
    if (auto* i = std::get_if<int64_t>(c)) return *i ? hop.llops.constant(true, &Bool) : nullptr;
  }
  return hop.arg(*reverse, hop.rtyper.getrepr(annotator::s_bool()));
}

// Sorts list `l` of repr `r` in place.
void sort_in_place(Hop& hop, ListRepr* r, Value* l, Value* reverse) {
  LowLevelOps& ops = hop.llops;
  std::string helper = sort_helper(r);
  Value* items = r->items(ops, l);
  Value* n = r->length(ops, l);
  if (!reverse) {
    ops.call_helper(helper, {items, ops.signed_constant(0), n});
    return;
  }
  // Reversed around the sort (no branch: a variable flag reverses n * flag items).
  Value* count = n;
  if (!dynamic_cast<flow::Constant*>(reverse))
    count = ops.genop("int_mul", {n, ops.genop("cast_bool_to_int", {reverse}, &Signed)}, &Signed);
  ops.call_helper("array_reverse", {items, ops.signed_constant(0), count});
  ops.call_helper(helper, {items, ops.signed_constant(0), n});
  ops.call_helper("array_reverse", {items, ops.signed_constant(0), count});
}

void require_sortable(Hop& hop, ListRepr* r, const std::string& what) {
  if (sort_helper(r).empty())
    hop.fail(what + " of a list of " + r->item_repr()->name() +
             " is not supported (ints, floats and strs; use rpython.rlib.listsort.TimSort with lt())");
}

bool orderable(Repr* r) {
  switch (r->kind()) {
    case ReprKind::Integer:
    case ReprKind::Float:
    case ReprKind::Char:
    case ReprKind::Bool:
    case ReprKind::Str: return true;
    default: return false;
  }
}

// Python's a < b on items of repr `r` (orderable) (for min/max).
Value* item_less(LowLevelOps& ops, Repr* r, Value* a, Value* b) {
  switch (r->kind()) {
    case ReprKind::Integer: return ops.genop(std::string(static_cast<IntegerRepr*>(r)->prefix()) + "lt", {a, b}, &Bool);
    case ReprKind::Float: return ops.genop("float_lt", {a, b}, &Bool);
    case ReprKind::Char: return ops.genop("unichar_lt", {a, b}, &Bool);
    case ReprKind::Bool:
      return ops.genop("int_lt", {ops.genop("cast_bool_to_int", {a}, &Signed), ops.genop("cast_bool_to_int", {b}, &Signed)},
                       &Bool);
    case ReprKind::Str: return ops.genop("int_lt", {ops.call_helper("str_cmp", {a, b}), ops.signed_constant(0)}, &Bool);
    default: return nullptr;
  }
}

// ll_list_min_T(l) / ll_list_max_T(l): the first smallest (largest) item.
flow::FunctionGraph* min_max_graph(Hop& hop, ListRepr* r, bool is_min) {
  RTyper& rtyper = hop.rtyper;
  std::string fn = is_min ? "min" : "max";
  std::string name = "ll_list_" + fn + "_" + ll_name(r->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt}, it, hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* n = r->length(o, s->inputargs[0]);
    Value* empty = o.genop("int_eq", {n, o.signed_constant(0)}, &Bool);
    b.append(s, o);
    Block* fail = b.block({});
    Block* first = b.block({lt, &Signed});
    b.branch(s, empty, fail, {}, first, {s->inputargs[0], n});
    raise_prebuilt(rtyper, b, fail, "ValueError", fn + "() arg is an empty sequence");
    std::vector<const LowLevelType*> state{lt, &Signed, it, &Signed};  // list, n, best, index
    Block* head = b.block(state);
    LowLevelOps f = b.ops();
    Value* x0 = f.genop("getarrayitem", {r->items(f, first->inputargs[0]), f.signed_constant(0)}, it);
    b.append(first, f);
    b.goto_(first, head, {first->inputargs[0], first->inputargs[1], x0, f.signed_constant(1)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[3], head->inputargs[1]}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({it});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], head->inputargs[2], head->inputargs[3]}, done,
             {head->inputargs[2]});
    b.return_(done, done->inputargs[0]);
    LowLevelOps w = b.ops();
    Value* l = body->inputargs[0];
    Value* x = w.genop("getarrayitem", {r->items(w, l), body->inputargs[3]}, it);
    Value* better = is_min ? item_less(w, r->item_repr(), x, body->inputargs[2])
                           : item_less(w, r->item_repr(), body->inputargs[2], x);
    Value* next = w.genop("int_add", {body->inputargs[3], w.signed_constant(1)}, &Signed);
    b.append(body, w);
    b.branch(body, better, head, {l, body->inputargs[1], x, next}, head,
             {l, body->inputargs[1], body->inputargs[2], next});
    return b.take();
  });
}

// ll_list_sum_T(l, start) -> the result's type: start + l[0] + l[1] + ...
flow::FunctionGraph* sum_graph(Hop& hop, ListRepr* r, Repr* result) {
  RTyper& rtyper = hop.rtyper;
  const LowLevelType* rt = result->lowleveltype();
  std::string name = "ll_list_sum_" + ll_name(r->lowleveltype()->to_string()) + "_" + ll_name(rt->to_string());
  std::string add = result->kind() == ReprKind::Float ? "float_add"
                                                      : std::string(static_cast<IntegerRepr*>(result)->prefix()) + "add";
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, rt}, rt, hop.op.location);
    Block* s = b.start();
    std::vector<const LowLevelType*> state{lt, rt, &Signed};  // list, total, index
    Block* head = b.block(state);
    LowLevelOps z = b.ops();
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], z.signed_constant(0)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[2], r->length(h, head->inputargs[0])}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({rt});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], head->inputargs[2]}, done, {head->inputargs[1]});
    b.return_(done, done->inputargs[0]);
    LowLevelOps w = b.ops();
    Value* x = w.genop("getarrayitem", {r->items(w, body->inputargs[0]), body->inputargs[2]}, it);
    Value* total = w.genop(add, {body->inputargs[1], w.convert(x, r->item_repr(), result)}, rt);
    Value* next = w.genop("int_add", {body->inputargs[2], w.signed_constant(1)}, &Signed);
    b.append(body, w);
    b.goto_(body, head, {body->inputargs[0], total, next});
    return b.take();
  });
}

// The truth of an item (numbers, strs that are never None, instances), or nullptr.
Value* item_truth(LowLevelOps& ops, Repr* r, Value* x) {
  switch (r->kind()) {
    case ReprKind::Bool: return x;
    case ReprKind::Integer: return ops.genop(std::string(static_cast<IntegerRepr*>(r)->prefix()) + "is_true", {x}, &Bool);
    case ReprKind::Float: return ops.genop("float_is_true", {x}, &Bool);
    case ReprKind::Char: return ops.constant(true, &Bool);
    case ReprKind::Str: return ops.genop("int_is_true", {ops.genop("str_len", {x}, &Signed)}, &Bool);
    case ReprKind::Instance: return ops.genop("ptr_nonzero", {x}, &Bool);
    default: return nullptr;
  }
}

// ll_list_any_T(l) / ll_list_all_T(l): stops at the first true (false) item.
flow::FunctionGraph* any_all_graph(Hop& hop, ListRepr* r, bool is_any) {
  RTyper& rtyper = hop.rtyper;
  std::string name = std::string(is_any ? "ll_list_any_" : "ll_list_all_") + ll_name(r->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt}, &Bool, hop.op.location);
    Block* s = b.start();
    std::vector<const LowLevelType*> state{lt, &Signed};
    Block* head = b.block(state);
    LowLevelOps z = b.ops();
    b.goto_(s, head, {s->inputargs[0], z.signed_constant(0)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[1], r->length(h, head->inputargs[0])}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1]}, done, {});
    LowLevelOps d = b.ops();
    b.return_(done, d.constant(!is_any, &Bool));
    LowLevelOps w = b.ops();
    Value* x = w.genop("getarrayitem", {r->items(w, body->inputargs[0]), body->inputargs[1]}, it);
    Value* truth = item_truth(w, r->item_repr(), x);
    Value* next = w.genop("int_add", {body->inputargs[1], w.signed_constant(1)}, &Signed);
    b.append(body, w);
    Block* decided = b.block({});
    if (is_any) b.branch(body, truth, decided, {}, head, {body->inputargs[0], next});
    else b.branch(body, truth, head, {body->inputargs[0], next}, decided, {});
    LowLevelOps e = b.ops();
    b.return_(decided, e.constant(is_any, &Bool));
    return b.take();
  });
}

}  // namespace

Value* rtype_list_any_all(Hop& hop, size_t list_arg, bool is_any) {
  auto* r = dynamic_cast<ListRepr*>(hop.args_r[list_arg]);
  if (!r) hop.fail(std::string(is_any ? "any" : "all") + "() of " + hop.args_r[list_arg]->name() + " is not supported (only of lists)");
  static const std::set<ReprKind> known = {ReprKind::Bool, ReprKind::Integer, ReprKind::Float,
                                           ReprKind::Char, ReprKind::Str,     ReprKind::Instance};
  if (!known.count(r->item_repr()->kind()))
    hop.fail(std::string(is_any ? "any" : "all") + "() of a list of " + r->item_repr()->name() + " is not supported");
  Value* l = hop.arg(list_arg);
  hop.exception_cannot_occur();
  return hop.llops.call_graph(any_all_graph(hop, r, is_any), {l});
}

Value* rtype_list_sort(Hop& hop, Value* l, ListRepr* r, const size_t* reverse) {
  require_sortable(hop, r, "list.sort()");
  Value* flag = reverse_flag(hop, reverse);
  hop.exception_cannot_occur();
  sort_in_place(hop, r, l, flag);
  return nullptr;
}

Value* rtype_sorted(Hop& hop, size_t list_arg, const size_t* reverse) {
  auto* r = dynamic_cast<ListRepr*>(hop.args_r[list_arg]);
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  // sorted(d), sorted(d.keys() / values() / items()): the dict's list, sorted.
  Repr* source = hop.args_r[list_arg];
  DictRepr* dr = dynamic_cast<DictRepr*>(source);
  annotator::IterVariant what = annotator::IterVariant::Keys;
  if (auto* ir = dynamic_cast<IteratorRepr*>(source)) {
    dr = dynamic_cast<DictRepr*>(ir->container());
    what = ir->variant();
  }
  if (dr && rr && what != annotator::IterVariant::Items) {
    require_sortable(hop, rr, "sorted()");
    Value* d = source == dr ? hop.arg(list_arg)
                            : hop.llops.genop("getfield", {hop.arg(list_arg), hop.llops.void_string("container")},
                                              dr->lowleveltype());
    Value* flag = reverse_flag(hop, reverse);
    hop.exception_cannot_occur();
    Value* out = dict_to_list(hop.llops, dr, d, what, rr);
    sort_in_place(hop, rr, out, flag);
    return out;
  }
  if (!r || !rr) hop.fail("sorted() of " + hop.args_r[list_arg]->name() + " is not supported (only of lists and dicts)");
  if (r->items_array() != rr->items_array()) hop.fail("sorted() into a list of another item type");
  require_sortable(hop, rr, "sorted()");
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(list_arg);
  Value* flag = reverse_flag(hop, reverse);
  hop.exception_cannot_occur();
  Value* n = r->length(ops, l);
  Value* out = rr->new_empty(ops, n);
  ops.call_helper("array_copy", {r->items(ops, l), rr->items(ops, out), ops.signed_constant(0), ops.signed_constant(0), n});
  sort_in_place(hop, rr, out, flag);
  return out;
}

// list(): an empty list; list(l): a copy in the result's repr (fixed or resizable);
// list(d), list(d.keys() / values() / items()): the dict's list (in insertion order), as sorted()
// takes it (from the dict, whatever the iterator already consumed).
Value* rtype_list_call(Hop& hop, const std::vector<size_t>& args) {
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  if (!rr) hop.unsupported();
  LowLevelOps& ops = hop.llops;
  if (args.empty()) {
    hop.exception_cannot_occur();
    return rr->new_empty(ops, ops.signed_constant(0));
  }
  Repr* source = hop.args_r[args[0]];
  DictRepr* dr = dynamic_cast<DictRepr*>(source);
  annotator::IterVariant what = annotator::IterVariant::Keys;
  if (auto* ir = dynamic_cast<IteratorRepr*>(source)) {
    dr = dynamic_cast<DictRepr*>(ir->container());
    what = ir->variant();
  }
  if (dr) {
    Value* d = source == dr ? hop.arg(args[0])
                            : ops.genop("getfield", {hop.arg(args[0]), ops.void_string("container")}, dr->lowleveltype());
    hop.exception_cannot_occur();
    return dict_to_list(ops, dr, d, what, rr);
  }
  auto* r = dynamic_cast<ListRepr*>(source);
  if (!r) hop.fail("list() of " + source->name() + " is not supported (only of lists and dicts)");
  if (r->items_array() != rr->items_array()) hop.fail("list() into a list of another item type");
  Value* l = hop.arg(args[0]);
  hop.exception_cannot_occur();
  Value* n = r->length(ops, l);
  Value* out = rr->new_empty(ops, n);
  ops.call_helper("array_copy", {r->items(ops, l), rr->items(ops, out), ops.signed_constant(0), ops.signed_constant(0), n});
  return out;
}

Value* rtype_list_min_max(Hop& hop, size_t list_arg, bool is_min) {
  auto* r = static_cast<ListRepr*>(hop.args_r[list_arg]);
  if (!orderable(r->item_repr()))
    hop.fail(std::string(is_min ? "min" : "max") + "() of a list of " + r->item_repr()->name() + " is not supported");
  Value* l = hop.arg(list_arg);
  flow::FunctionGraph* g = min_max_graph(hop, r, is_min);
  hop.exception_is_here();
  Value* x = hop.llops.call_graph(g, {l});
  return hop.llops.convert(x, r->item_repr(), hop.r_result);
}

Value* rtype_list_sum(Hop& hop, size_t list_arg, const size_t* start) {
  auto* r = dynamic_cast<ListRepr*>(hop.args_r[list_arg]);
  Repr* result = hop.r_result;
  if (!r) hop.fail("sum() of " + hop.args_r[list_arg]->name() + " is not supported (only of lists)");
  if (result->kind() != ReprKind::Integer && result->kind() != ReprKind::Float)
    hop.fail("sum() giving " + result->name() + " is not supported (only numbers)");
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(list_arg);
  Value* first = start ? hop.arg(*start, result)
                        : result->kind() == ReprKind::Float ? ops.constant(0.0, &Float)
                                                            : ops.convert(ops.signed_constant(0), hop.rtyper.getrepr(annotator::s_int()), result);
  hop.exception_cannot_occur();
  return ops.call_graph(sum_graph(hop, r, result), {l, first});
}

}  // namespace rpp::rtyper
