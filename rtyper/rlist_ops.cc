// List operations beyond indexing (rlist.h): methods, setitem/delitem, `in`, `+`, slices. Fast
// paths are inline operations (append: `list_resize_ge` then `setarrayitem`); anything with a
// bounds check or a loop is a helper graph per list type (`ll_list_setitem_...`), raising
// IndexError / ValueError with CPython's messages.
#include <optional>

#include "annotator/listdef.h"
#include "rtyper/checked_index.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rcompare.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

namespace {

using Types = std::vector<const LowLevelType*>;

Types types_of(const std::vector<Value*>& values) {
  Types t;
  for (Value* v : values) t.push_back(v->concretetype);
  return t;
}

std::vector<Value*> plus(std::vector<Value*> a, const std::vector<Value*>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::vector<Value*> inputs(Block* b, size_t from, size_t count) {
  return std::vector<Value*>(b->inputargs.begin() + long(from), b->inputargs.begin() + long(from + count));
}

Value* c_void(LowLevelOps& ops) { return ops.constant(flow::NoneValue{}, &Void); }

std::string type_suffix(ListRepr* r) { return ll_name(r->lowleveltype()->to_string()); }

// ll_list_setitem(l, i, x); ll_list_setitem_..._nonneg for an index proved >= 0.
flow::FunctionGraph* setitem_graph(RTyper& rtyper, ListRepr* r, const flow::SourceLocation& loc, bool nonneg) {
  std::string name = "ll_list_setitem_" + type_suffix(r) + (nonneg ? "_nonneg" : "");
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, &Signed, it}, &Void, loc);
    Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* n = r->length(ops, s->inputargs[0]);
    Block* good = checked_index(rtyper, b, s, ops, {s->inputargs[0], s->inputargs[2]}, s->inputargs[1], n,
                                "list assignment index out of range", nonneg);
    LowLevelOps w = b.ops();
    Value* items = r->items(w, good->inputargs[0]);
    w.genop("setarrayitem", {items, good->inputargs[2], good->inputargs[1]});
    b.append(good, w);
    b.return_(good, c_void(w));
    return b.take();
  });
}

// ll_list_pop(l, i) -> item, and ll_list_delitem(l, i): remove the item at i (Python's index).
flow::FunctionGraph* pop_graph(RTyper& rtyper, ListRepr* r, bool is_del, const flow::SourceLocation& loc) {
  std::string name = std::string(is_del ? "ll_list_delitem_" : "ll_list_pop_") + type_suffix(r);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, &Signed}, is_del ? &Void : it, loc);
    Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* n = r->length(ops, s->inputargs[0]);
    Block* body = s;
    std::optional<LowLevelOps> more;
    if (!is_del) {
      // pop from an empty list has its own message.
      Value* empty = ops.genop("int_eq", {n, ops.signed_constant(0)}, &Bool);
      b.append(s, ops);
      Block* fail = b.block({});
      body = b.block({lt, &Signed, &Signed});
      b.branch(s, empty, fail, {}, body, {s->inputargs[0], s->inputargs[1], n});
      raise_prebuilt(rtyper, b, fail, "IndexError", "pop from empty list");
      more.emplace(b.ops());
      n = body->inputargs[2];
    }
    Block* good = checked_index(rtyper, b, body, more ? *more : ops, {body->inputargs[0], n}, body->inputargs[1], n,
                                is_del ? "list assignment index out of range" : "pop index out of range");
    LowLevelOps w = b.ops();
    Value* l = good->inputargs[0];
    Value* len = good->inputargs[1];
    Value* i = good->inputargs[2];
    Value* items = r->items(w, l);
    Value* x = w.genop("getarrayitem", {items, i}, it);
    Value* next = w.genop("int_add", {i, w.signed_constant(1)}, &Signed);
    Value* last = w.genop("int_sub", {len, w.signed_constant(1)}, &Signed);
    Value* count = w.genop("int_sub", {last, i}, &Signed);
    w.call_helper("array_copy", {items, items, next, i, count});
    w.call_helper("list_resize_le", {l, last});
    b.append(good, w);
    b.return_(good, is_del ? c_void(w) : x);
    return b.take();
  });
}

