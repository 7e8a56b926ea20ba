// The names a trace's text form refers to: descriptors (descr=NAME), addresses of classes and
// functions (ConstClass(NAME)) and prebuilt GC objects (ConstPtr(NAME)). It owns the descriptors
// it creates (guards', labels', loops' and those declared in a trace file) and refers to outside
// ones (the translator's static descriptors) without owning them. Lives as long as any code
// compiled from traces that use it.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/jit/ir/descr.h"
#include "runtime/layout.h"

namespace rpp::jit {

class TraceNamespace {
 public:
  // A descriptor owned by this namespace; registered under its name when it has one.
  template <class D, class... Args>
  D* make(Args&&... args) {
    auto d = std::make_unique<D>(std::forward<Args>(args)...);
    D* raw = d.get();
    owned_.push_back(std::move(d));
    if (!raw->name.empty()) by_name_[raw->name] = raw;
    return raw;
  }
  // Registers a descriptor owned elsewhere (it must outlive this namespace).
  void add(Descr* d) { by_name_[d->name] = d; }
  Descr* find(std::string_view name) const;

  void add_symbol(const std::string& name, Word address);  // ConstClass(name)
  void add_object(const std::string& name, Word address);  // ConstPtr(name)
  const Word* find_symbol(std::string_view name) const;
  const Word* find_object(std::string_view name) const;
  // Reverse lookups for printing; nullptr when the address has no name.
  const std::string* symbol_name(Word address) const;
  const std::string* object_name(Word address) const;

  // GC types declared by trace files (struct/object/array declarations): each gets a type id
  // from layout::kFirstGeneratedTid up; type_table() is indexed by type id, with the runtime's
  // fixed types (strings, bytes) filled in, ready to install as rpp_globals.type_info_table.
  uint32_t add_type(const layout::TypeInfo& info, std::vector<uint32_t> gc_ptr_offsets,
                    std::vector<uint32_t> item_gc_ptr_offsets);
  const std::vector<layout::TypeInfo>& type_table() const { return type_table_; }
  // A class declared by a trace file (`object` declarations): its vtable, owned here.
  layout::ClassVtable* add_class(const std::string& name);

  TraceNamespace();
  TraceNamespace(const TraceNamespace&) = delete;
  TraceNamespace& operator=(const TraceNamespace&) = delete;

  // The loop and bridge tokens created so far, in creation order (for tools that run a file).
  const std::vector<std::unique_ptr<Descr>>& owned() const { return owned_; }

 private:
  std::vector<std::unique_ptr<Descr>> owned_;
  std::map<std::string, Descr*, std::less<>> by_name_;
  std::map<std::string, Word, std::less<>> symbols_, objects_;
  std::map<Word, std::string> symbol_names_, object_names_;
  std::vector<layout::TypeInfo> type_table_;
  std::vector<std::unique_ptr<std::vector<uint32_t>>> offset_arrays_;
  std::vector<std::unique_ptr<layout::ClassVtable>> vtables_;
};

}  // namespace rpp::jit
