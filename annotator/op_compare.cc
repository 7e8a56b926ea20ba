// Rules of comparisons and of the conditions that narrow types: `< <= == != > >=`, `is`,
// `isinstance`, `type(x)`, `bool(x)`. Their bool results carry knowntypedata — what the condition
// says about the variables of the block when it is true or false — which the annotator applies
// on the links leaving the block: `isinstance(x, C)` makes x a C, `x is None` / `x is not None`,
// `type(x) is C`, `if x:` on something nullable, and `n >= 0` (as in `assert n >= 0`) makes n
// non-negative.
#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "annotator/op_rules.h"
#include "annotator/python_objects.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

enum class Cmp { Lt, Le, Eq, Ne, Gt, Ge };

const char* symbol(Cmp c) {
  switch (c) {
    case Cmp::Lt: return "<";
    case Cmp::Le: return "<=";
    case Cmp::Eq: return "==";
    case Cmp::Ne: return "!=";
    case Cmp::Gt: return ">";
    case Cmp::Ge: return ">=";
  }
  return "?";
}

// x CMP y  <=>  y MIRROR(CMP) x
Cmp mirror(Cmp c) {
  switch (c) {
    case Cmp::Lt: return Cmp::Gt;
    case Cmp::Le: return Cmp::Ge;
    case Cmp::Gt: return Cmp::Lt;
    case Cmp::Ge: return Cmp::Le;
    default: return c;
  }
}

template <class T>
bool compare(Cmp c, const T& a, const T& b) {
  switch (c) {
    case Cmp::Lt: return a < b;
    case Cmp::Le: return a <= b;
    case Cmp::Eq: return a == b;
    case Cmp::Ne: return a != b;
    case Cmp::Gt: return a > b;
    case Cmp::Ge: return a >= b;
  }
  return false;
}

std::optional<int64_t> const_int_of(const SomeRef& s) {
  if (!s->is_constant()) return std::nullopt;
  const auto& c = *s->constant();
  if (std::holds_alternative<int64_t>(c)) return std::get<int64_t>(c);
  if (std::holds_alternative<bool>(c)) return std::get<bool>(c) ? 1 : 0;
  return std::nullopt;
}

std::shared_ptr<SomeBool> new_bool() { return std::make_shared<SomeBool>(); }

// What `v CMP other` (v a variable int) says about v being non-negative.
void nonneg_knowledge(KnownTypeData& ktd, const flow::Variable* v, const SomeRef& sv, Cmp c,
                      const SomeRef& other) {
  if (!v || !sv->is(SomeKind::Integer) || sv->as<SomeInteger>().nonneg()) return;
  SomeRef narrowed = std::make_shared<SomeInteger>(true, sv->as<SomeInteger>().int_type());
  auto k = const_int_of(other);
  bool other_nonneg = other->is_integer() && other->as<SomeInteger>().nonneg();
  bool true_nonneg = false, false_nonneg = false;
  switch (c) {
    case Cmp::Ge: true_nonneg = k ? *k >= 0 : other_nonneg; break;      // v >= k
    case Cmp::Gt: true_nonneg = k ? *k >= -1 : other_nonneg; break;     // v > k
    case Cmp::Lt: false_nonneg = k && *k <= 0; break;                    // not (v < 0)
    case Cmp::Le: false_nonneg = k && *k <= -1; break;                   // not (v <= -1)
    case Cmp::Eq: true_nonneg = k ? *k >= 0 : other_nonneg; break;
    case Cmp::Ne: false_nonneg = k ? *k >= 0 : other_nonneg; break;
  }
  if (true_nonneg) ktd.when_true.emplace_back(v, narrowed);
  if (false_nonneg) ktd.when_false.emplace_back(v, narrowed);
}

bool comparable_numbers(const SomeRef& a, const SomeRef& b) { return a->is_number() && b->is_number(); }

