// Iteration over tuples, strs, lists and ranges (riter.h).
#include "rtyper/riter.h"

#include <functional>

#include "annotator/listdef.h"
#include "annotator/union.h"
#include "rtyper/exception_data.h"
#include "rtyper/helper_graphs.h"
#include "annotator/dictdef.h"
#include "rtyper/rclass.h"
#include "rtyper/rdict.h"
#include "rtyper/rlist.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtuple.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using flow::Block;
using flow::Value;

RangeRepr::RangeRepr(RTyper& rtyper) : Repr(ReprKind::Range, &Void, "RangeRepr") {
  TypeArena& types = rtyper.types();
  struct_ = types.find_struct("range");
  if (!struct_) {
    StructHints hints;
    hints.immutable = true;
    struct_ = types.make_struct("range", true, {{"start", &Signed}, {"stop", &Signed}, {"step", &Signed}}, hints);
  }
  set_type(types.ptr(struct_));
}

IteratorRepr::IteratorRepr(RTyper& rtyper, Repr* container, Repr* item, annotator::IterVariant variant)
    : Repr(ReprKind::Iterator, &Void, "IteratorRepr(" + container->name() + ")"),
      container_(container),
      item_(item),
      variant_(variant) {
  TypeArena& types = rtyper.types();
  bool range = dynamic_cast<RangeRepr*>(container) != nullptr;
  const char* prefix = variant == annotator::IterVariant::Enumerate  ? "enum_iter_"
                       : variant == annotator::IterVariant::Reversed ? "rev_iter_"
                       : variant == annotator::IterVariant::Values   ? "values_iter_"
                       : variant == annotator::IterVariant::Items    ? "items_iter_"
                       : variant == annotator::IterVariant::Zip      ? "zip_iter_"
                                                                     : "iter_";
  std::string name = range ? "range_iter" : prefix + ll_name(container->lowleveltype()->to_string());
  struct_ = types.find_struct(name);
  if (!struct_) {
    if (range)
      struct_ = types.make_struct(name, true, {{"current", &Signed}, {"stop", &Signed}, {"step", &Signed}});
    else
      struct_ = types.make_struct(name, true, {{"container", container->lowleveltype()}, {"index", &Signed}});
  }
  set_type(types.ptr(struct_));
}

