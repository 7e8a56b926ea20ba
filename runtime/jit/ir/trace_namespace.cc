// Name lookups of the text form.
#include "runtime/jit/ir/trace_namespace.h"

namespace rpp::jit {

Descr* TraceNamespace::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

void TraceNamespace::add_symbol(const std::string& name, Word address) {
  symbols_[name] = address;
  symbol_names_[address] = name;
}

void TraceNamespace::add_object(const std::string& name, Word address) {
  objects_[name] = address;
  object_names_[address] = name;
}

const Word* TraceNamespace::find_symbol(std::string_view name) const {
  auto it = symbols_.find(name);
  return it == symbols_.end() ? nullptr : &it->second;
}

const Word* TraceNamespace::find_object(std::string_view name) const {
  auto it = objects_.find(name);
  return it == objects_.end() ? nullptr : &it->second;
}

const std::string* TraceNamespace::symbol_name(Word address) const {
  auto it = symbol_names_.find(address);
  return it == symbol_names_.end() ? nullptr : &it->second;
}

const std::string* TraceNamespace::object_name(Word address) const {
  auto it = object_names_.find(address);
  return it == object_names_.end() ? nullptr : &it->second;
}

}  // namespace rpp::jit
