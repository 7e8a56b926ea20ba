// Python's == on containers and the hash of tuples (rcompare.h): lists compare length then items
// in one loop per list type (`ll_list_eq_T`), tuples item by item in straight-line code
// (`ll_tuple_eq_T`), both through item_equal, which recurses into nested lists and tuples.
// `x in tuple` compares x with each item (no loop: the tuple's length is known). A tuple's hash
// (dict keys) mixes its items' hashes as CPython's tuplehash does (xxHash's round on unsigned
// words, so the ll interpreter's overflow check is not concerned).
#include "rtyper/rcompare.h"

#include "annotator/union.h"
#include "rtyper/helper_graphs.h"
#include "rtyper/rclass.h"
#include "rtyper/rdict.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using flow::Block;
using flow::Value;

// ll_tuple_eq_T(a, b): every item equal (items without a run-time value are equal).
flow::FunctionGraph* tuple_eq_graph(RTyper& rtyper, TupleRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_tuple_eq_" + r->tuple_struct()->name();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* t = r->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {t, t}, &Bool, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* all = o.constant(true, &Bool);
    for (size_t i = 0; i < r->items().size(); ++i) {
      Repr* ir = r->items()[i];
      if (ir->is_void()) continue;
      Value* eq = item_equal(o, ir, r->item(o, s->inputargs[0], i), r->item(o, s->inputargs[1], i));
      all = dynamic_cast<flow::Constant*>(all) ? eq
                                               : o.genop("int_is_true",
                                                         {o.genop("int_and",
                                                                  {o.genop("cast_bool_to_int", {all}, &Signed),
                                                                   o.genop("cast_bool_to_int", {eq}, &Signed)},
                                                                  &Signed)},
                                                         &Bool);
    }
    b.append(s, o);
    b.return_(s, all);
    return b.take();
  });
}

// ll_list_eq_T_U(a, b): same length and every item equal (lists of one item repr, fixed or not).
flow::FunctionGraph* list_eq_graph(RTyper& rtyper, ListRepr* ra, ListRepr* rb, const flow::SourceLocation& loc) {
  std::string name = "ll_list_eq_" + ll_name(ra->lowleveltype()->to_string());
  if (rb != ra) name += "_" + ll_name(rb->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* at = ra->lowleveltype();
    const LowLevelType* bt = rb->lowleveltype();
    const LowLevelType* it = ra->item_repr()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {at, bt}, &Bool, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* n = ra->length(o, s->inputargs[0]);
    Value* same = o.genop("int_eq", {n, rb->length(o, s->inputargs[1])}, &Bool);
    b.append(s, o);
    std::vector<const LowLevelType*> state{at, bt, &Signed, &Signed};  // a, b, n, index
    Block* head = b.block(state);
    Block* differ = b.block({});
    LowLevelOps z = b.ops();
    b.branch(s, same, head, {s->inputargs[0], s->inputargs[1], n, z.signed_constant(0)}, differ, {});
    b.return_(differ, z.constant(false, &Bool));
    LowLevelOps h = b.ops();
    Value* more = h.genop("int_lt", {head->inputargs[3], head->inputargs[2]}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* equal = b.block({});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], head->inputargs[2], head->inputargs[3]}, equal,
             {});
    LowLevelOps e = b.ops();
    b.return_(equal, e.constant(true, &Bool));
    LowLevelOps w = b.ops();
    Value* i = body->inputargs[3];
    bool void_items = ra->item_repr()->is_void();
    Value* x = void_items ? nullptr : w.genop("getarrayitem", {ra->items(w, body->inputargs[0]), i}, it);
    Value* y = void_items ? nullptr : w.genop("getarrayitem", {rb->items(w, body->inputargs[1]), i}, it);
    Value* eq = x ? item_equal(w, ra->item_repr(), x, y) : w.constant(true, &Bool);
    Value* next = w.genop("int_add", {i, w.signed_constant(1)}, &Signed);
    b.append(body, w);
    Block* no = b.block({});
    b.branch(body, eq, head, {body->inputargs[0], body->inputargs[1], body->inputargs[2], next}, no, {});
    LowLevelOps f = b.ops();
    b.return_(no, f.constant(false, &Bool));
    return b.take();
  });
}

