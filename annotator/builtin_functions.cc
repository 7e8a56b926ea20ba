// Python's builtin functions allowed in RPython, and builtin types called as functions: each
// checks its arguments' annotations and gives its result's (range() is a list that remembers it
// is a range; enumerate/zip/reversed are iterators).
#include "annotator/builtins.h"
#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/listdef.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

const SomeRef& arg(const CallArgs& a, size_t i) { return a.positional[i]; }

void no_keywords(const SomeBuiltin& b, const CallArgs& a) {
  if (!a.keywords.empty() || a.star)
    throw AnnotatorFailure(builtin_display_name(b) + "() takes no keyword arguments");
}

SomeRef keyword(const CallArgs& a, const std::string& name) {
  for (const auto& [k, v] : a.keywords)
    if (k == name) return v;
  return nullptr;
}

void only_keywords(const SomeBuiltin& b, const CallArgs& a, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : a.keywords) {
    bool ok = false;
    for (const char* n : allowed) ok |= k == n;
    if (!ok) throw AnnotatorFailure(builtin_display_name(b) + "() got an unexpected keyword argument '" + k + "'");
  }
  if (a.star) throw AnnotatorFailure(builtin_display_name(b) + "(*args) is not supported");
}

void require_int(const SomeBuiltin& b, const SomeRef& s, const char* what) {
  if (!s->is_integer())
    throw AnnotatorFailure(builtin_display_name(b) + "() " + what + " must be an integer, not " +
                           describe_for_user(s));
}

// The items an iterable yields, recording `position` as a reader.
SomeRef items_of(RuleContext& cx, const SomeRef& iterable) {
  SomeRef it = iter_annotation(cx, iterable);
  return next_annotation(cx, it);
}

SomeRef len_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  expect_args(b, a, 1, 1);
  return len_annotation(cx, arg(a, 0));
}

SomeRef range_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 3);
  for (const auto& s : a.positional) require_int(b, s, "arguments");
  bool start_nonneg = a.positional.size() == 1 || a.positional[0]->as<SomeInteger>().nonneg();
  int64_t step = 1;
  bool step_known = true;
  if (a.positional.size() == 3) {
    const SomeRef& s = arg(a, 2);
    if (s->is_constant() && std::holds_alternative<int64_t>(*s->constant())) {
      step = std::get<int64_t>(*s->constant());
      if (step == 0) throw AnnotatorFailure("range() arg 3 must not be zero");
    } else {
      step_known = false;
    }
  }
  bool nonneg = start_nonneg && step_known && step > 0;
  SomeRef list = cx.bk.new_list(nonneg ? s_nonneg_int() : s_int());
  list->as<SomeList>().listdef->item()->range_step = step_known ? step : 0;
  return list;
}

SomeRef enumerate_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef c = arg(a, 0);
  iter_annotation(cx, c);  // checks it is iterable
  return std::make_shared<SomeIterator>(c->is(SomeKind::Dict) ? iter_annotation(cx, c) : without_constant(c),
                                        IterVariant::Enumerate);
}

SomeRef reversed_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef c = arg(a, 0);
  if (!c->is(SomeKind::List) && !c->is_str() && !c->is(SomeKind::Bytes))
    throw AnnotatorFailure("reversed() of " + describe_for_user(c) + " is not supported (only lists and strings)");
  (void)cx;
  return std::make_shared<SomeIterator>(without_constant(c), IterVariant::Reversed);
}

SomeRef zip_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 8);
  std::vector<SomeRef> containers;
  for (const auto& c : a.positional) {
    iter_annotation(cx, c);
    containers.push_back(c->is(SomeKind::Dict) ? iter_annotation(cx, c) : without_constant(c));
  }
  return std::make_shared<SomeIterator>(std::make_shared<SomeTuple>(containers), IterVariant::Zip);
}

SomeRef min_max_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 16);
  SomeRef r = s_impossible();
  if (a.positional.size() == 1) {
    r = without_constant(items_of(cx, arg(a, 0)));
  } else {
    for (const auto& s : a.positional) r = union_of(r, without_constant(s));
  }
  if (!r->is_number() && !r->is_str() && !r->is(SomeKind::Impossible))  // impossible: items not known yet
    throw AnnotatorFailure(builtin_display_name(b) + "() of " + describe_for_user(r) + " is not supported");
  return r;
}

