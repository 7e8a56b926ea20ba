// Equality, printing and small constructors of the annotation lattice.
#include "annotator/some_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "annotator/classdef.h"
#include "annotator/description.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"

namespace rpp::annotator {

bool SomeValue::operator==(const SomeValue& other) const {
  if (this == &other) return true;
  if (kind_ != other.kind_) return false;
  if (constant_.has_value() != other.constant_.has_value()) return false;
  if (constant_ && !flow::const_value_equal(*constant_, *other.constant_)) return false;
  return same_fields(other);
}

bool same_annotation(const SomeRef& a, const SomeRef& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  return *a == *b;
}

std::string SomeValue::const_suffix() const {
  if (!constant_) return "";
  return " = " + const_repr(*constant_);
}

bool int_type_unsigned(IntType t) {
  return t == IntType::Unsigned || t == IntType::UnsignedLongLong;
}

const char* int_type_name(IntType t) {
  switch (t) {
    case IntType::Signed: return "int";
    case IntType::Unsigned: return "r_uint";
    case IntType::SignedLongLong: return "r_longlong";
    case IntType::UnsignedLongLong: return "r_ulonglong";
  }
  return "?";
}

std::string SomeInteger::repr() const {
  std::string base = int_type_name(type_);
  if (is_constant()) return base + const_suffix();
  std::string s = nonneg_ && !is_unsigned() ? "nonneg " + base : base;
  return from_bool ? s + " (or bool)" : s;
}

bool SomeInteger::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeInteger>();
  return type_ == o.type_ && nonneg_ == o.nonneg_ && from_bool == o.from_bool;
}

std::string SomeBool::repr() const { return "bool" + const_suffix(); }

std::string SomeStr::repr() const {
  return "str" + const_suffix() + (nullable_ ? " or None" : "");
}

bool SomeStr::same_fields(const SomeValue& other) const {
  return nullable_ == other.as<SomeStr>().nullable_;
}

std::string SomeBytes::repr() const {
  return "bytes" + const_suffix() + (nullable_ ? " or None" : "");
}

bool SomeBytes::same_fields(const SomeValue& other) const {
  return nullable_ == other.as<SomeBytes>().nullable_;
}

std::string SomeList::repr() const {
  return listdef->repr() + (nullable_ ? " or None" : "");
}

bool SomeList::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeList>();
  return nullable_ == o.nullable_ && listdef->same_as(*o.listdef);
}

std::string SomeDict::repr() const {
  return dictdef->repr() + (nullable_ ? " or None" : "");
}

bool SomeDict::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeDict>();
  return nullable_ == o.nullable_ && dictdef->same_as(*o.dictdef);
}

bool SomeTuple::all_items_constant() const {
  for (const auto& i : items)
    if (!i->is_constant()) return false;
  return true;
}

std::string SomeTuple::repr() const { return repr_nested(0); }

std::string SomeTuple::repr_nested(int depth) const {
  if (depth >= 3) return "tuple(...)";
  std::string s = "tuple(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ", ";
    s += items[i]->is(SomeKind::Tuple) ? items[i]->as<SomeTuple>().repr_nested(depth + 1) : items[i]->repr();
  }
  return s + ")";
}

bool SomeTuple::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeTuple>();
  if (items.size() != o.items.size()) return false;
  for (size_t i = 0; i < items.size(); ++i)
    if (!(*items[i] == *o.items[i])) return false;
  return true;
}

std::string SomeInstance::repr() const {
  std::string s = classdef ? classdef->name : "object";
  if (flags.access_directly) s += " (access_directly)";
  if (flags.fresh_virtualizable) s += " (fresh_virtualizable)";
  return s + (nullable_ ? " or None" : "");
}

bool SomeInstance::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeInstance>();
  return classdef == o.classdef && nullable_ == o.nullable_ && flags == o.flags;
}

SomePBC::SomePBC(std::vector<const Desc*> descs, bool can_be_none)
    : SomeValue(SomeKind::PBC), descs_(std::move(descs)), nullable_(can_be_none) {
  std::sort(descs_.begin(), descs_.end(),
            [](const Desc* a, const Desc* b) { return a->serial < b->serial; });
  descs_.erase(std::unique(descs_.begin(), descs_.end()), descs_.end());
  if (descs_.size() == 1 && !nullable_ && descs_[0]->pyobj) set_constant(*descs_[0]->pyobj);
}

bool SomePBC::contains_desc(const Desc* d) const {
  return std::find(descs_.begin(), descs_.end(), d) != descs_.end();
}

