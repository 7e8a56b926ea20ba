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

  // The loop and bridge tokens created so far, in creation order (for tools that run a file).
  const std::vector<std::unique_ptr<Descr>>& owned() const { return owned_; }

 private:
  std::vector<std::unique_ptr<Descr>> owned_;
  std::map<std::string, Descr*, std::less<>> by_name_;
  std::map<std::string, Word, std::less<>> symbols_, objects_;
  std::map<Word, std::string> symbol_names_, object_names_;
};

}  // namespace rpp::jit