std::unique_ptr<Repr> make_iterator_repr(RTyper& rtyper, const annotator::SomeIterator& it) {
  using annotator::IterVariant;
  if (it.container->is(SomeKind::Dict)) {
    auto* dr = dynamic_cast<DictRepr*>(rtyper.getrepr(it.container));
    if (!dr) throw RTypeFailure("iteration over " + it.container->repr() + " is not supported yet");
    const annotator::DictDef* dd = it.container->as<annotator::SomeDict>().dictdef;
    annotator::SomeRef key = dd->key()->value(), value = dd->value()->value();
    annotator::SomeRef item = key;
    if (it.variant == IterVariant::Values) item = value;
    if (it.variant == IterVariant::Items)
      item = std::make_shared<annotator::SomeTuple>(std::vector<annotator::SomeRef>{key, value});
    if (it.variant == IterVariant::Enumerate || it.variant == IterVariant::Reversed || it.variant == IterVariant::Zip)
      throw RTypeFailure("this iteration over a dict is not supported yet");
    return std::make_unique<IteratorRepr>(rtyper, dr, rtyper.getrepr(item), it.variant);
  }
  if (it.variant == IterVariant::Zip) {
    // The container is a tuple of lists / strs; the item, the tuple of their items.
    std::vector<annotator::SomeRef> items;
    for (const annotator::SomeRef& c : it.container->as<annotator::SomeTuple>().items) {
      if (c->is(SomeKind::List)) items.push_back(c->as<annotator::SomeList>().listdef->item()->value());
      else if (c->is(SomeKind::Str) || c->is(SomeKind::Char)) items.push_back(annotator::s_char());
      else throw RTypeFailure("zip() of " + c->repr() + " is not supported yet");
      if (dynamic_cast<RangeRepr*>(rtyper.getrepr(c))) throw RTypeFailure("zip() of a range is not supported yet");
    }
    return std::make_unique<IteratorRepr>(rtyper, rtyper.getrepr(it.container),
                                          rtyper.getrepr(std::make_shared<annotator::SomeTuple>(items)), it.variant);
  }
  bool seq = it.container->is(SomeKind::List) || it.container->is(SomeKind::Str) || it.container->is(SomeKind::Char);
  if (it.variant != IterVariant::Plain &&
      !((it.variant == IterVariant::Enumerate || it.variant == IterVariant::Reversed) && seq))
    throw RTypeFailure(std::string(annotator::iter_variant_name(it.variant)) + " iterators over " +
                       it.container->repr() + " are not supported yet");
  Repr* container = rtyper.getrepr(it.container);
  if (it.variant != IterVariant::Plain) {
    if (dynamic_cast<RangeRepr*>(container)) throw RTypeFailure("enumerate()/reversed() of a range is not supported yet");
    annotator::SomeRef elem = it.container->is(SomeKind::List)
                                  ? it.container->as<annotator::SomeList>().listdef->item()->value()
                                  : annotator::s_char();
    annotator::SomeRef item = elem;
    if (it.variant == IterVariant::Enumerate)
      item = std::make_shared<annotator::SomeTuple>(std::vector<annotator::SomeRef>{annotator::s_int(), elem});
    return std::make_unique<IteratorRepr>(rtyper, container, rtyper.getrepr(item), it.variant);
  }
  annotator::SomeRef item;
  switch (it.container->kind()) {
    case SomeKind::Str:
    case SomeKind::Char: item = annotator::s_char(); break;
    case SomeKind::Bytes: item = annotator::s_int(); break;
    case SomeKind::List: item = it.container->as<annotator::SomeList>().listdef->item()->value(); break;
    case SomeKind::Tuple:
      item = annotator::s_impossible();
      for (const auto& i : it.container->as<annotator::SomeTuple>().items)
        item = annotator::union_of(item, annotator::without_constant(i));
      break;
    default: throw RTypeFailure("iteration over " + it.container->repr() + " comes with \"RTyper, part 2\"");
  }
  if (dynamic_cast<RangeRepr*>(container)) item = annotator::s_int();
  return std::make_unique<IteratorRepr>(rtyper, container, rtyper.getrepr(item));
}

Value* new_sequence_iterator(LowLevelOps& llops, IteratorRepr* r, Value* container) {
  Value* it = llops.genop("malloc", {llops.type_constant(r->iter_struct()), llops.void_string("gc")}, r->lowleveltype());
  llops.genop("setfield", {it, llops.void_string("container"), container});
  Value* start = llops.constant(int64_t(0), &Signed);
  if (r->variant() == annotator::IterVariant::Reversed) {
    Value* n = r->container()->kind() == ReprKind::List ? static_cast<ListRepr*>(r->container())->length(llops, container)
                                                        : llops.genop("str_len", {container}, &Signed);
    start = llops.genop("int_sub", {n, llops.constant(int64_t(1), &Signed)}, &Signed);
  }
  llops.genop("setfield", {it, llops.void_string("index"), start});
  return it;
}

Value* rtype_iter(Hop& hop) {
  auto* r = dynamic_cast<IteratorRepr*>(hop.r_result);
  if (!r) hop.unsupported();
  hop.exception_cannot_occur();
  if (hop.args_r[0] == r) return hop.arg(0);
  LowLevelOps& llops = hop.llops;
  Value* c = hop.arg(0, r->container());
  if (dynamic_cast<RangeRepr*>(r->container())) {
    Value* it = llops.genop("malloc", {llops.type_constant(r->iter_struct()), llops.void_string("gc")}, r->lowleveltype());
    for (const char* f : {"start", "stop", "step"}) {
      Value* v = llops.genop("getfield", {c, llops.void_string(f)}, &Signed);
      llops.genop("setfield", {it, llops.void_string(std::string(f) == "start" ? "current" : f), v});
    }
    return it;
  }
  return new_sequence_iterator(llops, r, c);
}

