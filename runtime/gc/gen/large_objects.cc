// Large objects outside the nursery (large_objects.h).
#include "runtime/gc/gen/large_objects.h"

#include <cstdlib>

extern "C" [[noreturn]] void rpp_fatal_error_cstr(const char* message);

namespace rpp::gc::gen {

namespace {

size_t block_bytes(const LargePrefix* prefix) { return prefix->card_bytes + sizeof(LargePrefix) + prefix->object_bytes; }

}  // namespace

layout::GcHeader* LargeObjects::allocate(size_t size, size_t cards, bool young) {
  size_t card_bytes = (cards + 15) & ~size_t(15);
  char* block = static_cast<char*>(std::calloc(1, card_bytes + sizeof(LargePrefix) + size));
  if (!block) rpp_fatal_error_cstr("out of memory");
  auto* prefix = reinterpret_cast<LargePrefix*>(block + card_bytes);
  prefix->card_bytes = card_bytes;
  prefix->object_bytes = size;
  auto* obj = reinterpret_cast<layout::GcHeader*>(prefix + 1);
  if (young) {
    young_.push_back(obj);
    young_bytes_ += block_bytes(prefix);
  } else {
    old_.insert(obj);
    old_bytes_ += block_bytes(prefix);
  }
  return obj;
}

void LargeObjects::promote(layout::GcHeader* p) {
  size_t bytes = block_bytes(large_prefix(p));
  old_.insert(p);
  old_bytes_ += bytes;
}

void LargeObjects::free(layout::GcHeader* p) {
  LargePrefix* prefix = large_prefix(p);
  std::free(reinterpret_cast<char*>(prefix) - prefix->card_bytes);
}

void LargeObjects::sweep() {
  for (auto it = old_.begin(); it != old_.end();) {
    layout::GcHeader* p = *it;
    if (p->flags & layout::kGcFlagMarked) {
      p->flags &= ~layout::kGcFlagMarked;
      ++it;
      continue;
    }
    old_bytes_ -= block_bytes(large_prefix(p));
    free(p);
    it = old_.erase(it);
  }
}

}  // namespace rpp::gc::gen