SomeRef compare_rule(Cmp c, RuleContext& cx) {
  SomeRef a = cx.arg(0), b = cx.arg(1);
  auto result = new_bool();
  if (comparable_numbers(a, b)) {
    if (a->is_integer() && b->is_integer() && a->is_constant() && b->is_constant()) {
      auto x = const_int_of(a), y = const_int_of(b);
      if (x && y) return const_bool(compare(c, *x, *y));
    }
    auto ktd = std::make_shared<KnownTypeData>();
    nonneg_knowledge(*ktd, cx.variable(0), a, c, b);
    nonneg_knowledge(*ktd, cx.variable(1), b, mirror(c), a);
    if (!ktd->empty()) result->knowntypedata = ktd;
    return result;
  }
  if (a->is_str() && b->is_str()) {
    if (a->is_constant() && b->is_constant())
      return const_bool(compare(c, std::get<std::string>(*a->constant()),
                                std::get<std::string>(*b->constant())));
    if ((c != Cmp::Eq && c != Cmp::Ne) && (a->can_be_none() || b->can_be_none()))
      throw AnnotatorFailure(std::string("ordering comparison ") + symbol(c) +
                             " of strings that may be None");
    return result;
  }
  if (a->is(SomeKind::Bytes) && b->is(SomeKind::Bytes)) return result;
  if ((a->is_str() && b->is(SomeKind::Bytes)) || (a->is(SomeKind::Bytes) && b->is_str()))
    throw AnnotatorFailure(std::string("comparing str with bytes (") + symbol(c) +
                           ") is always unequal: mixing str and bytes; encode or decode explicitly");
  bool equality = c == Cmp::Eq || c == Cmp::Ne;
  if (equality) {
    if (a->is(SomeKind::None) || b->is(SomeKind::None)) {
      // x == None behaves as x is None.
      const SomeRef& other = a->is(SomeKind::None) ? b : a;
      if (!other->can_be_none()) return const_bool(c == Cmp::Ne);
      return result;
    }
    if (a->is(SomeKind::List) && b->is(SomeKind::List)) {
      a->as<SomeList>().listdef->agree(*b->as<SomeList>().listdef, cx.position());
      return result;
    }
    if (a->is(SomeKind::Tuple) && b->is(SomeKind::Tuple)) {
      union_of(a, b);
      return result;
    }
    if (a->is(SomeKind::Instance) && b->is(SomeKind::Instance)) return result;  // identity
    if (a->is(SomeKind::PBC) && b->is(SomeKind::PBC)) return result;
    if (a->is(SomeKind::Dict) && b->is(SomeKind::Dict)) {
      // By contents: both dicts agree on their key and value types (one repr, one ll_dict_eq).
      DictDef& da = *a->as<SomeDict>().dictdef;
      DictDef& db = *b->as<SomeDict>().dictdef;
      if (!da.same_as(db) && !da.is_r_dict() && !db.is_r_dict()) {
        SomeRef ka = da.read_key(cx.position()), kb = db.read_key(cx.position());
        SomeRef va = da.read_value(cx.position()), vb = db.read_value(cx.position());
        da.generalize_key(kb);
        db.generalize_key(ka);
        da.generalize_value(vb);
        db.generalize_value(va);
      }
      return result;
    }
    if (a->is(SomeKind::Type) || b->is(SomeKind::Type)) return result;
  } else if (a->is(SomeKind::Tuple) && b->is(SomeKind::Tuple)) {
    // Lexicographic (the rtyper checks that the items are orderable).
    union_of(a, b);
    return result;
  } else if (a->is(SomeKind::List) && b->is(SomeKind::List)) {
    a->as<SomeList>().listdef->agree(*b->as<SomeList>().listdef, cx.position());
    return result;
  }
  throw AnnotatorFailure(std::string("cannot compare ") + describe_for_user(a) + " " + symbol(c) +
                         " " + describe_for_user(b) +
                         (equality ? " (they are never equal: different types)" : ""));
}

template <Cmp C>
SomeRef cmp_rule(RuleContext& cx) {
  return compare_rule(C, cx);
}

bool is_value_type(const SomeRef& s) {
  return s->is_integer() || s->is(SomeKind::Float) || s->is_str() || s->is(SomeKind::Bytes);
}