// ll_dict_eq_T(a, b): the same number of items, and every key of a in b with an equal value.
flow::FunctionGraph* dict_eq_graph(RTyper& rtyper, DictRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_dict_eq_" + r->helper_suffix();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* dt = r->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {dt, dt}, &Bool, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    Value* na = o.genop("getfield", {s->inputargs[0], o.void_string("num_items")}, &Signed);
    Value* nb = o.genop("getfield", {s->inputargs[1], o.void_string("num_items")}, &Signed);
    Value* same = o.genop("int_eq", {na, nb}, &Bool);
    b.append(s, o);
    std::vector<const LowLevelType*> state{dt, dt, &Signed};  // a, b, entry index in a
    Block* head = b.block(state);
    Block* differ = b.block({});
    LowLevelOps z = b.ops();
    b.branch(s, same, head, {s->inputargs[0], s->inputargs[1], z.signed_constant(0)}, differ, {});
    LowLevelOps f = b.ops();
    b.return_(differ, f.constant(false, &Bool));
    LowLevelOps h = b.ops();
    Value* e = h.call_helper("dict_next_index", {head->inputargs[0], head->inputargs[2]});
    Value* more = h.genop("int_ge", {e, h.signed_constant(0)}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* equal = b.block({});
    b.branch(head, more, body, {head->inputargs[0], head->inputargs[1], e}, equal, {});
    LowLevelOps t = b.ops();
    b.return_(equal, t.constant(true, &Bool));
    // body: the key of entry e of a, looked up in b.
    LowLevelOps w = b.ops();
    Value* key = r->entry_key(w, r->entries(w, body->inputargs[0]), body->inputargs[2]);
    Value* at = r->lookup(w, body->inputargs[1], key);
    Value* found = w.genop("int_ge", {at, w.signed_constant(0)}, &Bool);
    Value* next = w.genop("int_add", {body->inputargs[2], w.signed_constant(1)}, &Signed);
    b.append(body, w);
    Block* check = b.block({dt, dt, &Signed, &Signed, &Signed});  // a, b, entry in a, entry in b, next index
    Block* missing = b.block({});
    b.branch(body, found, check, {body->inputargs[0], body->inputargs[1], body->inputargs[2], at, next}, missing, {});
    LowLevelOps m = b.ops();
    b.return_(missing, m.constant(false, &Bool));
    if (r->value_repr()->is_void()) {
      b.goto_(check, head, {check->inputargs[0], check->inputargs[1], check->inputargs[4]});
      return b.take();
    }
    LowLevelOps c = b.ops();
    Value* va = r->entry_value(c, r->entries(c, check->inputargs[0]), check->inputargs[2]);
    Value* vb = r->entry_value(c, r->entries(c, check->inputargs[1]), check->inputargs[3]);
    Value* eq = item_equal(c, r->value_repr(), va, vb);
    b.append(check, c);
    Block* unequal = b.block({});
    b.branch(check, eq, head, {check->inputargs[0], check->inputargs[1], check->inputargs[4]}, unequal, {});
    LowLevelOps u = b.ops();
    b.return_(unequal, u.constant(false, &Bool));
    return b.take();
  });
}

