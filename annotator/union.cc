// The union rules of the lattice (see union.h for the list).
#include "annotator/union.h"

#include <algorithm>

#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"

namespace rpp::annotator {

namespace {

// Thrown internally by the side-effect-free mode when definitions would have to merge.
struct WouldMerge {};

class Unifier {
 public:
  explicit Unifier(bool may_merge) : may_merge_(may_merge) {}

  SomeRef unite(const SomeRef& a, const SomeRef& b) {
    if (a == b || *a == *b) return a;
    if (a->is(SomeKind::Impossible)) return b;
    if (b->is(SomeKind::Impossible)) return a;
    if (a->is(SomeKind::None) || b->is(SomeKind::None)) {
      const SomeRef& other = a->is(SomeKind::None) ? b : a;
      SomeRef r = noneified(other);
      if (!r) throw UnionError(a, b, "None cannot be mixed with " + kind_word(*other));
      return r;
    }
    if (a->is_number() && b->is_number()) return numbers(a, b);
    if (a->is_str() && b->is_str()) return strings(*a, *b);
    if (a->is(SomeKind::Type) && b->is(SomeKind::PBC)) return type_and_classes(a, b);
    if (b->is(SomeKind::Type) && a->is(SomeKind::PBC)) return type_and_classes(b, a);
    if (a->kind() != b->kind()) {
      if ((a->is_str() && b->is(SomeKind::Bytes)) || (b->is_str() && a->is(SomeKind::Bytes)))
        throw UnionError(a, b, "mixing str and bytes: encode or decode explicitly");
      throw UnionError(a, b);
    }
    switch (a->kind()) {
      case SomeKind::Bytes:
        return std::make_shared<SomeBytes>(a->can_be_none() || b->can_be_none());
      case SomeKind::List: return lists(a, b);
      case SomeKind::Dict: return dicts(a, b);
      case SomeKind::Tuple: return tuples(a, b);
      case SomeKind::Instance: return instances(a, b);
      case SomeKind::PBC: return pbcs(a, b);
      case SomeKind::Iterator: return iterators(a, b);
      case SomeKind::Builtin: return builtins(a, b);
      case SomeKind::Type: return types(a, b);
      case SomeKind::Builder:
        if (a->as<SomeBuilder>().bytes != b->as<SomeBuilder>().bytes)
          throw UnionError(a, b, "a str builder and a bytes builder");
        return std::make_shared<SomeBuilder>(a->as<SomeBuilder>().bytes, a->can_be_none() || b->can_be_none());
      default: throw UnionError(a, b);
    }
  }

 private:
  bool may_merge_;

  static std::string kind_word(const SomeValue& s) {
    switch (s.kind()) {
      case SomeKind::Bool: return "bool";
      case SomeKind::Integer: return "int";
      case SomeKind::Float: return "float";
      case SomeKind::Tuple: return "tuple";
      case SomeKind::Iterator: return "an iterator";
      case SomeKind::Builtin: return "a builtin function";
      case SomeKind::Type: return "a type";
      default: return s.repr();
    }
  }

  static SomeRef numbers(const SomeRef& a, const SomeRef& b) {
    if (a->is(SomeKind::Float) || b->is(SomeKind::Float)) return s_float();
    // Two bools with different constants (equal ones were caught by ==): a plain bool.
    if (a->is(SomeKind::Bool) && b->is(SomeKind::Bool)) return s_bool();
    return union_integers(a, b);
  }

  static SomeRef strings(const SomeValue& a, const SomeValue& b) {
    if (a.is(SomeKind::Char) && b.is(SomeKind::Char)) return s_char();
    return std::make_shared<SomeStr>(a.can_be_none() || b.can_be_none());
  }

  SomeRef lists(const SomeRef& a, const SomeRef& b) {
    const auto& la = a->as<SomeList>();
    const auto& lb = b->as<SomeList>();
    if (!la.listdef->same_as(*lb.listdef)) {
      if (!may_merge_) throw WouldMerge{};
      la.listdef->merge(*lb.listdef);
    }
    return std::make_shared<SomeList>(la.listdef, la.can_be_none() || lb.can_be_none());
  }

  SomeRef dicts(const SomeRef& a, const SomeRef& b) {
    const auto& da = a->as<SomeDict>();
    const auto& db = b->as<SomeDict>();
    if (da.dictdef->is_r_dict() != db.dictdef->is_r_dict())
      throw UnionError(a, b, "an r_dict cannot be mixed with a plain dict");
    if (!da.dictdef->same_as(*db.dictdef)) {
      if (!may_merge_) throw WouldMerge{};
      da.dictdef->merge(*db.dictdef);
    }
    return std::make_shared<SomeDict>(da.dictdef, da.can_be_none() || db.can_be_none());
  }

