// The primitives, the text form of types, and the structural queries of lltype.h.
#include "rtyper/lltype/lltype.h"

namespace rpp::lltype {

const Primitive Void(PrimitiveKind::Void, "Void", 'v');
const Primitive Signed(PrimitiveKind::Signed, "Signed", 'i');
const Primitive Unsigned(PrimitiveKind::Unsigned, "Unsigned", 'u');
const Primitive SignedLongLong(PrimitiveKind::SignedLongLong, "SignedLongLong", 'l');
const Primitive UnsignedLongLong(PrimitiveKind::UnsignedLongLong, "UnsignedLongLong", 'x');
const Primitive Float(PrimitiveKind::Float, "Float", 'f');
const Primitive Bool(PrimitiveKind::Bool, "Bool", 'b');
const Primitive Char(PrimitiveKind::Char, "Char", 'c');
const Primitive UniChar(PrimitiveKind::UniChar, "UniChar", 'w');
const Primitive Address(PrimitiveKind::Address, "Address", 'a');

const std::vector<const Primitive*>& all_primitives() {
  static const std::vector<const Primitive*> all = {
      &Void, &Signed, &Unsigned, &SignedLongLong, &UnsignedLongLong,
      &Float, &Bool, &Char, &UniChar, &Address};
  return all;
}

const Primitive* primitive_named(const std::string& name) {
  for (const Primitive* p : all_primitives())
    if (p->to_string() == name) return p;
  return nullptr;
}

const char* mutability_name(FieldMutability m) {
  switch (m) {
    case FieldMutability::Mutable: return "";
    case FieldMutability::Immutable: return "immutable";
    case FieldMutability::ImmutableArray: return "immutable_array";
    case FieldMutability::QuasiImmutable: return "quasi_immutable";
    case FieldMutability::QuasiImmutableArray: return "quasi_immutable_array";
  }
  return "";
}

const StructField* Struct::field(const std::string& field_name) const {
  for (const StructField& f : fields_)
    if (f.name == field_name) return &f;
  return nullptr;
}

const Struct* Struct::parent() const {
  if (fields_.empty()) return nullptr;
  return as<Struct>(fields_.front().type);
}

bool Struct::inherits_from(const Struct* ancestor) const {
  for (const Struct* s = this; s; s = s->parent())
    if (s == ancestor) return true;
  return false;
}

const Array* Struct::varsize_array() const {
  if (fields_.empty()) return nullptr;
  const LowLevelType* last = fields_.back().type;
  if (auto* a = as<Array>(last)) return a;
  if (auto* s = as<Struct>(last)) return s->varsize_array();
  return nullptr;
}

FieldMutability Struct::mutability_of(const std::string& field_name) const {
  for (const Struct* s = this; s; s = s->parent()) {
    if (const StructField* f = s->field(field_name)) {
      if (f->mutability != FieldMutability::Mutable) return f->mutability;
      return s->hints_.immutable ? FieldMutability::Immutable : FieldMutability::Mutable;
    }
  }
  return FieldMutability::Mutable;
}

std::string Array::to_string() const {
  std::string s = is_gc() ? "GcArray(" : "Array(";
  s += item_->to_string();
  if (hints_.immutable) s += ", immutable";
  if (hints_.nolength) s += ", nolength";
  return s + ")";
}

std::string FuncType::to_string() const {
  std::string s = "Func(";
  for (size_t i = 0; i < args_.size(); ++i) {
    if (i) s += ", ";
    s += args_[i]->to_string();
  }
  return s + ") -> " + result_->to_string();
}

bool castable(const Ptr* from, const Ptr* to) {
  if (from == to) return true;
  if (from->is_gc() != to->is_gc()) return false;
  auto* a = as<Struct>(from->to());
  auto* b = as<Struct>(to->to());
  return a && b && (a->inherits_from(b) || b->inherits_from(a));
}

char op_kind_of(const LowLevelType* t) {
  if (auto* p = as<Primitive>(t)) return p->op_kind();
  if (t->kind() == TypeKind::Ptr) return 'p';
  return '?';
}

}  // namespace rpp::lltype