Value* rtype_dict_view(Hop& hop, Value* d) {
  auto* r = dynamic_cast<IteratorRepr*>(hop.r_result);
  if (!r) hop.unsupported();
  hop.exception_cannot_occur();
  return new_sequence_iterator(hop.llops, r, d);
}

Value* rtype_enumerate_reversed(Hop& hop, size_t arg) {
  auto* r = dynamic_cast<IteratorRepr*>(hop.r_result);
  if (!r) hop.unsupported();
  Value* c = hop.arg(arg, r->container());
  hop.exception_cannot_occur();
  return new_sequence_iterator(hop.llops, r, c);
}

namespace {

void raise_stop_iteration(RTyper& rtyper, LowLevelGraphBuilder& b, Block* block) {
  const RuntimeTypes& rt = rtyper.runtime_types();
  LowLevelOps ops = b.ops();
  b.raise_(block, ops.static_constant(rtyper.exceptions().vtable("StopIteration"), rtyper.types().ptr(rt.object_vtable)),
           ops.static_constant(rtyper.exceptions().instance("StopIteration", ""), rtyper.types().ptr(rt.object)));
}

flow::FunctionGraph* range_next(RTyper& rtyper, IteratorRepr* r, const flow::SourceLocation& loc) {
  return rtyper.helpers().get("ll_range_next", [&] {
    const LowLevelType* it = r->lowleveltype();
    LowLevelGraphBuilder b(rtyper, "ll_range_next", {it}, &Signed, loc);
    Block* s = b.start();
    LowLevelOps ops = b.ops();
    Value* cur = ops.genop("getfield", {s->inputargs[0], ops.void_string("current")}, &Signed);
    Value* stop = ops.genop("getfield", {s->inputargs[0], ops.void_string("stop")}, &Signed);
    Value* step = ops.genop("getfield", {s->inputargs[0], ops.void_string("step")}, &Signed);
    Value* up = ops.genop("int_gt", {step, ops.constant(int64_t(0), &Signed)}, &Bool);
    b.append(s, ops);
    std::vector<const LowLevelType*> state{it, &Signed, &Signed, &Signed};
    Block* ascending = b.block(state);
    Block* descending = b.block(state);
    std::vector<Value*> pass{s->inputargs[0], cur, stop, step};
    b.branch(s, up, ascending, pass, descending, pass);
    Block* emit = b.block({it, &Signed, &Signed});
    Block* done = b.block({});
    for (Block* dir : {ascending, descending}) {
      LowLevelOps d = b.ops();
      Value* more = d.genop(dir == ascending ? "int_lt" : "int_gt", {dir->inputargs[1], dir->inputargs[2]}, &Bool);
      b.append(dir, d);
      b.branch(dir, more, emit, {dir->inputargs[0], dir->inputargs[1], dir->inputargs[3]}, done, {});
    }
    LowLevelOps e = b.ops();
    Value* next = e.genop("int_add", {emit->inputargs[1], emit->inputargs[2]}, &Signed);
    e.genop("setfield", {emit->inputargs[0], e.void_string("current"), next});
    b.append(emit, e);
    b.return_(emit, emit->inputargs[1]);
    raise_stop_iteration(rtyper, b, done);
    return b.take();
  });
}

// The start of every next() over a container iterator: read the container and the index,
// StopIteration unless `more`; the returned block receives (iterator, container, index) where
// index is what `more` gives for the item (the entry index for dicts).
using MoreTest = std::function<std::pair<Value*, Value*>(LowLevelOps&, Value* container, Value* index)>;

Block* next_prologue(RTyper& rtyper, LowLevelGraphBuilder& b, IteratorRepr* r, const MoreTest& more) {
  const LowLevelType* it = r->lowleveltype();
  const LowLevelType* ct = r->container()->lowleveltype();
  Block* s = b.start();
  LowLevelOps ops = b.ops();
  Value* c = ops.genop("getfield", {s->inputargs[0], ops.void_string("container")}, ct);
  Value* i = ops.genop("getfield", {s->inputargs[0], ops.void_string("index")}, &Signed);
  auto [go, at] = more(ops, c, i);
  b.append(s, ops);
  Block* body = b.block({it, ct, &Signed});
  Block* done = b.block({});
  b.branch(s, go, body, {s->inputargs[0], c, at}, done, {});
  raise_stop_iteration(rtyper, b, done);
  return body;
}

// The item i (known in range) of a container, in the iterator's item repr.
Value* item_at(RTyper& rtyper, LowLevelGraphBuilder& b, LowLevelOps& ops, Block*& block, Repr* cr, Repr* item_repr,
               Value* c, Value* i) {
  if (cr->kind() == ReprKind::Bytes) {
    Value* ch = ops.genop("str_getitem", {c, i}, &UniChar);
    return ops.convert(ops.genop("cast_unichar_to_int", {ch}, &Signed), rtyper.getrepr(annotator::s_int()), item_repr);
  }
  if (cr->kind() == ReprKind::Str) {
    Value* ch = ops.genop("str_getitem", {c, i}, &UniChar);
    return ops.convert(ch, rtyper.getrepr(annotator::s_char()), item_repr);
  }
  if (auto* lr = dynamic_cast<ListRepr*>(cr)) {
    Value* items = lr->items(ops, c);
    Value* x = ops.genop("getarrayitem", {items, i}, lr->item_repr()->lowleveltype());
    return ops.convert(x, lr->item_repr(), item_repr);
  }
  (void)b;
  (void)block;
  throw RTypeFailure("internal error: item_at of " + cr->name());
}

// next() over a dict: the first live entry at or after the index ($dict_next_index).
flow::FunctionGraph* dict_next(RTyper& rtyper, IteratorRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_next_" + r->iter_struct()->name();
  return rtyper.helpers().get(name, [&] {
    auto* dr = static_cast<DictRepr*>(r->container());
    const LowLevelType* it = r->lowleveltype();
    const LowLevelType* item = r->item()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {it}, item, loc);
    Block* body = next_prologue(rtyper, b, r, [](LowLevelOps& ops, Value* d, Value* i) {
      Value* e = ops.call_helper("dict_next_index", {d, i});
      return std::make_pair(ops.genop("int_ge", {e, ops.constant(int64_t(0), &Signed)}, &Bool), e);
    });
    LowLevelOps o = b.ops();
    Value* e1 = body->inputargs[2];
    Value* next = o.genop("int_add", {e1, o.constant(int64_t(1), &Signed)}, &Signed);
    o.genop("setfield", {body->inputargs[0], o.void_string("index"), next});
    Value* entries = dr->entries(o, body->inputargs[1]);
    auto key = [&]() { return dr->entry_key(o, entries, e1); };
    auto value = [&]() { return dr->entry_value(o, entries, e1); };
    Value* x;
    switch (r->variant()) {
      case annotator::IterVariant::Values: x = o.convert(value(), dr->value_repr(), r->item()); break;
      case annotator::IterVariant::Items: {
        auto* tr = static_cast<TupleRepr*>(r->item());
        Value* k = o.convert(key(), dr->key_repr(), tr->items()[0]);
        Value* v = o.convert(value(), dr->value_repr(), tr->items()[1]);
        x = tr->make(o, {k, v});
        break;
      }
      default: x = o.convert(key(), dr->key_repr(), r->item()); break;
    }
    b.append(body, o);
    b.return_(body, x);
    return b.take();
  });
}

