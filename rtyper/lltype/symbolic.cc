// Symbolic constants and type constants (symbolic.h).
#include "rtyper/lltype/symbolic.h"

namespace rpp::lltype {

const char* Symbolic::keyword(SymbolicKind kind) {
  switch (kind) {
    case SymbolicKind::FieldOffset: return "offsetof";
    case SymbolicKind::TypeSize: return "sizeof";
    case SymbolicKind::ItemSize: return "itemsize";
    case SymbolicKind::ItemsOffset: return "itemsoffset";
    case SymbolicKind::LengthOffset: return "lengthoffset";
    case SymbolicKind::TypeId: return "typeid";
    case SymbolicKind::Vtable: return "vtable";
  }
  return "?";
}

bool Symbolic::kind_from_keyword(const std::string& word, SymbolicKind& kind) {
  for (SymbolicKind k : {SymbolicKind::FieldOffset, SymbolicKind::TypeSize, SymbolicKind::ItemSize,
                         SymbolicKind::ItemsOffset, SymbolicKind::LengthOffset, SymbolicKind::TypeId,
                         SymbolicKind::Vtable}) {
    if (word == keyword(k)) {
      kind = k;
      return true;
    }
  }
  return false;
}

std::string Symbolic::repr() const {
  std::string s = std::string(keyword(kind_)) + "(" + type_->to_string();
  if (kind_ == SymbolicKind::FieldOffset) s += ", " + field_;
  return s + ")";
}

bool Symbolic::equals(const flow::ConstPayload& other) const {
  auto* o = dynamic_cast<const Symbolic*>(&other);
  return o && o->kind_ == kind_ && o->type_ == type_ && o->field_ == field_;
}

size_t Symbolic::hash() const {
  return std::hash<const void*>()(type_) * 31 + size_t(kind_) * 7 + std::hash<std::string>()(field_);
}

namespace {

bool has_items(const LowLevelType* t) {
  if (as<Array>(t)) return true;
  if (auto* s = as<Struct>(t)) return s->defined() && s->is_varsize();
  return false;
}

}  // namespace

std::shared_ptr<const Symbolic> Symbolic::field_offset(const Struct* s, const std::string& field) {
  if (!s->field(field)) throw TypeError("offsetof: " + s->name() + " has no field '" + field + "'");
  return std::make_shared<Symbolic>(SymbolicKind::FieldOffset, s, field);
}

std::shared_ptr<const Symbolic> Symbolic::type_size(const LowLevelType* t) {
  if (t->kind() == TypeKind::Func || is_void(t)) throw TypeError("sizeof: " + t->to_string() + " has no size");
  if (auto* o = as<OpaqueType>(t)) throw TypeError("sizeof: opaque type " + o->name() + " has no known size");
  return std::make_shared<Symbolic>(SymbolicKind::TypeSize, t, "");
}

std::shared_ptr<const Symbolic> Symbolic::item_size(const LowLevelType* t) {
  if (!has_items(t)) throw TypeError("itemsize: " + t->to_string() + " is not an array or a var-sized struct");
  return std::make_shared<Symbolic>(SymbolicKind::ItemSize, t, "");
}

std::shared_ptr<const Symbolic> Symbolic::items_offset(const LowLevelType* t) {
  if (!has_items(t)) throw TypeError("itemsoffset: " + t->to_string() + " is not an array or a var-sized struct");
  return std::make_shared<Symbolic>(SymbolicKind::ItemsOffset, t, "");
}

std::shared_ptr<const Symbolic> Symbolic::length_offset(const LowLevelType* t) {
  if (!has_items(t)) throw TypeError("lengthoffset: " + t->to_string() + " is not an array or a var-sized struct");
  if (auto* a = as<Array>(t); a && a->hints().nolength)
    throw TypeError("lengthoffset: " + t->to_string() + " has no length");
  return std::make_shared<Symbolic>(SymbolicKind::LengthOffset, t, "");
}

std::shared_ptr<const Symbolic> Symbolic::type_id(const LowLevelType* t) {
  if (!t->is_container() || !t->is_gc()) throw TypeError("typeid: " + t->to_string() + " is not a GC type");
  return std::make_shared<Symbolic>(SymbolicKind::TypeId, t, "");
}

std::shared_ptr<const Symbolic> Symbolic::vtable(const Struct* instance_struct) {
  if (!instance_struct->is_gc())
    throw TypeError("vtable: " + instance_struct->name() + " is not the GcStruct of a class");
  return std::make_shared<Symbolic>(SymbolicKind::Vtable, instance_struct, "");
}

bool TypeConstant::equals(const flow::ConstPayload& other) const {
  auto* o = dynamic_cast<const TypeConstant*>(&other);
  return o && o->type_ == type_;
}

const Symbolic* symbolic_of(const flow::Constant* c) {
  auto* p = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c->value);
  return p ? dynamic_cast<const Symbolic*>(p->get()) : nullptr;
}

const LowLevelType* type_constant_of(const flow::Constant* c) {
  auto* p = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c->value);
  auto* t = p ? dynamic_cast<const TypeConstant*>(p->get()) : nullptr;
  return t ? t->type() : nullptr;
}

}  // namespace rpp::lltype
