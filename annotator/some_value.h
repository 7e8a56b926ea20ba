// The annotation lattice: a SomeValue stands for the set of run-time values a variable may hold
// (RPython's SomeObject hierarchy, without SomeObject itself — there is no "anything" annotation;
// a union with no common type is an error, see union.h).
//
// Annotations are immutable and shared (`SomeRef`); the mutable parts live in definitions that
// many annotations point to: ListDef / DictDef (item types, shared by every list or dict that
// flows together), ClassDef (attributes of a class) and Desc (a function, class, method or frozen
// object). A known constant value is kept in `constant()`.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "translator/flow/model.h"

namespace rpp::annotator {

class ClassDef;
class Desc;
class ListDef;
class DictDef;

enum class SomeKind : uint8_t {
  Impossible,  // the empty set: a value that never exists at run time
  None,
  Bool,
  Integer,
  Float,
  Char,  // a one-code-point str, unboxed
  Str,   // text
  Bytes,
  List,
  Dict,
  Tuple,
  Instance,  // an instance of a user class
  PBC,       // prebuilt constants: functions, classes, methods, frozen objects
  Iterator,
  Builtin,  // a builtin function, or a method of a builtin type bound to its receiver
  Type,     // a class object obtained at run time (type(x), x.__class__, last_exception)
  Builder,  // rpython.rlib.rstring's StringBuilder / UnicodeBuilder (str) or BytesBuilder
};

class SomeValue;
using SomeRef = std::shared_ptr<const SomeValue>;

class SomeValue {
 public:
  explicit SomeValue(SomeKind kind) : kind_(kind) {}
  virtual ~SomeValue() = default;

  SomeKind kind() const { return kind_; }
  bool is(SomeKind k) const { return kind_ == k; }
  // Bool is a kind of integer (it unions with integers into an int).
  bool is_integer() const { return kind_ == SomeKind::Integer || kind_ == SomeKind::Bool; }
  bool is_number() const { return is_integer() || kind_ == SomeKind::Float; }
  // Char is a kind of str.
  bool is_str() const { return kind_ == SomeKind::Str || kind_ == SomeKind::Char; }

  const std::optional<flow::ConstValue>& constant() const { return constant_; }
  bool is_constant() const { return constant_.has_value(); }
  void set_constant(flow::ConstValue value) { constant_ = std::move(value); }

  virtual bool can_be_none() const { return false; }
  // How it reads in dumps and error messages: `int`, `list[str; resized]`, `Node or None`.
  virtual std::string repr() const = 0;

  // Same kind, same fields, same constant (RPython's __eq__ on __dict__).
  bool operator==(const SomeValue& other) const;

  template <class T>
  const T& as() const {
    return static_cast<const T&>(*this);
  }

 protected:
  virtual bool same_fields(const SomeValue& other) const = 0;
  std::string const_suffix() const;  // " = 5", " = 'a'" or ""

 private:
  SomeKind kind_;
  std::optional<flow::ConstValue> constant_;
};

bool same_annotation(const SomeRef& a, const SomeRef& b);  // null-safe ==

class SomeImpossible final : public SomeValue {
 public:
  SomeImpossible() : SomeValue(SomeKind::Impossible) {}
  std::string repr() const override { return "impossible"; }

 protected:
  bool same_fields(const SomeValue&) const override { return true; }
};

class SomeNone final : public SomeValue {
 public:
  SomeNone() : SomeValue(SomeKind::None) { set_constant(flow::NoneValue{}); }
  bool can_be_none() const override { return true; }
  std::string repr() const override { return "None"; }

 protected:
  bool same_fields(const SomeValue&) const override { return true; }
};

// The integer types of rarithmetic, all one machine word wide here (x86-64).
enum class IntType : uint8_t { Signed, Unsigned, SignedLongLong, UnsignedLongLong };
bool int_type_unsigned(IntType t);
const char* int_type_name(IntType t);  // int, r_uint, r_longlong, r_ulonglong

class SomeInteger : public SomeValue {
 public:
  explicit SomeInteger(bool nonneg = false, IntType type = IntType::Signed)
      : SomeInteger(SomeKind::Integer, nonneg, type) {}
  IntType int_type() const { return type_; }
  bool is_unsigned() const { return int_type_unsigned(type_); }
  // Known to be >= 0 (always true for unsigned types).
  bool nonneg() const { return nonneg_; }
  // A bool met an int here (RPython's union: the value is an int, printed as a number).
  bool from_bool = false;
  std::string repr() const override;