// next() over zip(a, b, ...): StopIteration at the end of the shortest, else the tuple of items.
flow::FunctionGraph* zip_next(RTyper& rtyper, IteratorRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_next_" + r->iter_struct()->name();
  return rtyper.helpers().get(name, [&] {
    auto* cr = static_cast<TupleRepr*>(r->container());
    auto* ir = static_cast<TupleRepr*>(r->item());
    LowLevelGraphBuilder b(rtyper, name, {r->lowleveltype()}, ir->lowleveltype(), loc);
    Block* body = next_prologue(rtyper, b, r, [cr](LowLevelOps& ops, Value* c, Value* i) {
      Value* more = nullptr;
      for (size_t k = 0; k < cr->items().size(); ++k) {
        Repr* sr = cr->items()[k];
        Value* seq = cr->item(ops, c, k);
        Value* n = sr->kind() == ReprKind::List ? static_cast<ListRepr*>(sr)->length(ops, seq)
                                                : ops.genop("str_len", {seq}, &Signed);
        Value* in = ops.genop("cast_bool_to_int", {ops.genop("int_lt", {i, n}, &Bool)}, &Signed);
        more = more ? ops.genop("int_and", {more, in}, &Signed) : in;
      }
      return std::make_pair(ops.genop("int_is_true", {more}, &Bool), i);
    });
    LowLevelOps o = b.ops();
    Value* j = body->inputargs[2];
    o.genop("setfield", {body->inputargs[0], o.void_string("index"), o.genop("int_add", {j, o.constant(int64_t(1), &Signed)}, &Signed)});
    std::vector<Value*> items;
    Block* cur = body;
    for (size_t k = 0; k < cr->items().size(); ++k)
      items.push_back(item_at(rtyper, b, o, cur, cr->items()[k], ir->items()[k], cr->item(o, body->inputargs[1], k), j));
    Value* x = ir->make(o, items);
    b.append(body, o);
    b.return_(body, x);
    return b.take();
  });
}