// `a is b`.
SomeRef is_rule(RuleContext& cx) {
  SomeRef a = cx.arg(0), b = cx.arg(1);
  auto result = new_bool();
  if (a->is(SomeKind::None) && b->is(SomeKind::None)) return const_bool(true);
  if (a->is(SomeKind::None) || b->is(SomeKind::None)) {
    bool a_none = a->is(SomeKind::None);
    const SomeRef& other = a_none ? b : a;
    const flow::Variable* v = cx.variable(a_none ? 1 : 0);
    if (!other->can_be_none()) return const_bool(false);
    if (v) {
      auto ktd = std::make_shared<KnownTypeData>();
      ktd->when_true.emplace_back(v, s_none());
      ktd->when_false.emplace_back(v, nonnoneified(other));
      result->knowntypedata = ktd;
    }
    return result;
  }
  if (a->is(SomeKind::Bool) && b->is(SomeKind::Bool)) return result;
  if (is_value_type(a) || is_value_type(b))
    throw AnnotatorFailure("`is` between " + describe_for_user(a) + " and " + describe_for_user(b) +
                           " is not RPython: use == (identity of ints, floats and strings is not "
                           "defined)");
  // type(x) is C
  if (a->is(SomeKind::Type) || b->is(SomeKind::Type)) {
    const SomeRef& t = a->is(SomeKind::Type) ? a : b;
    const SomeRef& c = a->is(SomeKind::Type) ? b : a;
    if (c->is(SomeKind::PBC) && c->is_constant() && c->as<SomePBC>().descs()[0]->kind == DescKind::Class) {
      ClassDef* cls = cx.bk.classdef_for(const_cast<ClassDesc*>(&c->as<SomePBC>().descs()[0]->as<ClassDesc>()));
      const auto& st = t->as<SomeType>();
      if (st.base && !cls->issubclass(st.base)) return const_bool(false);
      auto ktd = std::make_shared<KnownTypeData>();
      for (const flow::Variable* v : st.is_type_of) ktd->when_true.emplace_back(v, std::make_shared<SomeInstance>(cls));
      if (!ktd->empty()) result->knowntypedata = ktd;
    }
    return result;
  }
  if (a->is(SomeKind::PBC) && b->is(SomeKind::PBC)) {
    bool common = false;
    for (const Desc* d : a->as<SomePBC>().descs())
      if (b->as<SomePBC>().contains_desc(d)) common = true;
    if (!common) return const_bool(false);
    if (a->is_constant() && b->is_constant()) return const_bool(true);
  }
  return result;
}

// isinstance(x, classes): classes is a class, a builtin type, or a tuple of those.
struct TypeTest {
  std::vector<ClassDef*> classes;
  std::vector<std::string> builtin_types;  // int, float, str, bytes, list, dict, tuple, bool
};

void collect_type_test(RuleContext& cx, const SomeRef& s, TypeTest& out) {
  if (s->is(SomeKind::Tuple)) {
    for (const auto& i : s->as<SomeTuple>().items) collect_type_test(cx, i, out);
    return;
  }
  if (s->is(SomeKind::PBC)) {
    for (const Desc* d : s->as<SomePBC>().descs()) {
      if (d->kind != DescKind::Class)
        throw AnnotatorFailure("isinstance() needs classes, not " + describe_for_user(s));
      out.classes.push_back(cx.bk.classdef_for(const_cast<ClassDesc*>(&d->as<ClassDesc>())));
    }
    if (!s->is_constant()) throw AnnotatorFailure("isinstance() needs constant classes, not " + describe_for_user(s));
    return;
  }
  if (s->is(SomeKind::Builtin) && !s->as<SomeBuiltin>().receiver) {
    const std::string& n = s->as<SomeBuiltin>().name;
    if (n == "int" || n == "float" || n == "str" || n == "bytes" || n == "list" || n == "dict" ||
        n == "tuple" || n == "bool" || n == "object") {
      out.builtin_types.push_back(n);
      return;
    }
  }
  throw AnnotatorFailure("isinstance() needs a class or a tuple of classes, not " + describe_for_user(s));
}

// Whether a value of annotation s is always / never an instance of the builtin type t.
std::optional<bool> builtin_type_match(const SomeRef& s, const std::string& t) {
  if (t == "object") return true;
  switch (s->kind()) {
    case SomeKind::Bool: return t == "bool" || t == "int";
    case SomeKind::Integer: return t == "int";
    case SomeKind::Float: return t == "float";
    case SomeKind::Char:
    case SomeKind::Str: return t == "str";
    case SomeKind::Bytes: return t == "bytes";
    case SomeKind::List: return t == "list";
    case SomeKind::Dict: return t == "dict";
    case SomeKind::Tuple: return t == "tuple";
    default: return false;
  }
}