// ll_list_insert(l, i, x): i clamped as CPython's list.insert.
flow::FunctionGraph* insert_graph(RTyper& rtyper, ListRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_list_insert_" + type_suffix(r);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, &Signed, it}, &Void, loc);
    Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* n = r->length(ops, s->inputargs[0]);
    Value* neg = ops.genop("int_lt", {s->inputargs[1], ops.signed_constant(0)}, &Bool);
    b.append(s, ops);
    Types state{lt, &Signed, it, &Signed};
    Block* negative = b.block(state);
    Block* positive = b.block(state);
    Block* insert = b.block(state);
    std::vector<Value*> args{s->inputargs[0], s->inputargs[1], s->inputargs[2], n};
    b.branch(s, neg, negative, args, positive, args);
    {  // i += n; max(i, 0)
      LowLevelOps o = b.ops();
      Value* j = o.genop("int_add", {negative->inputargs[1], negative->inputargs[3]}, &Signed);
      Value* below = o.genop("int_lt", {j, o.signed_constant(0)}, &Bool);
      b.append(negative, o);
      Block* zero = b.block({lt, it, &Signed});
      b.branch(negative, below, zero, {negative->inputargs[0], negative->inputargs[2], negative->inputargs[3]}, insert,
               {negative->inputargs[0], j, negative->inputargs[2], negative->inputargs[3]});
      LowLevelOps z = b.ops();
      b.goto_(zero, insert, {zero->inputargs[0], z.signed_constant(0), zero->inputargs[1], zero->inputargs[2]});
    }
    {  // min(i, n)
      LowLevelOps o = b.ops();
      Value* above = o.genop("int_gt", {positive->inputargs[1], positive->inputargs[3]}, &Bool);
      b.append(positive, o);
      Block* end = b.block({lt, it, &Signed});
      b.branch(positive, above, end, {positive->inputargs[0], positive->inputargs[2], positive->inputargs[3]}, insert,
               inputs(positive, 0, 4));
      b.goto_(end, insert, {end->inputargs[0], end->inputargs[2], end->inputargs[1], end->inputargs[2]});
    }
    LowLevelOps w = b.ops();
    Value* l = insert->inputargs[0];
    Value* i = insert->inputargs[1];
    Value* len = insert->inputargs[3];
    Value* len1 = w.genop("int_add", {len, w.signed_constant(1)}, &Signed);
    w.call_helper("list_resize_ge", {l, len1});
    Value* items = r->items(w, l);
    Value* next = w.genop("int_add", {i, w.signed_constant(1)}, &Signed);
    Value* count = w.genop("int_sub", {len, i}, &Signed);
    w.call_helper("array_copy", {items, items, i, next, count});
    w.genop("setarrayitem", {items, i, insert->inputargs[2]});
    b.append(insert, w);
    b.return_(insert, c_void(w));
    return b.take();
  });
}

}  // namespace

