// The table of helper_table.h, made from runtime/helpers.def.
#include "translator/ll/helper_table.h"

#include <map>

#include "rtyper/lltype/runtime_types.h"
#include "translator/ll/ll_parser.h"

namespace rpp::ll {

namespace {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string_view::npos ? "" : std::string(s.substr(b, e - b + 1));
}

std::vector<HelperInfo> make_table() {
  using namespace helper_flags;
  std::vector<HelperInfo> table;
#define RPP_HELPER(name, signature, flags, reads, writes, oopspec) \
  table.push_back({#name, signature, flags, parse_helper_effects(reads), parse_helper_effects(writes), oopspec});
#include "runtime/helpers.def"
#undef RPP_HELPER
  return table;
}

const std::vector<HelperInfo>& table() {
  static const auto* t = new std::vector<HelperInfo>(make_table());
  return *t;
}

}  // namespace

std::vector<HelperEffect> parse_helper_effects(std::string_view text) {
  std::vector<HelperEffect> effects;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string item = trim(text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (!item.empty()) {
      if (item.ends_with("[*]")) effects.push_back({item.substr(0, item.size() - 3), "[*]"});
      else if (size_t dot = item.find('.'); dot != std::string::npos)
        effects.push_back({item.substr(0, dot), item.substr(dot + 1)});
      else effects.push_back({item, ""});
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return effects;
}

const HelperInfo* find_helper(std::string_view name) {
  static const auto* index = [] {
    auto* m = new std::map<std::string_view, const HelperInfo*>;
    for (const HelperInfo& h : table()) m->emplace(h.name, &h);
    return m;
  }();
  auto it = index->find(name);
  return it == index->end() ? nullptr : it->second;
}

const std::vector<HelperInfo>& all_helpers() { return table(); }

const lltype::FuncType* helper_type(const HelperInfo& helper, lltype::TypeArena& arena) {
  lltype::define_runtime_types(arena);
  const lltype::LowLevelType* t = parse_ll_type("Func" + std::string(helper.signature), arena);
  auto* f = lltype::as<lltype::FuncType>(t);
  if (!f) throw lltype::TypeError("helper " + std::string(helper.name) + ": not a function type");
  return f;
}

}  // namespace rpp::ll