SomeRef isinstance_of(RuleContext& cx, const SomeRef& x, const flow::Variable* v, const SomeRef& classes) {
  TypeTest test;
  collect_type_test(cx, classes, test);
  if (x->is(SomeKind::None)) return const_bool(false);
  if (x->is(SomeKind::Instance)) {
    const auto& inst = x->as<SomeInstance>();
    bool always = false, possible = false;
    SomeRef narrowed = s_impossible();
    for (ClassDef* c : test.classes) {
      if (inst.classdef->issubclass(c)) {
        always = true;
        possible = true;
        narrowed = union_of(narrowed, std::make_shared<SomeInstance>(inst.classdef, false, inst.flags));
      } else if (c->issubclass(inst.classdef)) {
        possible = true;
        narrowed = union_of(narrowed, std::make_shared<SomeInstance>(c, false, inst.flags));
      }
    }
    for (const auto& t : test.builtin_types)
      if (t == "object") always = possible = true;
    if (!possible) return const_bool(false);
    if (always && !inst.can_be_none()) return const_bool(true);
    auto result = new_bool();
    if (v) {
      auto ktd = std::make_shared<KnownTypeData>();
      if (!narrowed->is(SomeKind::Impossible)) ktd->when_true.emplace_back(v, narrowed);
      if (always) ktd->when_false.emplace_back(v, s_none());
      result->knowntypedata = ktd;
    }
    return result;
  }
  // Builtin values: the answer is known from the annotation.
  bool any = false;
  for (const auto& t : test.builtin_types)
    if (auto m = builtin_type_match(x, t); m && *m) any = true;
  if (any && !x->can_be_none()) return const_bool(true);
  if (any) {
    auto result = new_bool();
    if (v) {
      auto ktd = std::make_shared<KnownTypeData>();
      ktd->when_true.emplace_back(v, nonnoneified(x));
      ktd->when_false.emplace_back(v, s_none());
      result->knowntypedata = ktd;
    }
    return result;
  }
  return const_bool(false);
}

SomeRef isinstance_rule(RuleContext& cx) { return isinstance_of(cx, cx.arg(0), cx.variable(0), cx.arg(1)); }

SomeRef issubtype_rule(RuleContext& cx) {
  SomeRef t = cx.arg(0);
  TypeTest test;
  collect_type_test(cx, cx.arg(1), test);
  if (t->is(SomeKind::Type) && !test.classes.empty()) {
    // `except C:` — issubtype(etype, C): narrows the type and the values it is the type of.
    const auto& st = t->as<SomeType>();
    bool always = st.base != nullptr, possible = false;
    SomeRef narrowed_values = s_impossible();
    const ClassDef* narrowed_base = nullptr;
    for (ClassDef* c : test.classes) {
      if (st.base && st.base->issubclass(c)) {
        possible = true;
        narrowed_values = union_of(narrowed_values, std::make_shared<SomeInstance>(st.base));
        narrowed_base = narrowed_base ? narrowed_base->commonbase(st.base) : st.base;
        continue;
      }
      if (!st.base || c->issubclass(st.base)) {
        possible = true;
        narrowed_values = union_of(narrowed_values, std::make_shared<SomeInstance>(c));
        narrowed_base = narrowed_base ? narrowed_base->commonbase(c) : c;
      }
    }
    if (st.base) {
      always = false;
      for (ClassDef* c : test.classes)
        if (st.base->issubclass(c)) always = true;
    }
    if (!possible) return const_bool(false);
    if (always) return const_bool(true);
    auto result = new_bool();
    auto ktd = std::make_shared<KnownTypeData>();
    if (const flow::Variable* v = cx.variable(0))
      ktd->when_true.emplace_back(v, std::make_shared<SomeType>(narrowed_base, st.is_type_of));
    for (const flow::Variable* of : st.is_type_of) ktd->when_true.emplace_back(of, narrowed_values);
    result->knowntypedata = ktd;
    return result;
  }
  if (t->is(SomeKind::PBC) && t->is_constant() && t->as<SomePBC>().descs()[0]->kind == DescKind::Class) {
    ClassDef* cls = cx.bk.classdef_for(const_cast<ClassDesc*>(&t->as<SomePBC>().descs()[0]->as<ClassDesc>()));
    for (ClassDef* c : test.classes)
      if (cls->issubclass(c)) return const_bool(true);
    return const_bool(false);
  }
  return s_bool();
}