namespace {

enum class SearchKind { Contains, Index, Count, Remove };

// One loop over the items comparing with x: `in` (Bool), index (Signed, ValueError), count,
// remove (ValueError).
flow::FunctionGraph* search_graph(RTyper& rtyper, ListRepr* r, SearchKind kind, const flow::SourceLocation& loc) {
  static const char* const names[] = {"ll_list_contains_", "ll_list_index_", "ll_list_count_", "ll_list_remove_"};
  std::string name = names[int(kind)] + type_suffix(r);
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = r->lowleveltype();
    const LowLevelType* it = r->item_repr()->lowleveltype();
    const LowLevelType* result = kind == SearchKind::Contains ? static_cast<const LowLevelType*>(&Bool)
                                 : kind == SearchKind::Remove ? static_cast<const LowLevelType*>(&Void)
                                                              : &Signed;
    LowLevelGraphBuilder b(rtyper, name, {lt, it}, result, loc);
    Block* s = b.start();
    Types state{lt, it, &Signed, &Signed};  // list, x, index, count found
    Block* head = b.block(state);
    LowLevelOps z = b.ops();
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], z.signed_constant(0), z.signed_constant(0)});
    LowLevelOps h = b.ops();
    Value* n = r->length(h, head->inputargs[0]);
    Value* more = h.genop("int_lt", {head->inputargs[2], n}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({lt, &Signed, it});
    b.branch(head, more, body, inputs(head, 0, 4), done, {head->inputargs[0], head->inputargs[3], head->inputargs[1]});
    LowLevelOps o = b.ops();
    Value* items = r->items(o, body->inputargs[0]);
    Value* x = o.genop("getarrayitem", {items, body->inputargs[2]}, it);
    Value* eq = item_equal(o, r->item_repr(), x, body->inputargs[1]);
    Value* next = o.genop("int_add", {body->inputargs[2], o.signed_constant(1)}, &Signed);
    b.append(body, o);
    Block* found = b.block(state);
    b.branch(body, eq, found, inputs(body, 0, 4), head,
             {body->inputargs[0], body->inputargs[1], next, body->inputargs[3]});
    LowLevelOps f = b.ops();
    switch (kind) {
      case SearchKind::Contains: b.return_(found, f.constant(true, &Bool)); break;
      case SearchKind::Index: b.return_(found, found->inputargs[2]); break;
      case SearchKind::Count: {
        Value* c = f.genop("int_add", {found->inputargs[3], f.signed_constant(1)}, &Signed);
        Value* nx = f.genop("int_add", {found->inputargs[2], f.signed_constant(1)}, &Signed);
        b.append(found, f);
        b.goto_(found, head, {found->inputargs[0], found->inputargs[1], nx, c});
        break;
      }
      case SearchKind::Remove: {
        f.call_graph(pop_graph(rtyper, r, true, loc), {found->inputargs[0], found->inputargs[2]});
        b.append(found, f);
        b.return_(found, c_void(f));
        break;
      }
    }
    LowLevelOps d = b.ops();
    switch (kind) {
      case SearchKind::Contains: b.return_(done, d.constant(false, &Bool)); break;
      case SearchKind::Count: b.return_(done, done->inputargs[1]); break;
      case SearchKind::Index: {
        // CPython's "X is not in list", X the repr of numbers and strs.
        Repr* ir = r->item_repr();
        Value* text = nullptr;
        if (ir->kind() == ReprKind::Integer)
          text = d.call_helper("int_to_str", {d.convert(done->inputargs[2], ir, rtyper.getrepr(annotator::s_int()))});
        else if (ir->kind() == ReprKind::Str)
          text = d.call_helper("str_repr", {done->inputargs[2]});
        if (!text) {
          raise_prebuilt(rtyper, b, done, "ValueError", "list.index(x): x not in list");
          break;
        }
        text = d.call_helper("str_concat", {text, str_constant(d, " is not in list")});
        const annotator::ClassDef* def = rtyper.exceptions().classdef("ValueError");
        ClassInfo* root = &rtyper.classes().info(def);
        while (root->parent) root = root->parent;
        Value* e = rtyper.classes().new_instance(d, def);
        d.genop("setfield", {d.cast_pointer(e, rtyper.types().ptr(root->instance_struct)), d.void_string("rpy_message"), text});
        const RuntimeTypes& rt = rtyper.runtime_types();
        Value* vt = d.static_constant(rtyper.exceptions().vtable("ValueError"), rtyper.types().ptr(rt.object_vtable));
        Value* ev = d.cast_pointer(e, rtyper.types().ptr(rt.object));
        b.append(done, d);
        b.raise_(done, vt, ev);
        break;
      }
      case SearchKind::Remove: raise_prebuilt(rtyper, b, done, "ValueError", "list.remove(x): x not in list"); break;
    }
    return b.take();
  });
}

// A new list of `r`'s type with `n` zeroed items.
Value* new_empty(LowLevelOps& ops, ListRepr* r, Value* n) { return r->new_empty(ops, n); }

void require_same_items(Hop& hop, ListRepr* a, ListRepr* b) {
  if (a->items_array() != b->items_array())
    hop.fail("lists of different item types (" + a->name() + ", " + b->name() + ") in one operation");
}

// Python's slice bounds of [start:stop] (step 1) on a list of length n, clamped.
std::pair<Value*, Value*> slice_bounds(Hop& hop, size_t start_arg, size_t stop_arg, Value* n);

}  // namespace