// ll_list_OP_T_U(a, b): the first index where the items differ decides (a[i] OP b[i]); when one
// list is a prefix of the other, the lengths do (CPython's list_richcompare).
flow::FunctionGraph* list_order_graph(RTyper& rtyper, ListRepr* ra, ListRepr* rb, const std::string& op,
                                      const flow::SourceLocation& loc) {
  std::string name = "ll_list_" + op + "_" + ll_name(ra->lowleveltype()->to_string());
  if (rb != ra) name += "_" + ll_name(rb->lowleveltype()->to_string());
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* at = ra->lowleveltype();
    const LowLevelType* bt = rb->lowleveltype();
    const LowLevelType* it = ra->item_repr()->lowleveltype();
    bool void_items = ra->item_repr()->is_void();
    LowLevelGraphBuilder b(rtyper, name, {at, bt}, &Bool, loc);
    Block* s = b.start();
    std::vector<const LowLevelType*> state{at, bt, &Signed, &Signed, &Signed};  // a, b, na, nb, index
    Block* head = b.block(state);
    LowLevelOps o = b.ops();
    Value* na = ra->length(o, s->inputargs[0]);
    Value* nb = rb->length(o, s->inputargs[1]);
    b.append(s, o);
    b.goto_(s, head, {s->inputargs[0], s->inputargs[1], na, nb, o.signed_constant(0)});
    auto arg = [](Block* blk) {
      return std::vector<Value*>(blk->inputargs.begin(), blk->inputargs.end());
    };
    LowLevelOps h = b.ops();
    Value* in_a = h.genop("cast_bool_to_int", {h.genop("int_lt", {head->inputargs[4], head->inputargs[2]}, &Bool)}, &Signed);
    Value* in_b = h.genop("cast_bool_to_int", {h.genop("int_lt", {head->inputargs[4], head->inputargs[3]}, &Bool)}, &Signed);
    Value* more = h.genop("int_is_true", {h.genop("int_and", {in_a, in_b}, &Signed)}, &Bool);
    b.append(head, h);
    Block* body = b.block(state);
    Block* lengths = b.block({&Signed, &Signed});
    b.branch(head, more, body, arg(head), lengths, {head->inputargs[2], head->inputargs[3]});
    LowLevelOps l = b.ops();
    Value* by_length = l.genop("int_" + op, {lengths->inputargs[0], lengths->inputargs[1]}, &Bool);
    b.append(lengths, l);
    b.return_(lengths, by_length);
    LowLevelOps w = b.ops();
    Value* i = body->inputargs[4];
    Value* next = w.genop("int_add", {i, w.signed_constant(1)}, &Signed);
    std::vector<Value*> again{body->inputargs[0], body->inputargs[1], body->inputargs[2], body->inputargs[3], next};
    if (void_items) {  // items without a run-time value are all equal
      b.append(body, w);
      b.goto_(body, head, again);
      return b.take();
    }
    Value* x = w.genop("getarrayitem", {ra->items(w, body->inputargs[0]), i}, it);
    Value* y = w.genop("getarrayitem", {rb->items(w, body->inputargs[1]), i}, it);
    Value* eq = item_equal(w, ra->item_repr(), x, y);
    b.append(body, w);
    Block* decide = b.block({it, it});
    b.branch(body, eq, head, again, decide, {x, y});
    LowLevelOps d = b.ops();
    Value* r = item_order(d, ra->item_repr(), op, decide->inputargs[0], decide->inputargs[1]);
    b.append(decide, d);
    b.return_(decide, r);
    return b.take();
  });
}

// ll_tuple_OP_T(a, b): item by item (straight-line), the first unequal pair decides; equal
// tuples are <= and >=.
flow::FunctionGraph* tuple_order_graph(RTyper& rtyper, TupleRepr* r, const std::string& op,
                                       const flow::SourceLocation& loc) {
  std::string name = "ll_tuple_" + op + "_" + r->tuple_struct()->name();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* t = r->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {t, t}, &Bool, loc);
    Block* current = b.start();
    for (size_t i = 0; i < r->items().size(); ++i) {
      Repr* ir = r->items()[i];
      if (ir->is_void()) continue;
      LowLevelOps o = b.ops();
      Value* x = r->item(o, current->inputargs[0], i);
      Value* y = r->item(o, current->inputargs[1], i);
      Value* eq = item_equal(o, ir, x, y);
      b.append(current, o);
      Block* next = b.block({t, t});
      Block* decide = b.block({ir->lowleveltype(), ir->lowleveltype()});
      b.branch(current, eq, next, {current->inputargs[0], current->inputargs[1]}, decide, {x, y});
      LowLevelOps d = b.ops();
      Value* result = item_order(d, ir, op, decide->inputargs[0], decide->inputargs[1]);
      b.append(decide, d);
      b.return_(decide, result);
      current = next;
    }
    LowLevelOps e = b.ops();
    b.return_(current, e.constant(op == "le" || op == "ge", &Bool));
    return b.take();
  });
}

