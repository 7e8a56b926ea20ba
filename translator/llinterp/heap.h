// The ll interpreter's memory: real objects laid out by runtime/layout.h (through
// rtyper/lltype/memory_layout.h), allocated by the runtime's GC (docs/gc-interface.md), so that
// ops.h, the runtime's helpers and the interpreter read the same bytes compiled code would.
//   - GC objects come from rpp_gc_malloc_fixed/varsize. Their type ids are the runtime's for its
//     types (str, bytes, builders, lists and arrays of str or bytes) and numbered from
//     kFirstGeneratedTid in order of first use for the others; the Heap keeps the type-info
//     table the GC reads (rpp_gc_init replaces it as it grows).
//   - Static data (rtyper/lltype/static_data.h) is laid out once per object outside the GC heap,
//     with kGcFlagPrebuilt; each of its GC-pointer fields is a root range of the GC.
//   - Raw (non-GC) objects and vtables made for hand-written LL modules live in the Heap's own
//     chunks until it is destroyed. Such vtables number the classes by a preorder walk of the
//     struct tree under `object`.
//   - rpp_globals.builtin_exceptions points at the table the runtime's helpers raise through:
//     the vtable, type id, size and message field (BaseException.rpy_message) of each builtin
//     exception class the program has.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rtyper/lltype/runtime_types.h"
#include "rtyper/lltype/static_data.h"
#include "rtyper/lltype/type_arena.h"
#include "runtime/layout.h"
#include "translator/flow/model.h"
#include "translator/llinterp/gc_setup.h"
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
  // written). GC objects come from the GC, with their header; raw ones from the Heap.
  void* allocate(const lltype::ContainerType* type, int64_t length = 0);
  // The GC type id of a GC container (numbered, and its TypeInfo installed, on first use).
  uint32_t type_id(const lltype::ContainerType* type);

  // str objects, made by the runtime (narrow when every code point is below 256).
  void* new_str(const std::u32string& text);
  void* new_str_utf8(const std::string& utf8);
  static std::u32string str_text(const void* s);
  static std::string str_utf8(const void* s);

  // The address of a static object (laid out on first use).
  void* static_address(const lltype::StaticObject* object);
  // The vtable of an instance struct: static data's, or one made here.
  void* vtable_of(const lltype::Struct* instance);
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
  GcThreadScope gc_thread_;
  lltype::TypeArena& types_;
  const lltype::StaticData* static_data_;
  lltype::RuntimeTypes rt_;
  // The type-info table the GC reads (its storage never moves: reserved once).
  std::vector<layout::TypeInfo> type_table_;
  std::deque<std::vector<uint32_t>> gc_offsets_;  // the offset arrays the table points to
  std::map<const lltype::ContainerType*, uint32_t> type_ids_;
  std::vector<layout::BuiltinExceptionInfo> builtin_exceptions_;
  const layout::TypeInfo* previous_table_ = nullptr;
  uint64_t previous_count_ = 0;
  const layout::BuiltinExceptionInfo* previous_exceptions_ = nullptr;
  // Raw memory and static data.
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* chunk_free_ = nullptr;
  char* chunk_end_ = nullptr;
  std::unordered_map<const lltype::StaticObject*, void*> static_addresses_;
  std::vector<layout::GcHeader**> static_roots_;
  std::map<const lltype::Struct*, void*> made_vtables_;
  std::map<const lltype::Struct*, std::pair<int64_t, int64_t>> class_ranges_;  // made vtables
  std::unordered_map<Word, Callee> callees_;
  bool exceptions_ready_ = false;

  void* raw_allocate(size_t size);
  layout::TypeInfo type_info_of(const lltype::ContainerType* type);
  void write_static(const lltype::StaticObject& object, char* at);
  void* static_str(const std::u32string& text);
  void register_static_roots(const lltype::ContainerType* type, char* at, int64_t length);
  void number_classes();
  void prepare_builtin_exceptions();
};

}  // namespace rpp::llinterp