std::string SomePBC::repr() const {
  std::string s;
  if (descs_.empty()) {
    s = "nothing";
  } else if (descs_.size() == 1) {
    s = std::string(desc_kind_name(descs_[0]->kind, false)) + " " + descs_[0]->name;
  } else {
    s = std::string(desc_kind_name(descs_[0]->kind, true)) + " {";
    for (size_t i = 0; i < descs_.size(); ++i) {
      if (i) s += ", ";
      s += descs_[i]->name;
    }
    s += "}";
  }
  return s + (nullable_ ? " or None" : "");
}

bool SomePBC::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomePBC>();
  return nullable_ == o.nullable_ && descs_ == o.descs_;
}

const char* iter_variant_name(IterVariant v) {
  switch (v) {
    case IterVariant::Plain: return "iterator";
    case IterVariant::Keys: return "keys iterator";
    case IterVariant::Values: return "values iterator";
    case IterVariant::Items: return "items iterator";
    case IterVariant::Enumerate: return "enumerate iterator";
    case IterVariant::Reversed: return "reversed iterator";
    case IterVariant::Zip: return "zip iterator";
  }
  return "?";
}

std::string SomeIterator::repr() const {
  return std::string(iter_variant_name(variant)) + " over " + container->repr();
}

bool SomeIterator::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeIterator>();
  return variant == o.variant && *container == *o.container;
}

std::string SomeBuiltin::repr() const {
  if (receiver) return "builtin method " + name + " of " + receiver->repr();
  return "builtin " + name;
}

bool SomeBuiltin::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeBuiltin>();
  return name == o.name && same_annotation(receiver, o.receiver);
}

std::string SomeType::repr() const {
  std::string none = nullable_ ? " or None" : "";
  if (base) return "type (subclass of " + base->name + ")" + none;
  return "type" + none;
}

bool SomeType::same_fields(const SomeValue& other) const {
  const auto& o = other.as<SomeType>();
  return base == o.base && is_type_of == o.is_type_of && nullable_ == o.nullable_;
}

const char* desc_kind_name(DescKind kind, bool plural) {
  switch (kind) {
    case DescKind::Function: return plural ? "functions" : "function";
    case DescKind::Class: return plural ? "classes" : "class";
    case DescKind::Method: return plural ? "methods" : "method";
    case DescKind::Frozen: return plural ? "frozen objects" : "frozen";
    case DescKind::MethodOfFrozen: return plural ? "methods of frozen objects" : "method of frozen";
  }
  return "?";
}

// ---- shared annotations and constructors ----

SomeRef s_impossible() {
  static const SomeRef s = std::make_shared<SomeImpossible>();
  return s;
}
SomeRef s_none() {
  static const SomeRef s = std::make_shared<SomeNone>();
  return s;
}
SomeRef s_bool() {
  static const SomeRef s = std::make_shared<SomeBool>();
  return s;
}
SomeRef s_int() {
  static const SomeRef s = std::make_shared<SomeInteger>();
  return s;
}
SomeRef s_nonneg_int() {
  static const SomeRef s = std::make_shared<SomeInteger>(true);
  return s;
}
SomeRef s_float() {
  static const SomeRef s = std::make_shared<SomeFloat>();
  return s;
}
SomeRef s_str() {
  static const SomeRef s = std::make_shared<SomeStr>();
  return s;
}
SomeRef s_char() {
  static const SomeRef s = std::make_shared<SomeChar>();
  return s;
}
SomeRef s_bytes() {
  static const SomeRef s = std::make_shared<SomeBytes>();
  return s;
}

SomeRef const_bool(bool b) {
  auto s = std::make_shared<SomeBool>();
  s->set_constant(b);
  return s;
}

SomeRef const_int(int64_t v) {
  auto s = std::make_shared<SomeInteger>(v >= 0);
  s->set_constant(v);
  return s;
}

SomeRef const_float(double v) {
  auto s = std::make_shared<SomeFloat>();
  s->set_constant(v);
  return s;
}

SomeRef const_str(std::string utf8) {
  std::shared_ptr<SomeValue> s;
  if (utf8_length(utf8) == 1)
    s = std::make_shared<SomeChar>();
  else
    s = std::make_shared<SomeStr>();
  s->set_constant(std::move(utf8));
  return s;
}

SomeRef const_bytes(std::string data) {
  auto s = std::make_shared<SomeBytes>();
  s->set_constant(flow::Bytes{std::move(data)});
  return s;
}