flow::FunctionGraph* sequence_next(RTyper& rtyper, IteratorRepr* r, const flow::SourceLocation& loc) {
  std::string name = "ll_next_" + r->iter_struct()->name();
  return rtyper.helpers().get(name, [&] {
    const LowLevelType* ct = r->container()->lowleveltype();
    const LowLevelType* item = r->item()->lowleveltype();
    LowLevelGraphBuilder b(rtyper, name, {r->lowleveltype()}, item, loc);
    Repr* cr = r->container();
    bool reversed = r->variant() == annotator::IterVariant::Reversed;
    Block* body = next_prologue(rtyper, b, r, [cr, reversed](LowLevelOps& ops, Value* c, Value* i) {
      Value* n;
      if (cr->kind() == ReprKind::Str || cr->kind() == ReprKind::Bytes) n = ops.genop("str_len", {c}, &Signed);
      else if (auto* lr = dynamic_cast<ListRepr*>(cr)) n = lr->length(ops, c);
      else n = ops.constant(int64_t(static_cast<TupleRepr*>(cr)->items().size()), &Signed);
      Value* more = reversed ? ops.genop("int_ge", {i, ops.constant(int64_t(0), &Signed)}, &Bool)
                             : ops.genop("int_lt", {i, n}, &Bool);
      return std::make_pair(more, i);
    });
    LowLevelOps bo = b.ops();
    Value* next = bo.genop(reversed ? "int_sub" : "int_add", {body->inputargs[2], bo.constant(int64_t(1), &Signed)},
                           &Signed);
    bo.genop("setfield", {body->inputargs[0], bo.void_string("index"), next});
    if (auto* tr = dynamic_cast<TupleRepr*>(cr)) {
      // A switch on the index: item k of the tuple.
      b.append(body, bo);
      std::vector<LowLevelGraphBuilder::Case> cases;
      for (size_t k = 0; k < tr->items().size(); ++k) {
        Block* pick = b.block({ct});
        LowLevelOps p = b.ops();
        Value* x = tr->item(p, pick->inputargs[0], k);
        Value* v;
        if (auto* vr = dynamic_cast<VoidRepr*>(tr->items()[k])) {
          // An item known at translation time (a function, None...): its constant.
          flow::ConstValue known = vr->value() ? *vr->value() : flow::ConstValue(flow::NoneValue{});
          v = p.constant(r->item()->convert_const(known, rtyper), item);
        } else {
          v = p.convert(x, tr->items()[k], r->item());
        }
        b.append(pick, p);
        b.return_(pick, v);
        cases.push_back({int64_t(k), pick, {body->inputargs[1]}});
      }
      Block* past = b.block({});  // an index past the tuple's items (never reached)
      raise_stop_iteration(rtyper, b, past);
      b.switch_(body, body->inputargs[2], std::move(cases), past, {});
      return b.take();
    }
    Block* cur = body;
    Value* x;
    if (r->variant() == annotator::IterVariant::Enumerate) {
      auto* tr = static_cast<TupleRepr*>(r->item());
      Value* elem = item_at(rtyper, b, bo, cur, cr, tr->items()[1], body->inputargs[1], body->inputargs[2]);
      Value* index = bo.convert(body->inputargs[2], rtyper.getrepr(annotator::s_int()), tr->items()[0]);
      x = tr->make(bo, {index, elem});
    } else {
      x = item_at(rtyper, b, bo, cur, cr, r->item(), body->inputargs[1], body->inputargs[2]);
    }
    b.append(body, bo);
    b.return_(body, x);
    return b.take();
  });
}

}  // namespace

