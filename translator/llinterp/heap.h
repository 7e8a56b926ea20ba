// The ll interpreter's memory: real objects laid out by runtime/layout.h (through
// rtyper/lltype/memory_layout.h), so that ops.h, the runtime's helpers and the interpreter read
// the same bytes compiled code would. It allocates GC and raw objects (zeroed, GC header written,
// type ids numbered from kFirstGeneratedTid in order of first use; str and bytes have the
// runtime's fixed ids), lays out static data (rtyper/lltype/static_data.h) once per object, and
// makes class vtables for instance structs that static data does not describe (LL modules
// written by hand: class ids by a preorder walk of the struct tree under `object`).
//
// Until the runtime's GC exists, nothing is ever freed before the Heap is destroyed.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"
#include "rtyper/lltype/type_arena.h"
#include "translator/flow/model.h"
#include "translator/llinterp/words.h"

namespace rpp::llinterp {

class Heap {
 public:
  Heap(lltype::TypeArena& types, const lltype::StaticData* static_data);
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  lltype::TypeArena& types() { return types_; }
  const lltype::RuntimeTypes& runtime_types() const { return rt_; }

  // A new zeroed object of `type` (with `length` items when var-sized; the length word is
  // written). GC objects get their header.
  void* allocate(const lltype::ContainerType* type, int64_t length = 0);
  // The GC type id of a GC container (numbered on first use).
  uint32_t type_id(const lltype::ContainerType* type);
  // The type of a type id given by type_id(), or nullptr.
  const lltype::ContainerType* type_of_id(uint32_t tid) const;

  // str objects (narrow when every code point is below 256).
  void* new_str(const std::u32string& text);
  void* new_str_utf8(const std::string& utf8);
  static std::u32string str_text(const void* s);
  static std::string str_utf8(const void* s);
  static std::string to_utf8(const std::u32string& text);

  // The address of a static object (laid out on first use).
  void* static_address(const lltype::StaticObject* object);
  // The vtable of an instance struct: static data's, or one made here.
  void* vtable_of(const lltype::Struct* instance);
  // The instance struct a vtable address belongs to, when known (for messages).
  const lltype::Struct* class_of_vtable(const void* vtable) const;
  // The class name stored in a vtable (its `name` str).
  static std::string vtable_name(const void* vtable);

  // A constant's word, given the type it has where it is used.
  Word constant_word(const flow::ConstValue& value, const lltype::LowLevelType* type);

  // Function pointers: a graph or a helper is represented by a unique word.
  struct Callee {
    flow::FunctionGraph* graph = nullptr;
    const void* helper = nullptr;  // an ll::HelperInfo
  };
  Word function_word(flow::FunctionGraph* graph);
  Word helper_word(const void* helper_info);
  const Callee* callee_of(Word w) const;

 private:
  lltype::TypeArena& types_;
  const lltype::StaticData* static_data_;
  lltype::RuntimeTypes rt_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_free_ = nullptr;
  char* chunk_end_ = nullptr;
  std::map<const lltype::ContainerType*, uint32_t> type_ids_;
  std::vector<const lltype::ContainerType*> types_by_id_;
  std::unordered_map<const lltype::StaticObject*, void*> static_addresses_;
  std::map<const lltype::Struct*, void*> made_vtables_;
  std::unordered_map<const void*, const lltype::Struct*> vtable_classes_;
  std::unordered_map<Word, Callee> callees_;
  std::map<const lltype::Struct*, std::pair<int64_t, int64_t>> class_ranges_;  // made vtables

  void* raw_allocate(size_t size);
  void write_static(const lltype::StaticObject& object, char* at, bool is_outer);
  void number_classes();
};

}  // namespace rpp::llinterp
