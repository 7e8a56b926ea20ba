// Rules of container operations: building tuples, lists and dicts; indexing, slicing and
// assigning items (lists become mutated/resized as they are used); `in`; `len`; iteration.
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "annotator/op_rules.h"
#include "annotator/union.h"

namespace rpp::annotator {

SomeRef call_special_method(RuleContext& cx, const SomeRef& instance, const std::string& name,
                            std::vector<SomeRef> args);

namespace {

void require_not_none(const SomeRef& s, const char* what) {
  if (s->can_be_none())
    throw AnnotatorFailure(std::string(what) + " on " + describe_for_user(s) +
                           ", which may be None (check `is not None` first)");
}

void require_index(const SomeRef& i, const SomeRef& container) {
  if (!i->is_integer())
    throw AnnotatorFailure("indices of " + describe_for_user(container) + " must be integers, not " +
                           describe_for_user(i));
}

SomeRef union_all(const std::vector<SomeRef>& items) {
  SomeRef r = s_impossible();
  for (const auto& i : items) r = union_of(r, i);
  return r;
}

SomeRef newtuple_rule(RuleContext& cx) {
  std::vector<SomeRef> items;
  for (size_t i = 0; i < cx.argc(); ++i) items.push_back(cx.arg(i));
  return std::make_shared<SomeTuple>(std::move(items));
}

SomeRef newlist_rule(RuleContext& cx) {
  SomeRef item = s_impossible();
  for (size_t i = 0; i < cx.argc(); ++i) item = union_of(item, without_constant(cx.arg(i)));
  return cx.bk.new_list(item);
}

SomeRef newdict_rule(RuleContext& cx) {
  if (cx.argc() % 2) throw AnnotatorFailure("internal error: newdict with an odd number of arguments");
  SomeRef k = s_impossible(), v = s_impossible();
  for (size_t i = 0; i + 1 < cx.argc(); i += 2) {
    k = union_of(k, without_constant(cx.arg(i)));
    v = union_of(v, without_constant(cx.arg(i + 1)));
  }
  return cx.bk.new_dict(k, v);
}

SomeRef newslice_rule(RuleContext& cx) {
  std::vector<SomeRef> parts;
  for (size_t i = 0; i < cx.argc(); ++i) {
    SomeRef p = cx.arg(i);
    if (!p->is(SomeKind::None) && !p->is_integer())
      throw AnnotatorFailure("slice indices must be integers or None, not " + describe_for_user(p));
    parts.push_back(p);
  }
  return std::make_shared<SomeBuiltin>("slice", std::make_shared<SomeTuple>(parts));
}

bool is_slice(const SomeRef& s) {
  return s->is(SomeKind::Builtin) && s->as<SomeBuiltin>().name == "slice";
}

SomeRef slice_of(RuleContext& cx, const SomeRef& c) {
  if (c->is_str()) return s_str();
  if (c->is(SomeKind::Bytes)) return s_bytes();
  if (c->is(SomeKind::List)) {
    SomeRef item = c->as<SomeList>().listdef->read_item(cx.position());
    return cx.bk.new_list(item);
  }
  throw AnnotatorFailure("slicing " + describe_for_user(c) + " is not supported");
}

SomeRef getitem_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0), i = cx.arg(1);
  if (c->is(SomeKind::None)) return s_impossible();  // blocked until it generalizes
  if (c->is(SomeKind::Instance)) return call_special_method(cx, c, "__getitem__", {i});
  require_not_none(c, "indexing");
  if (is_slice(i)) return slice_of(cx, c);
  switch (c->kind()) {
    case SomeKind::List:
      require_index(i, c);
      return c->as<SomeList>().listdef->read_item(cx.position());
    case SomeKind::Str:
    case SomeKind::Char:
      require_index(i, c);
      return s_char();
    case SomeKind::Bytes:
      require_index(i, c);
      return s_nonneg_int();
    case SomeKind::Dict: {
      DictDef* d = c->as<SomeDict>().dictdef;
      d->generalize_key(without_constant(i));
      return d->read_value(cx.position());
    }
    case SomeKind::Tuple: {
      const auto& items = c->as<SomeTuple>().items;
      require_index(i, c);
      if (i->is_constant()) {
        int64_t k = std::holds_alternative<int64_t>(*i->constant()) ? std::get<int64_t>(*i->constant())
                                                                    : (std::get<bool>(*i->constant()) ? 1 : 0);
        int64_t n = static_cast<int64_t>(items.size());
        if (k < 0) k += n;
        if (k < 0 || k >= n) throw AnnotatorFailure("tuple index out of range");
        return items[k];
      }
      SomeRef all = s_impossible();
      for (const auto& it : items) {
        if (!can_union(all, it))
          throw AnnotatorFailure("indexing " + describe_for_user(c) +
                                 " needs a constant index: its items have different types");
        all = union_of(all, it);
      }
      return all;
    }
    default:
      throw AnnotatorFailure(describe_for_user(c) + " is not subscriptable");
  }
}