Value* rtype_list_setitem(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  Value* l = hop.arg(0);
  Value* i = hop.arg(1, hop.rtyper.getrepr(annotator::s_int()));
  Value* x = hop.arg(2, r->item_repr());
  flow::FunctionGraph* g = setitem_graph(hop.rtyper, r, hop.op.location, index_proven_nonneg(hop.args_s[1]));
  hop.exception_is_here();
  hop.llops.call_graph(g, {l, i, x});
  return nullptr;
}

Value* rtype_list_delitem(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  Value* l = hop.arg(0);
  Value* i = hop.arg(1, hop.rtyper.getrepr(annotator::s_int()));
  flow::FunctionGraph* g = pop_graph(hop.rtyper, r, true, hop.op.location);
  hop.exception_is_here();
  hop.llops.call_graph(g, {l, i});
  return nullptr;
}

Value* rtype_list_contains(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  Value* l = hop.arg(0);
  Value* x = hop.arg(1, r->item_repr());
  hop.exception_cannot_occur();
  return hop.llops.call_graph(search_graph(hop.rtyper, r, SearchKind::Contains, hop.op.location), {l, x});
}

// a + b: a new list (of the result's repr) holding both.
Value* rtype_list_add(Hop& hop) {
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  auto* ra = dynamic_cast<ListRepr*>(hop.args_r[0]);
  auto* rb = dynamic_cast<ListRepr*>(hop.args_r[1]);
  if (!rr || !ra || !rb) hop.unsupported();
  require_same_items(hop, ra, rr);
  require_same_items(hop, rb, rr);
  LowLevelOps& ops = hop.llops;
  Value* a = hop.arg(0);
  Value* b = hop.arg(1);
  hop.exception_cannot_occur();
  Value* na = ra->length(ops, a);
  Value* nb = rb->length(ops, b);
  Value* n = ops.genop("int_add", {na, nb}, &Signed);
  Value* out = new_empty(ops, rr, n);
  Value* items = rr->items(ops, out);
  ops.call_helper("array_copy", {ra->items(ops, a), items, ops.signed_constant(0), ops.signed_constant(0), na});
  ops.call_helper("array_copy", {rb->items(ops, b), items, ops.signed_constant(0), na, nb});
  return out;
}

// l += other (in place when l is resizable), l.extend(other).
Value* list_extend(Hop& hop, Value* l, ListRepr* rl, Value* other, ListRepr* ro) {
  require_same_items(hop, rl, ro);
  if (!rl->resizable()) hop.fail("extend() of a list that is never resized");
  LowLevelOps& ops = hop.llops;
  Value* n = rl->length(ops, l);
  Value* m = ro->length(ops, other);
  // Read the other's items first: other may be l itself.
  Value* src = ro->items(ops, other);
  ops.call_helper("list_resize_ge", {l, ops.genop("int_add", {n, m}, &Signed)});
  Value* src2 = ro->resizable() ? ro->items(ops, other) : src;
  ops.call_helper("array_copy", {src2, rl->items(ops, l), ops.signed_constant(0), n, m});
  return l;
}

Value* rtype_list_inplace_add(Hop& hop) {
  auto* ra = dynamic_cast<ListRepr*>(hop.args_r[0]);
  auto* rb = dynamic_cast<ListRepr*>(hop.args_r[1]);
  if (!ra || !rb || !ra->resizable()) return rtype_list_add(hop);
  Value* a = hop.arg(0);
  Value* b = hop.arg(1);
  hop.exception_cannot_occur();
  return hop.llops.convert(list_extend(hop, a, ra, b, rb), ra, hop.r_result);
}