SomeRef abs_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  if (x->is(SomeKind::Float)) return s_float();
  if (x->is_integer()) {
    auto t = x->as<SomeInteger>().int_type();
    return t == IntType::Signed ? s_nonneg_int() : std::make_shared<SomeInteger>(true, t);
  }
  throw AnnotatorFailure("bad operand type for abs(): " + describe_for_user(x));
}

SomeRef int_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 2);
  if (a.positional.empty()) return const_int(0);
  SomeRef x = arg(a, 0);
  if (a.positional.size() == 2) {
    if (!x->is_str()) throw AnnotatorFailure("int() with a base needs a str, not " + describe_for_user(x));
    require_int(b, arg(a, 1), "base");
    return s_int();
  }
  if (x->is(SomeKind::Bool)) return s_nonneg_int();
  if (x->is_integer()) return x->as<SomeInteger>().is_unsigned() ? s_int() : without_constant(x);
  if (x->is(SomeKind::Float) || x->is_str()) {
    if (x->can_be_none()) throw AnnotatorFailure("int() of " + describe_for_user(x) + ", which may be None");
    return s_int();
  }
  if (x->is(SomeKind::Bytes)) throw AnnotatorFailure("int() of bytes: decode it first");
  throw AnnotatorFailure("int() of " + describe_for_user(x) + " is not supported");
}

SomeRef float_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return const_float(0.0);
  SomeRef x = arg(a, 0);
  if (x->is_number() || (x->is_str() && !x->can_be_none())) return s_float();
  throw AnnotatorFailure("float() of " + describe_for_user(x) + " is not supported");
}

SomeRef str_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return const_str("");
  return str_of(cx, arg(a, 0), false);
}

SomeRef repr_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return str_of(cx, arg(a, 0), true);
}

SomeRef bool_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return const_bool(false);
  SomeRef x = arg(a, 0);
  if (x->is(SomeKind::Bool)) return x;
  if (x->is_constant() && std::holds_alternative<int64_t>(*x->constant()))
    return const_bool(std::get<int64_t>(*x->constant()) != 0);
  (void)cx;
  return s_bool();
}

SomeRef chr_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require_int(b, arg(a, 0), "argument");
  return s_char();
}

SomeRef isinstance_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  // simple_call(isinstance, x, C): x is the operation's argument 1.
  const flow::Variable* v = cx.argc() >= 2 ? cx.variable(1) : nullptr;
  return isinstance_annotation(cx, arg(a, 0), v, arg(a, 1));
}

SomeRef type_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef x = arg(a, 0);
  if (!x->is(SomeKind::Instance))
    throw AnnotatorFailure("type() of " + describe_for_user(x) + " is not supported (only of instances)");
  std::vector<const flow::Variable*> of;
  if (cx.argc() >= 2 && cx.variable(1)) of.push_back(cx.variable(1));
  return std::make_shared<SomeType>(x->as<SomeInstance>().classdef, of);
}

SomeRef hash_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  if (arg(a, 0)->is(SomeKind::List) || arg(a, 0)->is(SomeKind::Dict))
    throw AnnotatorFailure("unhashable type: " + describe_for_user(arg(a, 0)));
  return s_int();
}

SomeRef id_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return s_int();
}

SomeRef print_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  only_keywords(b, a, {"sep", "end", "flush"});
  for (const auto& s : a.positional) str_of(cx, s, false);
  for (const char* k : {"sep", "end"}) {
    SomeRef v = keyword(a, k);
    if (v && !v->is_str() && !v->is(SomeKind::None))
      throw AnnotatorFailure(std::string("print() ") + k + " must be a str, not " + describe_for_user(v));
  }
  return s_none();
}

SomeRef divmod_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  SomeRef x = arg(a, 0), y = arg(a, 1);
  if (x->is_integer() && y->is_integer()) {
    bool ny = y->as<SomeInteger>().nonneg();
    bool nx = x->as<SomeInteger>().nonneg();
    return std::make_shared<SomeTuple>(std::vector<SomeRef>{nx && ny ? s_nonneg_int() : s_int(), ny ? s_nonneg_int() : s_int()});
  }
  if (x->is_number() && y->is_number())
    return std::make_shared<SomeTuple>(std::vector<SomeRef>{s_float(), s_float()});
  throw AnnotatorFailure("unsupported operand types for divmod(): " + describe_for_user(x) + " and " + describe_for_user(y));
}

