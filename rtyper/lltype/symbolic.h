// Constants of low-level graphs whose value only genc knows (resolved when emitting C++, where
// offsetof/sizeof and the type-id numbering exist), and types used as Void constants. They are
// flow::ConstPayload, so a Constant carries them; their text is the LL text form:
//
//   offsetof(Node, next)   byte offset of a field (Signed)
//   sizeof(Node)           size of a type's fixed part, GC header included (Signed)
//   itemsize(GcArray(Signed))    size of one item of an array or var-sized struct (Signed)
//   itemsoffset(T) / lengthoffset(T)  offset of item 0 / of the length word (Signed)
//   typeid(Node)           the GC type id of a GC container (Signed)
//   vtable(Node)           the address of the class vtable of the instance struct Node
//                          (a Ptr to the vtable struct the constant's concretetype names)
//   <Node>                 the type itself, as a Void constant (malloc's first operand)
#pragma once
#include <string>

#include "rtyper/lltype/lltype.h"
#include "translator/flow/model.h"

namespace rpp::lltype {

enum class SymbolicKind { FieldOffset, TypeSize, ItemSize, ItemsOffset, LengthOffset, TypeId, Vtable };

class Symbolic final : public flow::ConstPayload {
 public:
  SymbolicKind kind() const { return kind_; }
  const LowLevelType* type() const { return type_; }
  const std::string& field() const { return field_; }  // FieldOffset only

  std::string repr() const override;
  bool equals(const flow::ConstPayload& other) const override;
  size_t hash() const override;

  // Checked constructors (TypeError when the symbolic makes no sense for the type).
  static std::shared_ptr<const Symbolic> field_offset(const Struct* s, const std::string& field);
  static std::shared_ptr<const Symbolic> type_size(const LowLevelType* t);
  static std::shared_ptr<const Symbolic> item_size(const LowLevelType* t);
  static std::shared_ptr<const Symbolic> items_offset(const LowLevelType* t);
  static std::shared_ptr<const Symbolic> length_offset(const LowLevelType* t);
  static std::shared_ptr<const Symbolic> type_id(const LowLevelType* t);
  static std::shared_ptr<const Symbolic> vtable(const Struct* instance_struct);
  // The keyword of a kind in LL text ("offsetof", "sizeof", ...), and back.
  static const char* keyword(SymbolicKind kind);
  static bool kind_from_keyword(const std::string& word, SymbolicKind& kind);

  Symbolic(SymbolicKind kind, const LowLevelType* type, std::string field)
      : kind_(kind), type_(type), field_(std::move(field)) {}

 private:
  SymbolicKind kind_;
  const LowLevelType* type_;
  std::string field_;
};

// A type as a Void constant: `<T>`.
class TypeConstant final : public flow::ConstPayload {
 public:
  explicit TypeConstant(const LowLevelType* type) : type_(type) {}
  const LowLevelType* type() const { return type_; }
  std::string repr() const override { return "<" + type_->to_string() + ">"; }
  bool equals(const flow::ConstPayload& other) const override;
  size_t hash() const override { return std::hash<const void*>()(type_); }

 private:
  const LowLevelType* type_;
};

// The symbolic or type payload of a constant, or nullptr.
const Symbolic* symbolic_of(const flow::Constant* c);
const LowLevelType* type_constant_of(const flow::Constant* c);

}  // namespace rpp::lltype
