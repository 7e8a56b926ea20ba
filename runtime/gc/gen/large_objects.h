// Large objects: those bigger than the nursery's largest object, allocated one by one outside
// the nursery (calloc: the biggest come straight from mmap and go back with munmap) and never
// moved. A block is [card table][LargePrefix][object]: arrays of GC pointers with at least
// kCardMinItems items get one card byte per kItemsPerCard items, set by the array write barrier,
// so a minor collection rescans only the written parts of a big old array.
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "runtime/layout.h"

namespace rpp::gc::gen {

inline constexpr int64_t kItemsPerCard = 128;
inline constexpr int64_t kCardMinItems = 4 * kItemsPerCard;

struct LargePrefix {
  uint64_t card_bytes;  // bytes of the card table before this prefix (a multiple of 16)
  uint64_t object_bytes;
};
static_assert(sizeof(LargePrefix) == 16);

inline LargePrefix* large_prefix(const void* obj) {
  return reinterpret_cast<LargePrefix*>(const_cast<char*>(static_cast<const char*>(obj)) - sizeof(LargePrefix));
}
inline uint8_t* card_table(const void* obj) {
  LargePrefix* prefix = large_prefix(obj);
  return reinterpret_cast<uint8_t*>(prefix) - prefix->card_bytes;
}

class LargeObjects {
 public:
  // A zeroed large object of `size` bytes with `cards` card bytes (0: no card table). Young
  // ones are listed apart until the next minor collection.
  layout::GcHeader* allocate(size_t size, size_t cards, bool young);
  bool is_old_large(const layout::GcHeader* p) const { return old_.count(const_cast<layout::GcHeader*>(p)) != 0; }
  std::vector<layout::GcHeader*>& young() { return young_; }
  // Makes a young large object old (it survived a minor collection).
  void promote(layout::GcHeader* p);
  void free(layout::GcHeader* p);
  // After a minor collection has promoted or freed every young one.
  void clear_young() { young_.clear(); young_bytes_ = 0; }
  // Frees unmarked old large objects and clears the marks of the others.
  void sweep();
  size_t old_bytes() const { return old_bytes_; }
  size_t young_bytes() const { return young_bytes_; }
  size_t old_count() const { return old_.size(); }

 private:
  std::unordered_set<layout::GcHeader*> old_;
  std::vector<layout::GcHeader*> young_;
  size_t old_bytes_ = 0;
  size_t young_bytes_ = 0;
};

}  // namespace rpp::gc::gen