// l * n and n * l.
Value* rtype_list_mul(Hop& hop) {
  size_t li = dynamic_cast<ListRepr*>(hop.args_r[0]) ? 0 : 1;
  auto* rl = static_cast<ListRepr*>(hop.args_r[li]);
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  if (!rr) hop.unsupported();
  RTyper& rtyper = hop.rtyper;
  if (rl->item_repr()->is_void() && rl->items_array() != rr->items_array() &&
      rr->item_repr()->lowleveltype()->kind() == TypeKind::Ptr) {
    // [None] * n into a list of nullable pointers (the annotator generalizes the result's items
    // only): n * len(l) null items.
    Value* l = hop.arg(li);
    Value* times = hop.arg(1 - li, rtyper.getrepr(annotator::s_int()));
    hop.exception_cannot_occur();
    LowLevelOps& ops = hop.llops;
    Value* neg = ops.genop("cast_bool_to_int", {ops.genop("int_lt", {times, ops.signed_constant(0)}, &Bool)}, &Signed);
    Value* kept = ops.genop("int_mul", {times, ops.genop("int_sub", {ops.signed_constant(1), neg}, &Signed)}, &Signed);
    return new_empty(ops, rr, ops.genop("int_mul", {rl->length(ops, l), kept}, &Signed));
  }
  require_same_items(hop, rl, rr);
  Value* l = hop.arg(li);
  Value* times = hop.arg(1 - li, rtyper.getrepr(annotator::s_int()));
  hop.exception_cannot_occur();
  std::string name = "ll_list_mul_" + type_suffix(rl) + "_" + type_suffix(rr);
  flow::FunctionGraph* g = rtyper.helpers().get(name, [&] {
    const LowLevelType* lt = rl->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {lt, &Signed}, rr->lowleveltype(), hop.op.location);
    Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* t = s->inputargs[1];
    Value* neg = ops.genop("int_lt", {t, ops.signed_constant(0)}, &Bool);
    b.append(s, ops);
    Block* go = b.block({lt, &Signed});
    Block* zero = b.block({lt});
    b.branch(s, neg, zero, {s->inputargs[0]}, go, {s->inputargs[0], t});
    LowLevelOps zo = b.ops();
    b.goto_(zero, go, {zero->inputargs[0], zo.signed_constant(0)});
    LowLevelOps o = b.ops();
    Value* n = rl->length(o, go->inputargs[0]);
    Value* total = o.genop("int_mul", {n, go->inputargs[1]}, &Signed);
    Value* out = new_empty(o, rr, total);
    b.append(go, o);
    Types state{lt, rr->lowleveltype(), &Signed, &Signed, &Signed};  // src, out, n, copies left, at
    Block* head = b.block(state);
    b.goto_(go, head, {go->inputargs[0], out, n, go->inputargs[1], o.signed_constant(0)});
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_gt", {head->inputargs[3], h.signed_constant(0)}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* done = b.block({rr->lowleveltype()});
    b.branch(head, more, body, inputs(head, 0, 5), done, {head->inputargs[1]});
    LowLevelOps w = b.ops();
    w.call_helper("array_copy", {rl->items(w, body->inputargs[0]), rr->items(w, body->inputargs[1]), w.signed_constant(0),
                                 body->inputargs[4], body->inputargs[2]});
    Value* left = w.genop("int_sub", {body->inputargs[3], w.signed_constant(1)}, &Signed);
    Value* at = w.genop("int_add", {body->inputargs[4], body->inputargs[2]}, &Signed);
    b.append(body, w);
    b.goto_(body, head, {body->inputargs[0], body->inputargs[1], body->inputargs[2], left, at});
    b.return_(done, done->inputargs[0]);
    return b.take();
  });
  return hop.llops.call_graph(g, {l, times});
}

// l[a:b] (step 1): a new list of the result's repr.
Value* rtype_list_getslice(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
  if (!rr) hop.unsupported();
  require_same_items(hop, r, rr);
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(0);
  Value* n = r->length(ops, l);
  auto [start, stop] = slice_bounds(hop, 1, 2, n);
  hop.exception_cannot_occur();
  Value* count = ops.genop("int_sub", {stop, start}, &Signed);
  Value* out = new_empty(ops, rr, count);
  ops.call_helper("array_copy", {r->items(ops, l), rr->items(ops, out), start, ops.signed_constant(0), count});
  return out;
}