SomeRef setitem_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0), i = cx.arg(1), v = cx.arg(2);
  if (c->is(SomeKind::None)) return s_impossible();  // blocked until it generalizes
  if (c->is(SomeKind::Instance)) {
    call_special_method(cx, c, "__setitem__", {i, v});
    return s_none();
  }
  require_not_none(c, "item assignment");
  switch (c->kind()) {
    case SomeKind::List: {
      ListDef* l = c->as<SomeList>().listdef;
      if (is_slice(i)) {
        if (!v->is(SomeKind::List))
          throw AnnotatorFailure("slice assignment needs a list, not " + describe_for_user(v));
        l->resize();
        l->agree(*v->as<SomeList>().listdef, cx.position());
        return s_none();
      }
      require_index(i, c);
      l->mutate();
      l->generalize(without_constant(v));
      return s_none();
    }
    case SomeKind::Dict: {
      DictDef* d = c->as<SomeDict>().dictdef;
      d->generalize_key(without_constant(i));
      d->generalize_value(without_constant(v));
      return s_none();
    }
    default:
      throw AnnotatorFailure(describe_for_user(c) + " does not support item assignment");
  }
}

SomeRef delitem_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0), i = cx.arg(1);
  if (c->is(SomeKind::None)) return s_impossible();  // blocked until it generalizes
  if (c->is(SomeKind::Instance)) {
    call_special_method(cx, c, "__delitem__", {i});
    return s_none();
  }
  require_not_none(c, "del");
  if (c->is(SomeKind::List)) {
    if (!is_slice(i)) require_index(i, c);
    c->as<SomeList>().listdef->resize();
    return s_none();
  }
  if (c->is(SomeKind::Dict)) {
    c->as<SomeDict>().dictdef->generalize_key(without_constant(i));
    return s_none();
  }
  throw AnnotatorFailure(describe_for_user(c) + " does not support item deletion");
}

void check_slice_bound(const SomeRef& s) {
  if (!s->is(SomeKind::None) && !s->is_integer())
    throw AnnotatorFailure("slice indices must be integers or None, not " + describe_for_user(s));
}

SomeRef getslice_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0);
  check_slice_bound(cx.arg(1));
  check_slice_bound(cx.arg(2));
  require_not_none(c, "slicing");
  return slice_of(cx, c);
}

SomeRef setslice_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0), v = cx.arg(3);
  check_slice_bound(cx.arg(1));
  check_slice_bound(cx.arg(2));
  if (!c->is(SomeKind::List) || !v->is(SomeKind::List))
    throw AnnotatorFailure("slice assignment is supported only between lists, not " +
                           describe_for_user(c) + " and " + describe_for_user(v));
  ListDef* l = c->as<SomeList>().listdef;
  l->resize();
  l->agree(*v->as<SomeList>().listdef, cx.position());
  return s_none();
}

SomeRef delslice_rule(RuleContext& cx) {
  SomeRef c = cx.arg(0);
  if (!c->is(SomeKind::List)) throw AnnotatorFailure("del of a slice of " + describe_for_user(c));
  c->as<SomeList>().listdef->resize();
  return s_none();
}

}  // namespace

// `item in container` (also used by the `contains` operation).
SomeRef contains_annotation(RuleContext& cx, const SomeRef& c, const SomeRef& item) {
  if (c->is(SomeKind::None)) return s_impossible();
  if (c->is(SomeKind::Instance)) return call_special_method(cx, c, "__contains__", {item});
  require_not_none(c, "`in`");
  switch (c->kind()) {
    case SomeKind::List:
      c->as<SomeList>().listdef->generalize(without_constant(item));
      return s_bool();
    case SomeKind::Dict:
      c->as<SomeDict>().dictdef->generalize_key(without_constant(item));
      return s_bool();
    case SomeKind::Str:
    case SomeKind::Char:
      if (!item->is_str())
        throw AnnotatorFailure("'in <str>' requires a str as left operand, not " + describe_for_user(item));
      return s_bool();
    case SomeKind::Bytes:
      if (!item->is(SomeKind::Bytes) && !item->is_integer())
        throw AnnotatorFailure("'in <bytes>' requires bytes or an int, not " + describe_for_user(item));
      return s_bool();
    case SomeKind::Tuple:
      for (const auto& i : c->as<SomeTuple>().items) union_of(without_constant(i), without_constant(item));
      return s_bool();
    case SomeKind::Iterator: {
      const auto& it = c->as<SomeIterator>();
      if (it.container->is(SomeKind::Dict) && it.variant == IterVariant::Keys)
        return contains_annotation(cx, it.container, item);
      break;
    }
    default:
      break;
  }
  throw AnnotatorFailure("`in` on " + describe_for_user(c) + " is not supported");
}

