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
    case ReprKind::Tuple:
      return ops.call_graph(tuple_eq_graph(ops.rtyper(), static_cast<TupleRepr*>(r), ops.location()), {a, b});
    case ReprKind::List:
      return ops.call_graph(
          list_eq_graph(ops.rtyper(), static_cast<ListRepr*>(r), static_cast<ListRepr*>(r), ops.location()), {a, b});
    case ReprKind::Void: return ops.constant(true, &Bool);
    default: return ops.genop("ptr_eq", {a, b}, &Bool);
  }
}

Value* rtype_container_eq(Hop& hop) {
  const std::string& op = hop.op.opname;
  if (op != "eq" && op != "ne") hop.unsupported();  // ordering of lists and tuples
  LowLevelOps& ops = hop.llops;
  Repr* ra = hop.args_r[0];
  Repr* rb = hop.args_r[1];
  Value* eq;
  if (ra->kind() == ReprKind::List) {
    auto* la = static_cast<ListRepr*>(ra);
    auto* lb = static_cast<ListRepr*>(rb);
    if (la->items_array() != lb->items_array())
      hop.fail("== between lists of different item types (" + ra->name() + ", " + rb->name() + ")");
    Value* a = hop.arg(0);
    Value* b = hop.arg(1);
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
        hop.fail("== between " + ra->name() + " and " + rb->name() + " is not supported");
      }
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