Value* item_order(LowLevelOps& ops, Repr* r, const std::string& op, Value* a, Value* b) {
  switch (r->kind()) {
    case ReprKind::Integer: return ops.genop(std::string(static_cast<IntegerRepr*>(r)->prefix()) + op, {a, b}, &Bool);
    case ReprKind::Bool:
      return ops.genop("int_" + op,
                       {ops.genop("cast_bool_to_int", {a}, &Signed), ops.genop("cast_bool_to_int", {b}, &Signed)}, &Bool);
    case ReprKind::Float: return ops.genop("float_" + op, {a, b}, &Bool);
    case ReprKind::Char: return ops.genop("unichar_" + op, {a, b}, &Bool);
    case ReprKind::Str: return ops.genop("int_" + op, {ops.call_helper("str_cmp", {a, b}), ops.signed_constant(0)}, &Bool);
    case ReprKind::Bytes:
      return ops.genop("int_" + op, {ops.call_helper("bytes_cmp", {a, b}), ops.signed_constant(0)}, &Bool);
    case ReprKind::Tuple:
      return ops.call_graph(tuple_order_graph(ops.rtyper(), static_cast<TupleRepr*>(r), op, ops.location()), {a, b});
    case ReprKind::List:
      return ops.call_graph(
          list_order_graph(ops.rtyper(), static_cast<ListRepr*>(r), static_cast<ListRepr*>(r), op, ops.location()),
          {a, b});
    default: throw RTypeFailure("the ordering (" + op + ") of " + r->name() + " is not supported");
  }
}

// ll_tuple_hash_T(t): CPython's tuplehash (xxHash's PRIME64 round) over the items' hashes.
flow::FunctionGraph* tuple_hash_graph(RTyper& rtyper, TupleRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_tuple_hash_" + r->tuple_struct()->name();
  return rtyper.helpers().get(name, [&] {
    LowLevelGraphBuilder b(rtyper, name, {r->lowleveltype()}, &Signed, loc);
    Block* s = b.start();
    LowLevelOps o = b.ops();
    auto u = [&](uint64_t v) { return o.constant(v, &Unsigned); };
    Value* acc = u(2870177450012600261ULL);  // PRIME64_5
    for (size_t i = 0; i < r->items().size(); ++i) {
      Repr* ir = r->items()[i];
      if (ir->is_void()) continue;
      Value* h = o.genop("cast_int_to_uint", {item_hash(o, ir, r->item(o, s->inputargs[0], i), loc)}, &Unsigned);
      acc = o.genop("uint_add", {acc, o.genop("uint_mul", {h, u(14029467366897019727ULL)}, &Unsigned)}, &Unsigned);
      // rotate left by 31
      acc = o.genop("uint_or", {o.genop("uint_lshift", {acc, o.signed_constant(31)}, &Unsigned),
                                o.genop("uint_rshift", {acc, o.signed_constant(33)}, &Unsigned)},
                    &Unsigned);
      acc = o.genop("uint_mul", {acc, u(11400714785074694791ULL)}, &Unsigned);  // PRIME64_1
    }
    acc = o.genop("uint_add", {acc, u(uint64_t(r->items().size()) ^ (2870177450012600261ULL ^ 3527539ULL))}, &Unsigned);
    Value* h = o.genop("cast_uint_to_int", {acc}, &Signed);
    b.append(s, o);
    b.return_(s, h);
    return b.take();
  });
}

