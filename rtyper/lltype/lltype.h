// Low-level types (DESIGN §1, rtype): the `concretetype` of every value of a low-level graph.
// As RPython's lltype: primitives (Signed, Unsigned, SignedLongLong, UnsignedLongLong, Float,
// Bool, Char, UniChar, Address, Void), containers (Struct/GcStruct, Array/GcArray, FuncType,
// opaque types) and Ptr to a container. Containers and pointers are made and owned by a
// TypeArena (type_arena.h), which interns them, so two equal types are one object and types are
// compared by address. The primitives are immutable constants shared by every arena.
//
// Structs are nominal: within an arena a name is one struct (its fields can refer to it through
// a Ptr, which makes recursive types possible). A GcStruct inherits by nesting its parent
// GcStruct as its first field; an Array inlined as the last field makes a struct var-sized.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace rpp::lltype {

// Invalid types (a GcStruct inlined anywhere but first, a field defined twice, ...): thrown by
// TypeArena; the callers turn them into located diagnostics.
class TypeError : public std::runtime_error {
 public:
  explicit TypeError(const std::string& message, int field_index = -1)
      : std::runtime_error(message), field_index_(field_index) {}
  // For an invalid struct definition: the index of the offending field, or -1.
  int field_index() const { return field_index_; }

 private:
  int field_index_;
};

enum class TypeKind { Primitive, Struct, Array, Func, Opaque, Ptr };

class LowLevelType {
 public:
  explicit LowLevelType(TypeKind kind) : kind_(kind) {}
  LowLevelType(const LowLevelType&) = delete;
  LowLevelType& operator=(const LowLevelType&) = delete;
  virtual ~LowLevelType() = default;

  TypeKind kind() const { return kind_; }
  bool is_container() const { return kind_ != TypeKind::Primitive && kind_ != TypeKind::Ptr; }
  // A GcStruct, GcArray or GC opaque type, or a Ptr to one.
  virtual bool is_gc() const { return false; }
  // The type as written in LL text: `Signed`, `Ptr(Node)`, `GcArray(Char, immutable)`, ...
  virtual std::string to_string() const = 0;

 private:
  TypeKind kind_;
};

// ------------------------------------------------------------------------------- primitives

enum class PrimitiveKind {
  Void, Signed, Unsigned, SignedLongLong, UnsignedLongLong, Float, Bool, Char, UniChar, Address
};

class Primitive final : public LowLevelType {
 public:
  Primitive(PrimitiveKind prim, const char* name, char op_kind)
      : LowLevelType(TypeKind::Primitive), prim_(prim), name_(name), op_kind_(op_kind) {}
  PrimitiveKind prim() const { return prim_; }
  std::string to_string() const override { return name_; }
  // The letter of this type in the operation table's kinds (runtime/ll_operations.def).
  char op_kind() const { return op_kind_; }

 private:
  PrimitiveKind prim_;
  const char* name_;
  char op_kind_;
};

extern const Primitive Void;
extern const Primitive Signed;
extern const Primitive Unsigned;
extern const Primitive SignedLongLong;
extern const Primitive UnsignedLongLong;
extern const Primitive Float;
extern const Primitive Bool;
extern const Primitive Char;
extern const Primitive UniChar;
extern const Primitive Address;

// The primitive of that name, or nullptr.
const Primitive* primitive_named(const std::string& name);
// Every primitive, in a fixed order.
const std::vector<const Primitive*>& all_primitives();

// ------------------------------------------------------------------------------- containers

class ContainerType : public LowLevelType {
 public:
  ContainerType(TypeKind kind, bool gc) : LowLevelType(kind), gc_(gc) {}
  bool is_gc() const override { return gc_; }

 private:
  bool gc_;
};

// How a field may change (RPython's `_immutable_fields_` ranks).
enum class FieldMutability {
  Mutable,
  Immutable,            // `x`
  ImmutableArray,       // `x[*]`: the field and the items of the array it points to
  QuasiImmutable,       // `x?`: rarely changes; the JIT guards on it
  QuasiImmutableArray,  // `x?[*]`
};
const char* mutability_name(FieldMutability m);  // "", "immutable", "immutable_array", ...

