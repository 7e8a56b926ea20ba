// C++ identifiers for what genc emits, made from the Python and low-level names so the output is
// readable (`fn_Interpreter_run`, `S_Node`, `d_str_hello`): letters, digits and `_` kept, every
// other character `_`, C++ keywords and clashes made unique with a numeric suffix. Assigned in a
// deterministic order by the caller, so translating twice gives the same names.
#pragma once
#include <map>
#include <set>
#include <string>

namespace rpp::genc {

// `text` with every character that cannot appear in a C identifier replaced by `_`.
std::string sanitize_identifier(const std::string& text);
// A C++ keyword (or a name the emitted code uses for itself).
bool is_reserved_identifier(const std::string& name);

// Unique names for keys of type K, in order of first request.
template <class K>
class NameTable {
 public:
  const std::string& name(const K& key, const std::string& wanted) {
    auto it = names_.find(key);
    if (it != names_.end()) return it->second;
    std::string base = sanitize_identifier(wanted);
    if (base.size() > 80) base.resize(80);
    std::string candidate = base;
    for (int n = 2; taken_.count(candidate) || is_reserved_identifier(candidate); ++n)
      candidate = base + "_" + std::to_string(n);
    taken_.insert(candidate);
    return names_.emplace(key, candidate).first->second;
  }
  const std::string* find(const K& key) const {
    auto it = names_.find(key);
    return it == names_.end() ? nullptr : &it->second;
  }

 private:
  std::map<K, std::string> names_;
  std::set<std::string> taken_;
};

// A C++ string literal for bytes (escapes everything that is not printable ASCII).
std::string cxx_string_literal(const std::string& bytes);

}  // namespace rpp::genc