SomeRef without_constant(const SomeRef& s) {
  switch (s->kind()) {
    case SomeKind::Bool:
      if (!s->is_constant() && !s->as<SomeBool>().knowntypedata) return s;
      return s_bool();
    case SomeKind::Integer: {
      if (!s->is_constant()) return s;
      auto i = std::make_shared<SomeInteger>(s->as<SomeInteger>().nonneg(), s->as<SomeInteger>().int_type());
      i->from_bool = s->as<SomeInteger>().from_bool;
      return i;
    }
    case SomeKind::Float:
      return s->is_constant() ? s_float() : s;
    case SomeKind::Char:
      return s->is_constant() ? s_char() : s;
    case SomeKind::Str:
      return s->is_constant() ? std::make_shared<SomeStr>(s->can_be_none()) : s;
    case SomeKind::Bytes:
      return s->is_constant() ? std::make_shared<SomeBytes>(s->can_be_none()) : s;
    case SomeKind::Tuple: {
      std::vector<SomeRef> items;
      bool changed = false;
      for (const auto& i : s->as<SomeTuple>().items) {
        items.push_back(without_constant(i));
        changed |= items.back() != i;
      }
      return changed ? std::make_shared<SomeTuple>(std::move(items)) : s;
    }
    default:
      return s;  // PBCs and None keep their constant: they are their constant
  }
}

SomeRef noneified(const SomeRef& s) {
  switch (s->kind()) {
    case SomeKind::None:
    case SomeKind::Impossible:
      return s_none();
    case SomeKind::Char:
    case SomeKind::Str:
      return std::make_shared<SomeStr>(true);
    case SomeKind::Bytes:
      return std::make_shared<SomeBytes>(true);
    case SomeKind::List:
      return std::make_shared<SomeList>(s->as<SomeList>().listdef, true);
    case SomeKind::Dict:
      return std::make_shared<SomeDict>(s->as<SomeDict>().dictdef, true);
    case SomeKind::Instance: {
      const auto& i = s->as<SomeInstance>();
      return std::make_shared<SomeInstance>(i.classdef, true, i.flags);
    }
    case SomeKind::PBC:
      return std::make_shared<SomePBC>(s->as<SomePBC>().descs(), true);
    case SomeKind::Builder:
      return std::make_shared<SomeBuilder>(s->as<SomeBuilder>().bytes, true);
    case SomeKind::Type: {
      const auto& t = s->as<SomeType>();
      return std::make_shared<SomeType>(t.base, t.is_type_of, true);
    }
    default:
      return nullptr;
  }
}

SomeRef nonnoneified(const SomeRef& s) {
  if (!s->can_be_none()) return s;
  switch (s->kind()) {
    case SomeKind::None:
      return s_impossible();
    case SomeKind::Str:
      return s_str();
    case SomeKind::Bytes:
      return s_bytes();
    case SomeKind::List:
      return std::make_shared<SomeList>(s->as<SomeList>().listdef, false);
    case SomeKind::Dict:
      return std::make_shared<SomeDict>(s->as<SomeDict>().dictdef, false);
    case SomeKind::Instance: {
      const auto& i = s->as<SomeInstance>();
      return std::make_shared<SomeInstance>(i.classdef, false, i.flags);
    }
    case SomeKind::PBC:
      return std::make_shared<SomePBC>(s->as<SomePBC>().descs(), false);
    case SomeKind::Builder:
      return std::make_shared<SomeBuilder>(s->as<SomeBuilder>().bytes, false);
    case SomeKind::Type: {
      const auto& t = s->as<SomeType>();
      return std::make_shared<SomeType>(t.base, t.is_type_of, false);
    }
    default:
      return s;
  }
}

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

std::string quote_text(const std::string& s, bool is_bytes) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = (has_single && !has_double) ? '"' : '\'';
  std::string out = is_bytes ? "b" : "";
  out += q;
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f || (is_bytes && c >= 0x80)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

}  // namespace

std::string const_repr(const flow::ConstValue& v) {
  struct Visitor {
    std::string operator()(const flow::NoneValue&) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(uint64_t u) const { return std::to_string(u); }
    std::string operator()(double d) const { return float_repr(d); }
    std::string operator()(const std::string& s) const { return quote_text(s, false); }
    std::string operator()(const flow::Bytes& b) const { return quote_text(b.data, true); }
    std::string operator()(const flow::PyObjectRef& r) const {
      return "<object #" + std::to_string(r.id) + ">";
    }
    std::string operator()(const flow::GraphRef& g) const { return "<graph>"; }
    std::string operator()(const flow::LastExceptionMarker&) const { return "last_exception"; }
    std::string operator()(const flow::DefaultCase&) const { return "default"; }
    std::string operator()(const std::shared_ptr<const flow::ConstPayload>& p) const {
      return p ? p->repr() : "null";
    }
  };
  return std::visit(Visitor{}, v);
}

}  // namespace rpp::annotator