namespace {

// Clamps a Python slice index: None -> default, negative += n, into [0, n]; then stop >= start.
std::pair<Value*, Value*> slice_bounds(Hop& hop, size_t start_arg, size_t stop_arg, Value* n) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  flow::FunctionGraph* clamp = rtyper.helpers().get("ll_slice_clamp", [&] {
    LowLevelGraphBuilder b(rtyper, "ll_slice_clamp", {&Signed, &Signed}, &Signed, hop.op.location);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* neg = o.genop("int_lt", {s->inputargs[0], o.signed_constant(0)}, &Bool);
    b.append(s, o);
    Block* negative = b.block({&Signed, &Signed});
    Block* upper = b.block({&Signed, &Signed});
    b.branch(s, neg, negative, {s->inputargs[0], s->inputargs[1]}, upper, {s->inputargs[0], s->inputargs[1]});
    LowLevelOps a = b.ops();
    Value* j = a.genop("int_add", {negative->inputargs[0], negative->inputargs[1]}, &Signed);
    Value* below = a.genop("int_lt", {j, a.signed_constant(0)}, &Bool);
    b.append(negative, a);
    Block* zero = b.block({});
    Block* ok = b.block({&Signed});
    b.branch(negative, below, zero, {}, ok, {j});
    LowLevelOps zo = b.ops();
    b.return_(zero, zo.signed_constant(0));
    b.return_(ok, ok->inputargs[0]);
    LowLevelOps u = b.ops();
    Value* above = u.genop("int_gt", {upper->inputargs[0], upper->inputargs[1]}, &Bool);
    b.append(upper, u);
    Block* end = b.block({&Signed});
    Block* same = b.block({&Signed});
    b.branch(upper, above, end, {upper->inputargs[1]}, same, {upper->inputargs[0]});
    b.return_(end, end->inputargs[0]);
    b.return_(same, same->inputargs[0]);
    return b.take();
  });
  Repr* ri = rtyper.getrepr(annotator::s_int());
  auto bound = [&](size_t i, Value* otherwise) -> Value* {
    if (i >= hop.nargs() || hop.args_r[i]->is_void()) return otherwise;
    return ops.call_graph(clamp, {hop.arg(i, ri), n});
  };
  Value* start = bound(start_arg, ops.signed_constant(0));
  Value* stop = bound(stop_arg, n);
  Value* later = ops.genop("int_lt", {stop, start}, &Bool);
  // stop = max(stop, start), without a branch: stop + later * (start - stop)
  Value* diff = ops.genop("int_sub", {start, stop}, &Signed);
  Value* fix = ops.genop("int_mul", {ops.genop("cast_bool_to_int", {later}, &Signed), diff}, &Signed);
  stop = ops.genop("int_add", {stop, fix}, &Signed);
  return {start, stop};
}

}  // namespace

// l[a:b] = other (step 1): grow to max(n, new length), move the tail, copy other in, shrink.
Value* rtype_list_setslice(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  auto* ro = dynamic_cast<ListRepr*>(hop.args_r[3]);
  if (!ro) hop.fail("slice assignment of something that is not a list");
  require_same_items(hop, r, ro);
  if (!r->resizable()) hop.fail("slice assignment to a list that is never resized");
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(0);
  Value* other = hop.arg(3);
  Value* n = r->length(ops, l);
  auto [start, stop] = slice_bounds(hop, 1, 2, n);
  hop.exception_cannot_occur();
  Value* m = ro->length(ops, other);
  Value* removed = ops.genop("int_sub", {stop, start}, &Signed);
  Value* newlen = ops.genop("int_add", {ops.genop("int_sub", {n, removed}, &Signed), m}, &Signed);
  Value* shrinks = ops.genop("cast_bool_to_int", {ops.genop("int_gt", {n, newlen}, &Bool)}, &Signed);
  Value* most = ops.genop("int_add", {newlen, ops.genop("int_mul", {shrinks, ops.genop("int_sub", {n, newlen}, &Signed)}, &Signed)},
                          &Signed);
  ops.call_helper("list_resize_ge", {l, most});
  Value* items = r->items(ops, l);
  Value* to = ops.genop("int_add", {start, m}, &Signed);
  ops.call_helper("array_copy", {items, items, stop, to, ops.genop("int_sub", {n, stop}, &Signed)});
  ops.call_helper("array_copy", {ro->items(ops, other), items, ops.signed_constant(0), start, m});
  ops.call_helper("list_resize_le", {l, newlen});
  return nullptr;
}

