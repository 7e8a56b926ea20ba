// The primitive reprs: Void (no run-time value: None, impossible, one known function, class or
// frozen object — the Python value is kept so that a conversion can make its constant), the
// integer types of rarithmetic, bool, float, and char (one code point, a UniChar).
#pragma once
#include <optional>

#include "annotator/some_value.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class VoidRepr final : public Repr {
 public:
  // `value`: the one Python value it stands for (None, a function...), when there is one.
  explicit VoidRepr(std::optional<flow::ConstValue> value, std::string name = "VoidRepr")
      : Repr(ReprKind::Void, &lltype::Void, std::move(name)), value_(std::move(value)) {}
  const std::optional<flow::ConstValue>& value() const { return value_; }
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

 private:
  std::optional<flow::ConstValue> value_;
};

// `lst.append`, `s.split`...: a builtin type's method bound to its receiver, represented by the
// receiver itself (the call reads it back as its first argument).
class BuiltinMethodRepr final : public Repr {
 public:
  explicit BuiltinMethodRepr(Repr* receiver)
      : Repr(ReprKind::BuiltinMethod, receiver->lowleveltype(), "BuiltinMethodRepr(" + receiver->name() + ")"),
        receiver_(receiver) {}
  Repr* receiver() const { return receiver_; }

 private:
  Repr* receiver_;
};

class IntegerRepr final : public Repr {
 public:
  explicit IntegerRepr(annotator::IntType type);
  annotator::IntType int_type() const { return int_type_; }
  bool is_unsigned() const { return annotator::int_type_unsigned(int_type_); }
  // The prefix of its operations in the table: int_, uint_, llong_, ullong_.
  const char* prefix() const;
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;

 private:
  annotator::IntType int_type_;
};

class BoolRepr final : public Repr {
 public:
  BoolRepr() : Repr(ReprKind::Bool, &lltype::Bool, "BoolRepr") {}
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
};

class FloatRepr final : public Repr {
 public:
  FloatRepr() : Repr(ReprKind::Float, &lltype::Float, "FloatRepr") {}
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
};

class CharRepr final : public Repr {
 public:
  CharRepr() : Repr(ReprKind::Char, &lltype::UniChar, "CharRepr") {}
  flow::ConstValue convert_const(const flow::ConstValue& value, RTyper& rtyper) override;
};

// The code point of a one-character str constant (UTF-8), or -1.
int64_t single_code_point(const std::string& utf8);

}  // namespace rpp::rtyper
