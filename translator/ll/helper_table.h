// The toolchain's view of the runtime helper table (runtime/helpers.def): look a helper up by
// name, get its low-level function type and its declared effects.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rtyper/lltype/type_arena.h"
#include "runtime/helper_flags.h"

namespace rpp::ll {

// One declared effect: a field (`rpy_string.hash`) or the items of an array (`array[*]`) of a
// runtime type or family.
struct HelperEffect {
  std::string container;  // `rpy_string`, `list`, `array`, ...
  std::string member;     // a field name, or "[*]" for items
  bool operator==(const HelperEffect&) const = default;
};

struct HelperInfo {
  std::string_view name;
  std::string_view signature;  // LL text: "(Ptr(rpy_string), Signed) -> Ptr(rpy_string)"
  uint32_t flags = 0;          // helper_flags
  std::vector<HelperEffect> reads;
  std::vector<HelperEffect> writes;
  std::string_view oopspec;

  bool can_raise() const { return flags & helper_flags::CanRaise; }
  bool can_collect() const { return flags & helper_flags::CanCollect; }
  bool elidable() const { return flags & helper_flags::Elidable; }
  bool inline_fast_path() const { return flags & helper_flags::InlineFastPath; }
};

const HelperInfo* find_helper(std::string_view name);
const std::vector<HelperInfo>& all_helpers();

// The helper's function type in `arena` (whose runtime types are defined on demand). Throws
// lltype::TypeError if the signature does not parse (a bug in helpers.def; tested).
const lltype::FuncType* helper_type(const HelperInfo& helper, lltype::TypeArena& arena);

// Parses "a.b, c[*]" into effects (used for the table; exposed for tests).
std::vector<HelperEffect> parse_helper_effects(std::string_view text);

}  // namespace rpp::ll