SomeRef len_annotation(RuleContext& cx, const SomeRef& c) {
  if (c->is(SomeKind::None)) return s_impossible();
  if (c->is(SomeKind::Instance)) return call_special_method(cx, c, "__len__", {});
  require_not_none(c, "len()");
  if (c->is_constant() && std::holds_alternative<std::string>(*c->constant()))
    return const_int(static_cast<int64_t>(utf8_length(std::get<std::string>(*c->constant()))));
  if (c->is(SomeKind::Tuple)) return const_int(static_cast<int64_t>(c->as<SomeTuple>().items.size()));
  if (c->is_str() || c->is(SomeKind::Bytes) || c->is(SomeKind::List) || c->is(SomeKind::Dict))
    return s_nonneg_int();
  if (c->is(SomeKind::Iterator) && c->as<SomeIterator>().container->is(SomeKind::Dict))
    return s_nonneg_int();
  throw AnnotatorFailure("len() of " + describe_for_user(c) + " is not supported");
}

SomeRef iter_annotation(RuleContext& cx, const SomeRef& c) {
  if (c->is(SomeKind::None)) return s_impossible();
  if (c->is(SomeKind::Iterator)) return c;
  if (c->is(SomeKind::Instance)) return call_special_method(cx, c, "__iter__", {});
  require_not_none(c, "iteration");
  if (c->is_str() || c->is(SomeKind::Bytes) || c->is(SomeKind::List) || c->is(SomeKind::Tuple))
    return std::make_shared<SomeIterator>(without_constant(c), IterVariant::Plain);
  if (c->is(SomeKind::Dict)) return std::make_shared<SomeIterator>(c, IterVariant::Keys);
  throw AnnotatorFailure(describe_for_user(c) + " is not iterable");
}

SomeRef next_annotation(RuleContext& cx, const SomeRef& it) {
  if (it->is(SomeKind::Instance)) return call_special_method(cx, it, "__next__", {});
  if (!it->is(SomeKind::Iterator)) throw AnnotatorFailure("next() of " + describe_for_user(it) + ", which is not an iterator");
  const auto& iter = it->as<SomeIterator>();
  const SomeRef& c = iter.container;
  auto item_of = [&](const SomeRef& container) -> SomeRef {
    switch (container->kind()) {
      case SomeKind::List: return container->as<SomeList>().listdef->read_item(cx.position());
      case SomeKind::Str:
      case SomeKind::Char: return s_char();
      case SomeKind::Bytes: return s_nonneg_int();
      case SomeKind::Tuple: {
        SomeRef all = s_impossible();
        for (const auto& i : container->as<SomeTuple>().items) {
          if (!can_union(all, i))
            throw AnnotatorFailure("iterating over " + describe_for_user(container) +
                                   ": its items have different types");
          all = union_of(all, i);
        }
        return all;
      }
      case SomeKind::Dict: return container->as<SomeDict>().dictdef->read_key(cx.position());
      case SomeKind::Iterator: return next_annotation(cx, container);
      default: throw AnnotatorFailure("cannot iterate over " + describe_for_user(container));
    }
  };
  switch (iter.variant) {
    case IterVariant::Plain:
    case IterVariant::Reversed:
      return item_of(c);
    case IterVariant::Keys:
      return c->as<SomeDict>().dictdef->read_key(cx.position());
    case IterVariant::Values:
      return c->as<SomeDict>().dictdef->read_value(cx.position());
    case IterVariant::Items: {
      DictDef* d = c->as<SomeDict>().dictdef;
      return std::make_shared<SomeTuple>(std::vector<SomeRef>{d->read_key(cx.position()), d->read_value(cx.position())});
    }
    case IterVariant::Enumerate:
      return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_nonneg_int(), item_of(c)});
    case IterVariant::Zip: {
      std::vector<SomeRef> items;
      for (const auto& sub : c->as<SomeTuple>().items) items.push_back(item_of(sub));
      return std::make_shared<SomeTuple>(std::move(items));
    }
  }
  return s_impossible();
}

namespace {

SomeRef contains_rule(RuleContext& cx) { return contains_annotation(cx, cx.arg(0), cx.arg(1)); }
SomeRef len_rule(RuleContext& cx) { return len_annotation(cx, cx.arg(0)); }
SomeRef iter_rule(RuleContext& cx) { return iter_annotation(cx, cx.arg(0)); }
SomeRef next_rule(RuleContext& cx) { return next_annotation(cx, cx.arg(0)); }

}  // namespace

void add_container_rules(RuleTable& t) {
  t["newtuple"] = newtuple_rule;
  t["newlist"] = newlist_rule;
  t["newdict"] = newdict_rule;
  t["newslice"] = newslice_rule;
  t["getitem"] = getitem_rule;
  t["setitem"] = setitem_rule;
  t["delitem"] = delitem_rule;
  t["getslice"] = getslice_rule;
  t["setslice"] = setslice_rule;
  t["delslice"] = delslice_rule;
  t["contains"] = contains_rule;
  t["len"] = len_rule;
  t["iter"] = iter_rule;
  t["next"] = next_rule;
}

}  // namespace rpp::annotator