// del l[a:b]: move the tail down over the removed items, then shrink.
Value* rtype_list_delslice(Hop& hop) {
  auto* r = static_cast<ListRepr*>(hop.args_r[0]);
  if (!r->resizable()) hop.fail("del of a slice of a list that is never resized");
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(0);
  Value* n = r->length(ops, l);
  auto [start, stop] = slice_bounds(hop, 1, 2, n);
  hop.exception_cannot_occur();
  Value* items = r->items(ops, l);
  ops.call_helper("array_copy", {items, items, stop, start, ops.genop("int_sub", {n, stop}, &Signed)});
  Value* removed = ops.genop("int_sub", {stop, start}, &Signed);
  ops.call_helper("list_resize_le", {l, ops.genop("int_sub", {n, removed}, &Signed)});
  return nullptr;
}

Value* rtype_list_method(Hop& hop, const std::string& method, const std::vector<size_t>& args) {
  auto* bm = static_cast<BuiltinMethodRepr*>(hop.args_r[0]);
  auto* r = static_cast<ListRepr*>(bm->receiver());
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  Value* l = hop.arg(0, bm);
  Repr* ri = rtyper.getrepr(annotator::s_int());
  auto need = [&](size_t n) {
    if (args.size() != n) hop.fail("list." + method + "() takes " + std::to_string(n) + " argument(s) here");
  };
  auto resizable = [&] {
    if (!r->resizable()) hop.fail("list." + method + "() on a list that is never resized");
  };
  if (method == "append") {
    need(1);
    resizable();
    Value* x = hop.arg(args[0], r->item_repr());
    hop.exception_cannot_occur();
    Value* n = r->length(ops, l);
    ops.call_helper("list_resize_ge", {l, ops.genop("int_add", {n, ops.signed_constant(1)}, &Signed)});
    ops.genop("setarrayitem", {r->items(ops, l), n, x});
    return nullptr;
  }
  if (method == "pop") {
    resizable();
    Value* i = args.empty() ? ops.signed_constant(-1) : hop.arg(args[0], ri);
    flow::FunctionGraph* g = pop_graph(rtyper, r, false, hop.op.location);
    hop.exception_is_here();
    return ops.convert(ops.call_graph(g, {l, i}), r->item_repr(), hop.r_result);
  }
  if (method == "insert") {
    need(2);
    resizable();
    Value* i = hop.arg(args[0], ri);
    Value* x = hop.arg(args[1], r->item_repr());
    hop.exception_cannot_occur();
    ops.call_graph(insert_graph(rtyper, r, hop.op.location), {l, i, x});
    return nullptr;
  }
  if (method == "extend") {
    need(1);
    auto* ro = dynamic_cast<ListRepr*>(hop.args_r[args[0]]);
    if (!ro) hop.fail("list.extend() of something that is not a list");
    Value* other = hop.arg(args[0]);
    hop.exception_cannot_occur();
    list_extend(hop, l, r, other, ro);
    return nullptr;
  }
  if (method == "index" || method == "count" || method == "remove") {
    need(1);
    if (method == "remove") resizable();
    Value* x = hop.arg(args[0], r->item_repr());
    SearchKind k = method == "index" ? SearchKind::Index : method == "count" ? SearchKind::Count : SearchKind::Remove;
    flow::FunctionGraph* g = search_graph(rtyper, r, k, hop.op.location);
    if (k == SearchKind::Count) hop.exception_cannot_occur();
    else hop.exception_is_here();
    return ops.call_graph(g, {l, x});
  }
  if (method == "reverse") {
    need(0);
    hop.exception_cannot_occur();
    ops.call_helper("array_reverse", {r->items(ops, l), ops.signed_constant(0), r->length(ops, l)});
    return nullptr;
  }
  if (method == "clear") {
    need(0);
    resizable();
    hop.exception_cannot_occur();
    ops.call_helper("list_resize_le", {l, ops.signed_constant(0)});
    return nullptr;
  }
  if (method == "copy") {
    need(0);
    auto* rr = dynamic_cast<ListRepr*>(hop.r_result);
    if (!rr) hop.unsupported();
    require_same_items(hop, r, rr);
    hop.exception_cannot_occur();
    Value* n = r->length(ops, l);
    Value* out = new_empty(ops, rr, n);
    ops.call_helper("array_copy", {r->items(ops, l), rr->items(ops, out), ops.signed_constant(0), ops.signed_constant(0), n});
    return out;
  }
  hop.fail("list." + method + "() has no low-level implementation yet");
}

}  // namespace rpp::rtyper
