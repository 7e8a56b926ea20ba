// Reprs (RPython's Repr): how the values of one annotation are represented at low level — a
// low-level type, and how a Python-level constant of that annotation becomes a low-level
// constant. Every annotation maps to one Repr (RTyper::getrepr, memoized); the kinds below are
// subclassed in the files of their family (rnumber, rclass, rpbc, rtuple, rstr, rlist...).
// Conversions between reprs are in convert.h.
#pragma once
#include <stdexcept>
#include <string>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::rtyper {

class RTyper;

enum class ReprKind {
  Void,       // no run-time value: None, a single known function or class, impossible
  Integer,    // Signed, Unsigned, SignedLongLong, UnsignedLongLong
  Bool,
  Float,
  Char,       // one code point (UniChar)
  Str,        // Ptr(rpy_string), nullable
  Instance,   // Ptr(the class's GcStruct), nullable
  Class,      // Ptr(a class's vtable)
  Tuple,      // Ptr(an immutable GcStruct of items)
  Function,   // Ptr(Func): a function pointer (several functions with one signature)
  Method,     // a bound method: its receiver (an Instance repr's type)
  Frozen,     // several frozen prebuilt objects: Ptr(a struct of their attributes)
  List,       // Ptr(a list struct), or Ptr(GcArray) for a list never resized
  Range,      // Ptr(range): a range() that is never mutated
  Iterator,   // Ptr(an iterator struct)
  Dict,       // Ptr(a dict struct) (rdict.h)
  Bytes,      // Ptr(rpy_bytes), nullable
  Builder,    // Ptr(rpy_builder): StringBuilder / BytesBuilder
  BuiltinMethod,  // a method of a list/str/dict bound to its receiver: the receiver's type
  Slice,      // slice(start, stop, step) of an extended slice: its parts' tuple (rslice.h)
};

// Thrown while rtyping an operation: what has no low-level implementation, or a constant that
// cannot be represented. The specializer turns it into a located error (source line and the
// annotations of the operation).
class RTypeFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Repr {
 public:
  Repr(ReprKind kind, const lltype::LowLevelType* type, std::string name)
      : kind_(kind), type_(type), name_(std::move(name)) {}
  virtual ~Repr() = default;
  Repr(const Repr&) = delete;
  Repr& operator=(const Repr&) = delete;

  ReprKind kind() const { return kind_; }
  const lltype::LowLevelType* lowleveltype() const { return type_; }
  bool is_void() const { return lltype::is_void(type_); }
  // For messages and dumps: `IntegerRepr(Signed)`, `InstanceRepr(Node)`.
  const std::string& name() const { return name_; }

  // The low-level value (LL constant conventions, docs/ll-text.md) of a Python-level constant
  // represented by this repr. Throws RTypeFailure.
  virtual flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper);

 protected:
  void set_type(const lltype::LowLevelType* type) { type_ = type; }

 private:
  ReprKind kind_;
  const lltype::LowLevelType* type_;
  std::string name_;
};

// A Python constant as text, for messages.
std::string describe_constant(const flow::ConstValue& value);

}  // namespace rpp::rtyper