 protected:
  SomeInteger(SomeKind kind, bool nonneg, IntType type)
      : SomeValue(kind), type_(type), nonneg_(nonneg || int_type_unsigned(type)) {}
  bool same_fields(const SomeValue& other) const override;

 private:
  IntType type_;
  bool nonneg_;
};

// What a condition tells about variables of its block when it is true, or false: the narrowed
// annotation of each (after isinstance, `is None`, `type(x) is C`, comparisons with 0...).
struct KnownTypeData {
  std::vector<std::pair<const flow::Variable*, SomeRef>> when_true;
  std::vector<std::pair<const flow::Variable*, SomeRef>> when_false;
  bool empty() const { return when_true.empty() && when_false.empty(); }
};

class SomeBool final : public SomeInteger {
 public:
  SomeBool() : SomeInteger(SomeKind::Bool, true, IntType::Signed) {}
  // Not part of equality: it describes the defining block, not the value.
  std::shared_ptr<const KnownTypeData> knowntypedata;
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue&) const override { return true; }
};

class SomeFloat final : public SomeValue {
 public:
  SomeFloat() : SomeValue(SomeKind::Float) {}
  std::string repr() const override { return "float" + const_suffix(); }

 protected:
  bool same_fields(const SomeValue&) const override { return true; }
};

// Text. Nullable unless it is a Char.
class SomeStr : public SomeValue {
 public:
  explicit SomeStr(bool can_be_none = false) : SomeValue(SomeKind::Str), nullable_(can_be_none) {}
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  explicit SomeStr(SomeKind kind) : SomeValue(kind), nullable_(false) {}
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

// One code point; its constant is the UTF-8 text of that code point.
class SomeChar final : public SomeStr {
 public:
  SomeChar() : SomeStr(SomeKind::Char) {}
  std::string repr() const override { return "char" + const_suffix(); }

 protected:
  bool same_fields(const SomeValue&) const override { return true; }
};

class SomeBytes final : public SomeValue {
 public:
  explicit SomeBytes(bool can_be_none = false)
      : SomeValue(SomeKind::Bytes), nullable_(can_be_none) {}
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

class SomeList final : public SomeValue {
 public:
  SomeList(ListDef* listdef, bool can_be_none = false)
      : SomeValue(SomeKind::List), listdef(listdef), nullable_(can_be_none) {}
  ListDef* listdef;
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

class SomeDict final : public SomeValue {
 public:
  SomeDict(DictDef* dictdef, bool can_be_none = false)
      : SomeValue(SomeKind::Dict), dictdef(dictdef), nullable_(can_be_none) {}
  DictDef* dictdef;
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

class SomeTuple final : public SomeValue {
 public:
  explicit SomeTuple(std::vector<SomeRef> items)
      : SomeValue(SomeKind::Tuple), items(std::move(items)) {}
  std::vector<SomeRef> items;
  bool all_items_constant() const;
  std::string repr() const override;
  std::string repr_nested(int depth) const;  // nested tuples beyond a few levels print as (...)