SomeRef type_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::Instance)) {
    std::vector<const flow::Variable*> of;
    if (cx.variable(0)) of.push_back(cx.variable(0));
    return std::make_shared<SomeType>(x->as<SomeInstance>().classdef, of);
  }
  throw AnnotatorFailure("type() of " + describe_for_user(x) +
                         " is not supported (only of instances of user classes)");
}

// Whether instances of cls (or subclasses) may be false: a __bool__ or __len__ somewhere.
bool may_be_false_instance(RuleContext& cx, const ClassDef* cls) {
  for (const ClassDef* c : cls->all_subclasses())
    for (const ClassDef* m : c->mro())
      if (m->desc && (m->desc->members.count("__bool__") || m->desc->members.count("__len__")))
        return true;
  (void)cx;
  return false;
}

SomeRef bool_rule(RuleContext& cx) {
  SomeRef x = cx.arg(0);
  if (x->is(SomeKind::Bool)) return x;  // keeps what a condition knows
  if (x->is_constant()) {
    const auto& c = *x->constant();
    if (std::holds_alternative<int64_t>(c)) return const_bool(std::get<int64_t>(c) != 0);
    if (std::holds_alternative<uint64_t>(c)) return const_bool(std::get<uint64_t>(c) != 0);
    if (std::holds_alternative<double>(c)) return const_bool(std::get<double>(c) != 0.0);
    if (std::holds_alternative<std::string>(c)) return const_bool(!std::get<std::string>(c).empty());
    if (std::holds_alternative<flow::NoneValue>(c)) return const_bool(false);
    if (x->is(SomeKind::PBC)) return const_bool(true);
  }
  if (x->is(SomeKind::None)) return const_bool(false);
  if (x->is(SomeKind::Tuple)) return const_bool(!x->as<SomeTuple>().items.empty());
  if (x->is(SomeKind::PBC)) {
    auto result = new_bool();
    if (const flow::Variable* v = cx.variable(0)) {
      auto ktd = std::make_shared<KnownTypeData>();
      ktd->when_true.emplace_back(v, nonnoneified(x));
      ktd->when_false.emplace_back(v, s_none());
      result->knowntypedata = ktd;
    }
    return result;
  }
  if (x->is(SomeKind::Instance)) {
    const auto& inst = x->as<SomeInstance>();
    if (may_be_false_instance(cx, inst.classdef))
      throw AnnotatorFailure("truth value of an instance of " + inst.classdef->name +
                             ", whose class defines __bool__ or __len__, is not supported: call it "
                             "explicitly");
    if (!inst.can_be_none()) return const_bool(true);
    auto result = new_bool();
    if (const flow::Variable* v = cx.variable(0)) {
      auto ktd = std::make_shared<KnownTypeData>();
      ktd->when_true.emplace_back(v, nonnoneified(x));
      ktd->when_false.emplace_back(v, s_none());
      result->knowntypedata = ktd;
    }
    return result;
  }
  if (x->is_number() || x->is_str() || x->is(SomeKind::Bytes) || x->is(SomeKind::List) ||
      x->is(SomeKind::Dict)) {
    auto result = new_bool();
    if (x->can_be_none()) {
      if (const flow::Variable* v = cx.variable(0)) {
        auto ktd = std::make_shared<KnownTypeData>();
        ktd->when_true.emplace_back(v, nonnoneified(x));
        result->knowntypedata = ktd;
      }
    }
    return result;
  }
  throw AnnotatorFailure("truth value of " + describe_for_user(x) + " is not supported");
}

}  // namespace

// Exposed for the builtin isinstance() call.
SomeRef isinstance_annotation(RuleContext& cx, const SomeRef& x, const flow::Variable* v,
                              const SomeRef& classes) {
  return isinstance_of(cx, x, v, classes);
}

void add_comparison_rules(RuleTable& t) {
  t["lt"] = cmp_rule<Cmp::Lt>;
  t["le"] = cmp_rule<Cmp::Le>;
  t["eq"] = cmp_rule<Cmp::Eq>;
  t["ne"] = cmp_rule<Cmp::Ne>;
  t["gt"] = cmp_rule<Cmp::Gt>;
  t["ge"] = cmp_rule<Cmp::Ge>;
  t["is_"] = is_rule;
  t["isinstance"] = isinstance_rule;
  t["issubtype"] = issubtype_rule;
  t["type"] = type_rule;
  t["bool"] = bool_rule;
}

}  // namespace rpp::annotator