  SomeRef tuples(const SomeRef& a, const SomeRef& b) {
    const auto& ta = a->as<SomeTuple>();
    const auto& tb = b->as<SomeTuple>();
    if (ta.items.size() != tb.items.size())
      throw UnionError(a, b,
                       "tuples of different lengths (" + std::to_string(ta.items.size()) +
                           " and " + std::to_string(tb.items.size()) + ")");
    std::vector<SomeRef> items;
    for (size_t i = 0; i < ta.items.size(); ++i) items.push_back(unite(ta.items[i], tb.items[i]));
    return std::make_shared<SomeTuple>(std::move(items));
  }

  static SomeRef instances(const SomeRef& a, const SomeRef& b) {
    const auto& ia = a->as<SomeInstance>();
    const auto& ib = b->as<SomeInstance>();
    const ClassDef* base = ia.classdef->commonbase(ib.classdef);
    if (!base) throw UnionError(a, b, "instances of classes with no common base class");
    InstanceFlags flags;
    flags.access_directly = ia.flags.access_directly && ib.flags.access_directly;
    flags.fresh_virtualizable = ia.flags.fresh_virtualizable && ib.flags.fresh_virtualizable;
    return std::make_shared<SomeInstance>(base, ia.can_be_none() || ib.can_be_none(), flags);
  }

  static SomeRef pbcs(const SomeRef& a, const SomeRef& b) {
    const auto& pa = a->as<SomePBC>();
    const auto& pb = b->as<SomePBC>();
    if (!pa.descs().empty() && !pb.descs().empty() &&
        pa.descs()[0]->kind != pb.descs()[0]->kind)
      throw UnionError(a, b, "prebuilt constants of different kinds cannot be mixed");
    std::vector<const Desc*> all = pa.descs();
    all.insert(all.end(), pb.descs().begin(), pb.descs().end());
    return std::make_shared<SomePBC>(std::move(all), pa.can_be_none() || pb.can_be_none());
  }

  SomeRef iterators(const SomeRef& a, const SomeRef& b) {
    const auto& ia = a->as<SomeIterator>();
    const auto& ib = b->as<SomeIterator>();
    if (ia.variant != ib.variant) throw UnionError(a, b, "iterators of different kinds");
    return std::make_shared<SomeIterator>(unite(ia.container, ib.container), ia.variant);
  }

  SomeRef builtins(const SomeRef& a, const SomeRef& b) {
    const auto& ba = a->as<SomeBuiltin>();
    const auto& bb = b->as<SomeBuiltin>();
    if (ba.name != bb.name || (ba.receiver == nullptr) != (bb.receiver == nullptr))
      throw UnionError(a, b, "different builtin functions cannot be mixed");
    if (!ba.receiver) return a;
    return std::make_shared<SomeBuiltin>(ba.name, unite(ba.receiver, bb.receiver));
  }

  // A class known at run time meets constant classes (an exception's class on different paths).
  static SomeRef type_and_classes(const SomeRef& t, const SomeRef& classes) {
    const auto& pbc = classes->as<SomePBC>();
    const ClassDef* base = t->as<SomeType>().base;
    for (const Desc* d : pbc.descs()) {
      const ClassDef* c = d->kind == DescKind::Class ? d->as<ClassDesc>().classdef : nullptr;
      if (!c) throw UnionError(t, classes);
      base = base ? base->commonbase(c) : nullptr;
      if (!base) throw UnionError(t, classes, "classes with no common base class");
    }
    return std::make_shared<SomeType>(base, std::vector<const flow::Variable*>{},
                                      t->can_be_none() || pbc.can_be_none());
  }