bool hashable(Repr* r) {
  switch (r->kind()) {
    case ReprKind::Integer:
    case ReprKind::Bool:
    case ReprKind::Char:
    case ReprKind::Str:
    case ReprKind::Bytes:
    case ReprKind::Instance:
    case ReprKind::Void: return true;
    case ReprKind::Tuple: {
      for (Repr* item : static_cast<TupleRepr*>(r)->items())
        if (!hashable(item)) return false;
      return true;
    }
    default: return false;
  }
}

Value* item_hash(LowLevelOps& ops, Repr* r, Value* x, const flow::SourceLocation& loc) {
  switch (r->kind()) {
    case ReprKind::Integer: return ops.convert(x, r, ops.rtyper().getrepr(annotator::s_int()));
    case ReprKind::Bool: return ops.genop("cast_bool_to_int", {x}, &Signed);
    case ReprKind::Char: return ops.genop("cast_unichar_to_int", {x}, &Signed);
    case ReprKind::Str: return ops.call_helper("str_hash", {x});
    case ReprKind::Bytes: return ops.call_helper("bytes_hash", {x});
    case ReprKind::Instance: return ops.genop("gc_identityhash", {x}, &Signed);
    case ReprKind::Tuple:
      return ops.call_graph(tuple_hash_graph(ops.rtyper(), static_cast<TupleRepr*>(r), loc), {x});
    default: throw RTypeFailure("the hash of " + r->name() + " is not supported");
  }
}

// Python's == of two values of one repr: numbers, chars, strs, lists and tuples by value,
// anything else by identity.
Value* item_equal(LowLevelOps& ops, Repr* r, Value* a, Value* b) {
  switch (r->kind()) {
    case ReprKind::Integer: return ops.genop(std::string(static_cast<IntegerRepr*>(r)->prefix()) + "eq", {a, b}, &Bool);
    case ReprKind::Bool:
      return ops.genop("int_eq", {ops.genop("cast_bool_to_int", {a}, &Signed), ops.genop("cast_bool_to_int", {b}, &Signed)},
                       &Bool);
    case ReprKind::Float: return ops.genop("float_eq", {a, b}, &Bool);
    case ReprKind::Char: return ops.genop("unichar_eq", {a, b}, &Bool);
    case ReprKind::Str: return ops.call_helper("str_eq", {a, b});
    case ReprKind::Bytes: return ops.call_helper("bytes_eq", {a, b});
    case ReprKind::Tuple:
      return ops.call_graph(tuple_eq_graph(ops.rtyper(), static_cast<TupleRepr*>(r), ops.location()), {a, b});
    case ReprKind::List:
      return ops.call_graph(
          list_eq_graph(ops.rtyper(), static_cast<ListRepr*>(r), static_cast<ListRepr*>(r), ops.location()), {a, b});
    case ReprKind::Dict:
      return ops.call_graph(dict_eq_graph(ops.rtyper(), static_cast<DictRepr*>(r), ops.location()), {a, b});
    case ReprKind::Void: return ops.constant(true, &Bool);
    default: return ops.genop("ptr_eq", {a, b}, &Bool);
  }
}

