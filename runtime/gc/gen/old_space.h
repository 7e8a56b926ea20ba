// The old generation's small objects: a non-moving, size-class mark-sweep space. One big
// address range is reserved up front (untouched pages cost nothing) and cut into 256 KiB arenas;
// an arena holds cells of one size class. A free cell has type id 0 and the next free cell of
// its class at offset 8. Sweeping frees the unmarked cells, clears the marks, and frees arenas
// left without a live cell for any class to reuse; it keeps some of them resident (4 MiB plus
// what the old generation may grow by before the next major collection: refaulting pages costs
// more than collecting) and gives the others back to the OS (madvise MADV_DONTNEED).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/layout.h"

namespace rpp::gc::gen {

// The biggest object kept in arenas (bigger ones are large objects).
inline constexpr size_t kMaxSmallObject = 2048;
inline constexpr size_t kArenaBytes = size_t(256) << 10;

// Size classes: every 8 bytes up to 256, then every 64 bytes up to kMaxSmallObject.
inline constexpr size_t kSizeClassCount = 30 + (kMaxSmallObject - 256) / 64 + 1;
inline constexpr size_t size_class_of(size_t size) {
  return size <= 256 ? (size < 16 ? 0 : size / 8 - 2) : 30 + ((size + 63) / 64 * 64 - 256) / 64;
}
inline constexpr size_t cell_size_of_class(size_t size_class) {
  return size_class <= 30 ? (size_class + 2) * 8 : 256 + (size_class - 30) * 64;
}

struct OldSpaceStats {
  size_t arenas_in_use = 0;
  size_t arenas_free = 0;    // free (returned to the OS or kept resident) for reuse
  size_t arenas_released = 0;  // of which given back to the OS
  size_t live_bytes = 0;     // bytes in allocated cells (after a sweep: live ones)
};

class OldSpace {
 public:
  // Reserves the address range (the biggest of 64 GiB, 32, ... that the OS grants).
  void init();
  bool contains(const void* p) const { return p >= base_ && p < fresh_; }
  // A cell for `size` bytes (<= kMaxSmallObject), not zeroed.
  layout::GcHeader* allocate(size_t size);
  // Frees unmarked cells and clears the marks of the others; `poison` fills freed cells with a
  // pattern (stress mode) so a reference to a freed object is noticed. Empty arenas worth 4 MiB
  // + live bytes * `keep_growth` stay resident.
  void sweep(bool poison, double keep_growth);
  size_t live_bytes() const { return live_bytes_; }
  OldSpaceStats stats() const;

 private:
  struct Arena {
    uint32_t size_class = 0;
    uint32_t cell_size = 0;  // 0: the arena is free
    char* bump = nullptr;    // cells from here on were never used
  };
  char* arena_start(size_t index) const { return base_ + index * kArenaBytes; }
  size_t new_arena(size_t size_class);

  char* base_ = nullptr;
  char* limit_ = nullptr;
  char* fresh_ = nullptr;  // arenas below this were handed out at least once
  std::vector<Arena> arenas_;
  std::vector<size_t> free_arenas_;           // given back to the OS
  std::vector<size_t> resident_free_arenas_;  // free but kept
  void* free_lists_[kSizeClassCount] = {};
  long current_arena_[kSizeClassCount];
  size_t live_bytes_ = 0;
};

}  // namespace rpp::gc::gen