  static SomeRef types(const SomeRef& a, const SomeRef& b) {
    const auto& ta = a->as<SomeType>();
    const auto& tb = b->as<SomeType>();
    const ClassDef* base = nullptr;
    if (ta.base && tb.base) base = ta.base->commonbase(tb.base);
    std::vector<const flow::Variable*> vars = ta.is_type_of;
    for (auto* v : tb.is_type_of)
      if (std::find(vars.begin(), vars.end(), v) == vars.end()) vars.push_back(v);
    auto r = std::make_shared<SomeType>(base, std::move(vars), a->can_be_none() || b->can_be_none());
    if (a->is_constant() && b->is_constant() &&
        flow::const_value_equal(*a->constant(), *b->constant()))
      r->set_constant(*a->constant());
    return r;
  }
};

}  // namespace

UnionError::UnionError(SomeRef a, SomeRef b, std::string why)
    : AnnotatorFailure("no common type for " + a->repr() + " and " + b->repr() +
                       (why.empty() ? "" : ": " + why)),
      first(std::move(a)),
      second(std::move(b)),
      reason(std::move(why)) {}

SomeRef union_integers(const SomeRef& a, const SomeRef& b) {
  const auto& ia = a->as<SomeInteger>();
  const auto& ib = b->as<SomeInteger>();
  IntType type;
  if (ia.is_unsigned() == ib.is_unsigned()) {
    // Same signedness: the longer type wins (int is the shortest).
    if (ia.int_type() == ib.int_type() || ib.int_type() == IntType::Signed)
      type = ia.int_type();
    else if (ia.int_type() == IntType::Signed)
      type = ib.int_type();
    else
      type = ia.is_unsigned() ? IntType::UnsignedLongLong : IntType::SignedLongLong;
  } else {
    // Unsigned meets signed: allowed only when the signed one is a plain non-negative int.
    const SomeInteger& signed_side = ia.is_unsigned() ? ib : ia;
    const SomeInteger& unsigned_side = ia.is_unsigned() ? ia : ib;
    if (signed_side.int_type() != IntType::Signed)
      throw UnionError(without_constant(a), without_constant(b),
                       "signed and unsigned integers of different sizes");
    if (!signed_side.nonneg())
      throw UnionError(without_constant(a), without_constant(b),
                       "cannot prove that these integers have the same signedness "
                       "(use r_uint() or intmask())");
    type = unsigned_side.int_type();
  }
  bool nonneg = ia.nonneg() && ib.nonneg();
  bool from_bool = a->is(SomeKind::Bool) || b->is(SomeKind::Bool) || (a->is(SomeKind::Integer) && ia.from_bool) ||
                   (b->is(SomeKind::Integer) && ib.from_bool);
  if (type == IntType::Signed && !from_bool) return nonneg ? s_nonneg_int() : s_int();
  auto r = std::make_shared<SomeInteger>(nonneg, type);
  r->from_bool = from_bool;
  return r;
}

SomeRef union_of(const SomeRef& a, const SomeRef& b) {
  Unifier u(true);
  return u.unite(a, b);
}

bool contains(const SomeRef& a, const SomeRef& b) {
  if (a == b || *a == *b) return true;
  try {
    Unifier u(false);
    SomeRef r = u.unite(a, b);
    return *r == *a;
  } catch (const UnionError&) {
    return false;
  } catch (const WouldMerge&) {
    return false;
  }
}

bool can_union(const SomeRef& a, const SomeRef& b) {
  try {
    Unifier u(false);
    u.unite(a, b);
    return true;
  } catch (const UnionError&) {
    return false;
  } catch (const WouldMerge&) {
    return true;
  }
}

SomeRef intersection(const SomeRef& a, const SomeRef& b) {
  if (a->is(SomeKind::Impossible) || b->is(SomeKind::Impossible)) return s_impossible();
  if (a->is(SomeKind::Instance) && b->is(SomeKind::Instance)) {
    const auto& ia = a->as<SomeInstance>();
    const auto& ib = b->as<SomeInstance>();
    bool nullable = ia.can_be_none() && ib.can_be_none();
    InstanceFlags flags = ia.flags;
    if (ia.classdef->issubclass(ib.classdef))
      return std::make_shared<SomeInstance>(ia.classdef, nullable, flags);
    if (ib.classdef->issubclass(ia.classdef))
      return std::make_shared<SomeInstance>(ib.classdef, nullable, flags);
    return nullable ? s_none() : s_impossible();
  }
  if (b->is(SomeKind::None)) return a->can_be_none() ? s_none() : s_impossible();
  if (contains(b, a)) return a;
  if (contains(a, b)) return b;
  if (a->is_integer() && b->is_integer()) {
    // Narrowing an int by a non-negative constraint (assert n >= 0).
    const auto& ia = a->as<SomeInteger>();
    const auto& ib = b->as<SomeInteger>();
    if (ia.int_type() == ib.int_type() && !a->is(SomeKind::Bool)) {
      if (a->is_constant()) return a;
      return std::make_shared<SomeInteger>(ia.nonneg() || ib.nonneg(), ia.int_type());
    }
  }
  return a;  // an over-approximation: keep what is known
}

}  // namespace rpp::annotator