struct StructField {
  std::string name;
  const LowLevelType* type = nullptr;
  FieldMutability mutability = FieldMutability::Mutable;
  bool operator==(const StructField&) const = default;
};

struct StructHints {
  bool immutable = false;                      // `_immutable_ = True`: every field is immutable
  bool virtualizable = false;                  // the struct of a `_virtualizable_` class
  std::vector<std::string> virtualizable_fields;  // `_virtualizable_` list: `x`, `x[*]`
  bool operator==(const StructHints&) const = default;
};

class Array;

class Struct final : public ContainerType {
 public:
  Struct(std::string name, bool gc) : ContainerType(TypeKind::Struct, gc), name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  std::string to_string() const override { return name_; }

  bool defined() const { return defined_; }
  const std::vector<StructField>& fields() const { return fields_; }
  const StructHints& hints() const { return hints_; }
  const StructField* field(const std::string& name) const;

  // The struct nested as the first field (inheritance), or nullptr.
  const Struct* parent() const;
  // This struct or one of its parents through first fields.
  bool inherits_from(const Struct* ancestor) const;
  // The Array inlined as the last field (directly or in a nested last struct), or nullptr.
  const Array* varsize_array() const;
  bool is_varsize() const { return varsize_array() != nullptr; }
  // The rank of a field, including the struct's `immutable` hint and its parents' fields.
  FieldMutability mutability_of(const std::string& field_name) const;

 private:
  friend class TypeArena;
  std::string name_;
  bool defined_ = false;
  std::vector<StructField> fields_;
  StructHints hints_;
};

struct ArrayHints {
  bool immutable = false;  // items never change after construction
  bool nolength = false;   // a raw array without a length word (non-GC only)
  bool operator==(const ArrayHints&) const = default;
};

class Array final : public ContainerType {
 public:
  Array(const LowLevelType* item, bool gc, ArrayHints hints)
      : ContainerType(TypeKind::Array, gc), item_(item), hints_(hints) {}
  const LowLevelType* item() const { return item_; }
  const ArrayHints& hints() const { return hints_; }
  std::string to_string() const override;

 private:
  const LowLevelType* item_;
  ArrayHints hints_;
};

class FuncType final : public ContainerType {
 public:
  FuncType(std::vector<const LowLevelType*> args, const LowLevelType* result)
      : ContainerType(TypeKind::Func, false), args_(std::move(args)), result_(result) {}
  const std::vector<const LowLevelType*>& args() const { return args_; }
  const LowLevelType* result() const { return result_; }
  std::string to_string() const override;

 private:
  std::vector<const LowLevelType*> args_;
  const LowLevelType* result_;
};

// A type whose contents the toolchain does not know (GCREF, C structures, JIT frames...).
class OpaqueType final : public ContainerType {
 public:
  OpaqueType(std::string name, bool gc) : ContainerType(TypeKind::Opaque, gc), name_(std::move(name)) {}
  const std::string& name() const { return name_; }
  std::string to_string() const override { return name_; }

 private:
  std::string name_;
};

// ------------------------------------------------------------------------------- pointers

class Ptr final : public LowLevelType {
 public:
  explicit Ptr(const ContainerType* to) : LowLevelType(TypeKind::Ptr), to_(to) {}
  const ContainerType* to() const { return to_; }
  bool is_gc() const override { return to_->is_gc(); }
  std::string to_string() const override { return "Ptr(" + to_->to_string() + ")"; }

 private:
  const ContainerType* to_;
};

// ------------------------------------------------------------------------------- queries

template <class T>
const T* as(const LowLevelType* t) {
  return dynamic_cast<const T*>(t);
}
inline bool is_void(const LowLevelType* t) { return t == &Void; }
// The container a Ptr type points to, as T (nullptr when `t` is not such a Ptr).
template <class T>
const T* pointee(const LowLevelType* t) {
  auto* p = as<Ptr>(t);
  return p ? as<T>(p->to()) : nullptr;
}
// cast_pointer is allowed between the two: equal, or structs related by first-field inheritance
// (either direction), of the same GC-ness.
bool castable(const Ptr* from, const Ptr* to);
// The letter of `t` in the operation table's kinds: a primitive's letter, `p` for a Ptr.
char op_kind_of(const LowLevelType* t);

}  // namespace rpp::lltype