Value* rtype_next(Hop& hop) {
  auto* r = dynamic_cast<IteratorRepr*>(hop.args_r[0]);
  if (!r) hop.unsupported();
  RTyper& rtyper = hop.rtyper;
  flow::FunctionGraph* g = dynamic_cast<RangeRepr*>(r->container())  ? range_next(rtyper, r, hop.op.location)
                          : r->container()->kind() == ReprKind::Dict ? dict_next(rtyper, r, hop.op.location)
                          : r->variant() == annotator::IterVariant::Zip ? zip_next(rtyper, r, hop.op.location)
                                                                     : sequence_next(rtyper, r, hop.op.location);
  Value* it = hop.arg(0);
  hop.exception_is_here();
  Value* x = hop.llops.call_graph(g, {it});
  Repr* item = dynamic_cast<RangeRepr*>(r->container()) ? rtyper.getrepr(annotator::s_int()) : r->item();
  return hop.llops.convert(x, item, hop.r_result);
}

Value* rtype_range(Hop& hop, size_t first) {
  auto* r = dynamic_cast<RangeRepr*>(hop.r_result);
  if (!r) hop.fail("range() used as a list (mutated or resized) comes with \"RTyper, part 2\"");
  RTyper& rtyper = hop.rtyper;
  LowLevelOps& llops = hop.llops;
  Repr* ri = rtyper.getrepr(annotator::s_int());
  size_t n = hop.nargs() - first;
  Value* start = n >= 2 ? hop.arg(first, ri) : llops.constant(int64_t(0), &Signed);
  Value* stop = n >= 2 ? hop.arg(first + 1, ri) : hop.arg(first, ri);
  Value* step = n >= 3 ? hop.arg(first + 2, ri) : llops.constant(int64_t(1), &Signed);
  hop.exception_cannot_occur();
  Value* p = llops.genop("malloc", {llops.type_constant(r->range_struct()), llops.void_string("gc")}, r->lowleveltype());
  llops.genop("setfield", {p, llops.void_string("start"), start});
  llops.genop("setfield", {p, llops.void_string("stop"), stop});
  llops.genop("setfield", {p, llops.void_string("step"), step});
  return p;
}

}  // namespace rpp::rtyper