 protected:
  bool same_fields(const SomeValue& other) const override;
};

// Hint flags carried by instances of virtualizable classes (rlib.jit.hint).
struct InstanceFlags {
  bool access_directly = false;
  bool fresh_virtualizable = false;
  bool operator==(const InstanceFlags&) const = default;
};

class SomeInstance final : public SomeValue {
 public:
  SomeInstance(const ClassDef* classdef, bool can_be_none = false, InstanceFlags flags = {})
      : SomeValue(SomeKind::Instance), classdef(classdef), flags(flags), nullable_(can_be_none) {}
  const ClassDef* classdef;
  InstanceFlags flags;
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

// A set of prebuilt constants of one kind (all functions, all classes, all methods...), sorted by
// the descriptions' creation order so that dumps never depend on addresses.
class SomePBC final : public SomeValue {
 public:
  SomePBC(std::vector<const Desc*> descs, bool can_be_none = false);
  const std::vector<const Desc*>& descs() const { return descs_; }
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;
  bool contains_desc(const Desc* d) const;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  std::vector<const Desc*> descs_;
  bool nullable_;
};

// What an iterator walks over, and how.
enum class IterVariant : uint8_t {
  Plain,      // iter(list / str / bytes / tuple / dict = keys / range)
  Keys,       // dict.keys()
  Values,     // dict.values()
  Items,      // dict.items()
  Enumerate,  // enumerate(x): (index, item)
  Reversed,   // reversed(list)
  Zip,        // zip(a, b, ...): the container is a tuple of the containers
};
const char* iter_variant_name(IterVariant v);

class SomeIterator final : public SomeValue {
 public:
  SomeIterator(SomeRef container, IterVariant variant)
      : SomeValue(SomeKind::Iterator), container(std::move(container)), variant(variant) {}
  SomeRef container;
  IterVariant variant;
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;
};

// A builtin function (`len`, `rpython.rlib.jit.promote`...) or a method of a builtin type bound
// to its receiver (`list.append` with receiver = the list's annotation).
class SomeBuiltin final : public SomeValue {
 public:
  SomeBuiltin(std::string name, SomeRef receiver = nullptr)
      : SomeValue(SomeKind::Builtin), name(std::move(name)), receiver(std::move(receiver)) {}
  std::string name;
  SomeRef receiver;  // null for a plain function
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;
};

// A class object known only at run time: a subclass of `base` (any class when null). The
// variables it is the type of (for `type(x) is C`) narrow on comparison.
class SomeType final : public SomeValue {
 public:
  explicit SomeType(const ClassDef* base = nullptr,
                    std::vector<const flow::Variable*> is_type_of = {}, bool can_be_none = false)
      : SomeValue(SomeKind::Type), base(base), is_type_of(std::move(is_type_of)), nullable_(can_be_none) {}
  const ClassDef* base;
  std::vector<const flow::Variable*> is_type_of;
  // A class or None: `__exit__`'s exception type (None on the normal path).
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override;

 protected:
  bool same_fields(const SomeValue& other) const override;

 private:
  bool nullable_;
};

// A string builder of rlib.rstring: builds str (StringBuilder, UnicodeBuilder) or bytes.
class SomeBuilder final : public SomeValue {
 public:
  explicit SomeBuilder(bool bytes, bool can_be_none = false)
      : SomeValue(SomeKind::Builder), bytes(bytes), nullable_(can_be_none) {}
  const bool bytes;
  bool can_be_none() const override { return nullable_; }
  std::string repr() const override {
    return std::string(bytes ? "BytesBuilder" : "StringBuilder") + (nullable_ ? " or None" : "");
  }

 protected:
  bool same_fields(const SomeValue& other) const override {
    return bytes == other.as<SomeBuilder>().bytes && nullable_ == other.as<SomeBuilder>().nullable_;
  }

 private:
  bool nullable_;
};

// Shared immutable annotations and small constructors.
SomeRef s_impossible();
SomeRef s_none();
SomeRef s_bool();
SomeRef s_int();
SomeRef s_nonneg_int();
SomeRef s_float();
SomeRef s_str();
SomeRef s_char();
SomeRef s_bytes();
SomeRef const_bool(bool b);
SomeRef const_int(int64_t v);
SomeRef const_float(double v);
SomeRef const_str(std::string utf8);  // a Char when it is one code point
SomeRef const_bytes(std::string data);

// The same annotation without its constant (and, for a bool, without knowntypedata).
SomeRef without_constant(const SomeRef& s);
// The same annotation made nullable / non-nullable; nullptr when None cannot be added.
SomeRef noneified(const SomeRef& s);
SomeRef nonnoneified(const SomeRef& s);  // None -> impossible; keeps constant-free fields

// Number of code points of UTF-8 text.
size_t utf8_length(const std::string& s);
// Python-style repr of a constant (quotes and escapes for str/bytes).
std::string const_repr(const flow::ConstValue& v);

}  // namespace rpp::annotator