SomeRef round_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  SomeRef x = arg(a, 0);
  if (!x->is_number()) throw AnnotatorFailure("round() of " + describe_for_user(x));
  if (a.positional.size() == 2) {
    require_int(b, arg(a, 1), "ndigits");
    return x->is_integer() ? s_int() : s_float();
  }
  return s_int();
}

SomeRef list_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return cx.bk.new_list(s_impossible());
  return cx.bk.new_list(without_constant(items_of(cx, arg(a, 0))));
}

SomeRef dict_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return cx.bk.new_dict(s_impossible(), s_impossible());
  SomeRef d = arg(a, 0);
  if (!d->is(SomeKind::Dict)) throw AnnotatorFailure("dict() of " + describe_for_user(d) + " is not supported");
  DictDef* dd = d->as<SomeDict>().dictdef;
  return cx.bk.new_dict(dd->read_key(cx.position()), dd->read_value(cx.position()), dd->is_r_dict());
}

SomeRef tuple_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (a.positional.empty()) return std::make_shared<SomeTuple>(std::vector<SomeRef>{});
  if (arg(a, 0)->is(SomeKind::Tuple)) return arg(a, 0);
  throw AnnotatorFailure("tuple() of " + describe_for_user(arg(a, 0)) + ": the length of a tuple must be known");
}

SomeRef sorted_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  only_keywords(b, a, {"reverse"});
  expect_args(b, a, 1, 1);
  SomeRef item = without_constant(items_of(cx, arg(a, 0)));
  if (!item->is_number() && !item->is_str() && !item->is(SomeKind::Impossible))
    throw AnnotatorFailure("sorted() of items of type " + describe_for_user(item) +
                           " is not supported (use rpython.rlib.listsort.TimSort with lt())");
  return cx.bk.new_list(item);
}

SomeRef int_text_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require_int(b, arg(a, 0), "argument");
  return s_str();
}

SomeRef iter_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  return iter_annotation(cx, arg(a, 0));
}

SomeRef next_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  SomeRef r = next_annotation(cx, arg(a, 0));
  if (a.positional.size() == 2) r = union_of(r, arg(a, 1));
  return r;
}

SomeRef issubclass_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  return s_bool();
}

SomeRef any_all_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  items_of(cx, arg(a, 0));
  return s_bool();
}

SomeRef sum_fn(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  SomeRef item = without_constant(items_of(cx, arg(a, 0)));
  SomeRef start = a.positional.size() == 2 ? without_constant(arg(a, 1)) : s_nonneg_int();
  if (!item->is_number() && !item->is(SomeKind::Impossible))
    throw AnnotatorFailure("sum() of " + describe_for_user(item) + " is not supported");
  SomeRef r = union_of(item, start);
  if (r->is(SomeKind::Bool)) r = s_nonneg_int();
  if (r->is_integer() && !(item->is_integer() && item->as<SomeInteger>().nonneg())) r = s_int();
  return r;
}

}  // namespace

void add_builtin_functions(BuiltinTable& t) {
  t["len"] = len_fn;
  t["range"] = range_fn;
  t["enumerate"] = enumerate_fn;
  t["reversed"] = reversed_fn;
  t["zip"] = zip_fn;
  t["min"] = min_max_fn;
  t["max"] = min_max_fn;
  t["abs"] = abs_fn;
  t["int"] = int_fn;
  t["float"] = float_fn;
  t["str"] = str_fn;
  t["repr"] = repr_fn;
  t["bool"] = bool_fn;
  t["chr"] = chr_fn;
  t["isinstance"] = isinstance_fn;
  t["type"] = type_fn;
  t["hash"] = hash_fn;
  t["id"] = id_fn;
  t["print"] = print_fn;
  t["divmod"] = divmod_fn;
  t["round"] = round_fn;
  t["list"] = list_fn;
  t["dict"] = dict_fn;
  t["tuple"] = tuple_fn;
  t["sorted"] = sorted_fn;
  t["hex"] = int_text_fn;
  t["oct"] = int_text_fn;
  t["bin"] = int_text_fn;
  t["iter"] = iter_fn;
  t["next"] = next_fn;
  t["issubclass"] = issubclass_fn;
  t["any"] = any_all_fn;
  t["all"] = any_all_fn;
  t["sum"] = sum_fn;
}

}  // namespace rpp::annotator