Value* rtype_container_eq(Hop& hop) {
  const std::string& op = hop.op.opname;
  bool ordering = op == "lt" || op == "le" || op == "gt" || op == "ge";
  if (op != "eq" && op != "ne" && !ordering) hop.unsupported();
  LowLevelOps& ops = hop.llops;
  Repr* ra = hop.args_r[0];
  Repr* rb = hop.args_r[1];
  Value* eq;
  if (ra->kind() == ReprKind::Dict) {
    if (ordering) hop.fail("dicts have no ordering (`" + op + "` between two dicts)");
    if (ra != rb) hop.fail("== between dicts of different key or value types (" + ra->name() + ", " + rb->name() + ")");
    Value* a = hop.arg(0);
    Value* b = hop.arg(1);
    hop.exception_is_here();  // an r_dict's key eq may raise
    eq = ops.call_graph(dict_eq_graph(hop.rtyper, static_cast<DictRepr*>(ra), hop.op.location), {a, b});
  } else if (ra->kind() == ReprKind::List) {
    auto* la = static_cast<ListRepr*>(ra);
    auto* lb = static_cast<ListRepr*>(rb);
    if (la->items_array() != lb->items_array())
      hop.fail((ordering ? "ordering" : "==") + std::string(" between lists of different item types (") + ra->name() +
               ", " + rb->name() + ")");
    Value* a = hop.arg(0);
    Value* b = hop.arg(1);
    if (ordering) {
      flow::FunctionGraph* g;
      try {
        g = list_order_graph(hop.rtyper, la, lb, op, hop.op.location);
      } catch (const RTypeFailure&) {
        hop.unsupported();  // items without an ordering
      }
      hop.exception_cannot_occur();
      return ops.call_graph(g, {a, b});
    }
    hop.exception_cannot_occur();
    eq = ops.call_graph(list_eq_graph(hop.rtyper, la, lb, hop.op.location), {a, b});
  } else {
    // Tuples: both in one repr (the first's, else the second's: item by item conversions).
    Repr* r = ra;
    Value* a = nullptr;
    Value* b = nullptr;
    try {
      a = hop.arg(0, r);
      b = hop.arg(1, r);
    } catch (const RTypeFailure&) {
      r = rb;
      try {
        a = hop.arg(0, r);
        b = hop.arg(1, r);
      } catch (const RTypeFailure&) {
        hop.fail(op + " between " + ra->name() + " and " + rb->name() + " is not supported");
      }
    }
    if (ordering) {
      Value* result;
      try {
        result = item_order(ops, r, op, a, b);
      } catch (const RTypeFailure&) {
        hop.unsupported();  // items without an ordering
      }
      hop.exception_cannot_occur();
      return result;
    }
    hop.exception_cannot_occur();
    eq = item_equal(ops, r, a, b);
  }
  return op == "eq" ? eq : ops.genop("bool_not", {eq}, &Bool);
}

Value* rtype_tuple_contains(Hop& hop) {
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& ops = hop.llops;
  auto* tr = static_cast<TupleRepr*>(hop.args_r[0]);
  const auto& items_s = hop.args_s[0]->as<annotator::SomeTuple>().items;
  Value* t = hop.arg(0);
  Value* x = hop.arg(1);
  hop.exception_cannot_occur();
  Value* found = nullptr;
  for (size_t i = 0; i < tr->items().size(); ++i) {
    Repr* r = nullptr;
    auto has_def = [](const annotator::SomeRef& x) {
      return x->is(annotator::SomeKind::List) || x->is(annotator::SomeKind::Dict);
    };
    if (has_def(items_s[i]) || has_def(hop.args_s[1])) {
      // No union here: it would merge list and dict definitions after annotation.
      if (tr->items()[i] != hop.args_r[1]) hop.fail("`in` a tuple whose item " + std::to_string(i) + " is " +
                                                    tr->items()[i]->name() + ", of " + hop.args_r[1]->name());
      r = hop.args_r[1];
    } else {
      annotator::SomeRef common;
      try {
        common = annotator::union_of(annotator::without_constant(items_s[i]), annotator::without_constant(hop.args_s[1]));
      } catch (const std::exception&) {
        continue;  // values of unrelated types are never equal
      }
      r = rtyper.getrepr(common);
    }
    Value* item = tr->item(ops, t, i);
    Value* eq = item_equal(ops, r, ops.convert(item, tr->items()[i], r), ops.convert(x, hop.args_r[1], r));
    found = found ? ops.genop("int_is_true",
                              {ops.genop("int_or",
                                         {ops.genop("cast_bool_to_int", {found}, &Signed),
                                          ops.genop("cast_bool_to_int", {eq}, &Signed)},
                                         &Signed)},
                              &Bool)
                  : eq;
  }
  return found ? found : ops.constant(false, &Bool);
}

}  // namespace rpp::rtyper
