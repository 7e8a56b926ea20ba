// TypeArena: makes, interns and owns the low-level container and pointer types of one
// translation (owned by the TranslationContext, or by an LL module parsed from text). Equal
// types are one object: Ptr by target, Array by (item, GC-ness, hints), FuncType by signature,
// Struct and opaque types by name (nominal; a name is one type, and defining it again
// differently is a TypeError).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "rtyper/lltype/lltype.h"

namespace rpp::lltype {

class TypeArena {
 public:
  TypeArena() = default;
  TypeArena(const TypeArena&) = delete;
  TypeArena& operator=(const TypeArena&) = delete;

  const Ptr* ptr(const ContainerType* to);
  const Array* array(const LowLevelType* item, bool gc, ArrayHints hints = {});
  const FuncType* func(std::vector<const LowLevelType*> args, const LowLevelType* result);
  // The opaque type of that name (made on first use); a TypeError if the name is a struct or
  // an opaque type of the other GC-ness.
  const OpaqueType* opaque(const std::string& name, bool gc);

  // A struct by name, made undefined on first use (a forward declaration: Ptr to it can be made
  // before its fields are known). A TypeError if the name is taken by an opaque type or by a
  // struct of the other GC-ness.
  Struct* declare_struct(const std::string& name, bool gc);
  // Gives a declared struct its fields and hints, checking RPython's rules: field names unique;
  // a GC container is never inlined, except a GcStruct as the first field of a GcStruct
  // (inheritance); an inlined Array or var-sized struct only as the last field; no inlined Ptr
  // targets that are functions. Defining an already defined struct identically is a no-op.
  const Struct* define_struct(Struct* s, std::vector<StructField> fields, StructHints hints = {});
  // declare_struct + define_struct.
  const Struct* make_struct(const std::string& name, bool gc, std::vector<StructField> fields,
                            StructHints hints = {});

  const Struct* find_struct(const std::string& name) const;
  // A struct or opaque type by name, or nullptr.
  const ContainerType* find_named(const std::string& name) const;
  // Structs and opaque types in the order they were first declared.
  const std::vector<const ContainerType*>& named_types() const { return named_order_; }

 private:
  std::vector<std::unique_ptr<LowLevelType>> owned_;
  std::map<const ContainerType*, const Ptr*> ptrs_;
  std::map<std::tuple<const LowLevelType*, bool, bool, bool>, const Array*> arrays_;
  std::map<std::vector<const LowLevelType*>, const FuncType*> funcs_;  // result last
  std::map<std::string, ContainerType*> named_;
  std::vector<const ContainerType*> named_order_;
};

}  // namespace rpp::lltype
