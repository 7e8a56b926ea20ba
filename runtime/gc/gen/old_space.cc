// The old generation's size-class arenas (old_space.h).
#include "runtime/gc/gen/old_space.h"

#include <sys/mman.h>

#include <cstring>

#include "runtime/gc/gen/poison.h"

extern "C" [[noreturn]] void rpp_fatal_error_cstr(const char* message);

namespace rpp::gc::gen {

static_assert(size_class_of(16) == 0 && cell_size_of_class(0) == 16);
static_assert(size_class_of(256) == 30 && cell_size_of_class(30) == 256);
static_assert(size_class_of(264) == 31 && cell_size_of_class(31) == 320);
static_assert(size_class_of(kMaxSmallObject) == kSizeClassCount - 1);
static_assert(cell_size_of_class(kSizeClassCount - 1) == kMaxSmallObject);

namespace {

void*& next_free(void* cell) { return *reinterpret_cast<void**>(static_cast<char*>(cell) + 8); }

}  // namespace

void OldSpace::init() {
  for (auto& a : current_arena_) a = -1;
  for (size_t gib = 64; gib >= 1; gib /= 2) {
    size_t bytes = gib << 30;
    void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) continue;
    base_ = fresh_ = static_cast<char*>(mem);
    limit_ = base_ + bytes;
    return;
  }
  rpp_fatal_error_cstr("cannot reserve the old generation");
}

size_t OldSpace::new_arena(size_t size_class) {
  size_t index;
  if (!resident_free_arenas_.empty()) {
    index = resident_free_arenas_.back();
    resident_free_arenas_.pop_back();
    unpoison_memory(arena_start(index), kArenaBytes);
  } else if (!free_arenas_.empty()) {
    index = free_arenas_.back();
    free_arenas_.pop_back();
  } else {
    if (fresh_ == limit_) rpp_fatal_error_cstr("out of memory (old generation full)");
    index = arenas_.size();
    arenas_.emplace_back();
    fresh_ += kArenaBytes;
  }
  Arena& a = arenas_[index];
  a.size_class = uint32_t(size_class);
  a.cell_size = uint32_t(cell_size_of_class(size_class));
  a.bump = arena_start(index);
  return index;
}

layout::GcHeader* OldSpace::allocate(size_t size) {
  size_t c = size_class_of(size);
  size_t cell = cell_size_of_class(c);
  live_bytes_ += cell;
  if (void* p = free_lists_[c]) {
    free_lists_[c] = next_free(p);
    unpoison_memory(p, cell);
    return static_cast<layout::GcHeader*>(p);
  }
  long index = current_arena_[c];
  if (index < 0 || arenas_[index].bump + cell > arena_start(size_t(index)) + kArenaBytes) {
    index = long(new_arena(c));
    current_arena_[c] = index;
  }
  char* p = arenas_[index].bump;
  arenas_[index].bump += cell;
  return reinterpret_cast<layout::GcHeader*>(p);
}

void OldSpace::sweep(bool poison, double keep_growth) {
  for (auto& head : free_lists_) head = nullptr;
  live_bytes_ = 0;
  std::vector<size_t> emptied;
  for (size_t index = 0; index < arenas_.size(); ++index) {
    Arena& a = arenas_[index];
    if (!a.cell_size) continue;
    char* start = arena_start(index);
    void* first_free = nullptr;
    void* last_free = nullptr;
    size_t live = 0;
    for (char* p = start; p < a.bump; p += a.cell_size) {
      auto* h = reinterpret_cast<layout::GcHeader*>(p);
      if (h->tid != 0 && (h->flags & layout::kGcFlagMarked)) {
        h->flags &= ~layout::kGcFlagMarked;
        ++live;
        continue;
      }
      if (h->tid != 0 && poison) std::memset(p, 0xdb, a.cell_size);
      h->tid = 0;
      h->flags = 0;
      next_free(p) = nullptr;
      if (last_free) next_free(last_free) = p; else first_free = p;
      last_free = p;
      poison_memory(p + 16, a.cell_size - 16);
    }
    if (live == 0) {
      if (current_arena_[a.size_class] == long(index)) current_arena_[a.size_class] = -1;
      a.cell_size = 0;
      a.bump = nullptr;
      emptied.push_back(index);
      continue;
    }
    live_bytes_ += live * a.cell_size;
    if (first_free) {
      next_free(last_free) = free_lists_[a.size_class];
      free_lists_[a.size_class] = first_free;
    }
  }
  // Empty arenas: keep some resident, give the pages of the others back (they read as zero when
  // reused).
  size_t keep = ((size_t(4) << 20) + size_t(double(live_bytes_) * keep_growth)) / kArenaBytes;
  for (size_t index : emptied) {
    if (resident_free_arenas_.size() < keep) {
      resident_free_arenas_.push_back(index);
      continue;
    }
    unpoison_memory(arena_start(index), kArenaBytes);
    madvise(arena_start(index), kArenaBytes, MADV_DONTNEED);
    free_arenas_.push_back(index);
  }
  while (resident_free_arenas_.size() > keep) {
    size_t index = resident_free_arenas_.back();
    resident_free_arenas_.pop_back();
    unpoison_memory(arena_start(index), kArenaBytes);
    madvise(arena_start(index), kArenaBytes, MADV_DONTNEED);
    free_arenas_.push_back(index);
  }
}

OldSpaceStats OldSpace::stats() const {
  OldSpaceStats s;
  for (const Arena& a : arenas_) (a.cell_size ? s.arenas_in_use : s.arenas_free) += 1;
  s.arenas_released = free_arenas_.size();
  s.live_bytes = live_bytes_;
  return s;
}

}  // namespace rpp::gc::gen
