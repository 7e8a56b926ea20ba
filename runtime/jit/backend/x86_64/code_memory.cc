// W^X code memory (see code_memory.h).
#include "runtime/jit/backend/x86_64/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace rpp::jit::x86 {

size_t CodeMemory::page_size() { return static_cast<size_t>(sysconf(_SC_PAGESIZE)); }

CodeMemory::CodeMemory(size_t reserve_bytes) {
  page_ = page_size();
  reserved_ = (reserve_bytes + page_ - 1) / page_ * page_;
  void* p = mmap(nullptr, reserved_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) throw std::runtime_error("code memory: cannot reserve address space");
  base_ = static_cast<uint8_t*>(p);
  top_ = base_;
  blocks_on_page_.assign(reserved_ / page_, 0);
}

CodeMemory::~CodeMemory() { munmap(base_, reserved_); }

void CodeMemory::protect(uint8_t* start, size_t bytes, int prot) {
  if (mprotect(start, bytes, prot) != 0)
    throw std::runtime_error("code memory: mprotect failed: " + std::string(std::strerror(errno)));
}

CodeMemory::Block CodeMemory::allocate(size_t bytes) {
  uint8_t* start = base_ + ((static_cast<size_t>(top_ - base_) + 15) & ~size_t{15});
  if (bytes == 0 || start + bytes > base_ + reserved_) throw std::runtime_error("code memory: out of space");
  uint8_t* first = base_ + page_index(start) * page_;
  uint8_t* last = base_ + page_index(start + bytes - 1) * page_;
  protect(first, static_cast<size_t>(last - first) + page_, PROT_READ | PROT_WRITE);
  return Block{start, bytes};
}

void CodeMemory::seal(Block& block, size_t used) {
  if (used == 0) used = 1;
  size_t first = page_index(block.start);
  size_t last_used = page_index(block.start + used - 1);
  size_t last_allocated = page_index(block.start + block.size - 1);
  protect(base_ + first * page_, (last_used - first + 1) * page_, PROT_READ | PROT_EXEC);
  if (last_allocated > last_used) protect(base_ + (last_used + 1) * page_, (last_allocated - last_used) * page_, PROT_NONE);
  for (size_t p = first; p <= last_used; ++p)
    if (blocks_on_page_[p]++ == 0) ++pages_in_use_;
  block.size = used;
  top_ = block.start + used;
}

void CodeMemory::abandon(Block block) {
  size_t first = page_index(block.start);
  size_t last = page_index(block.start + block.size - 1);
  // The first page may hold earlier code: executable again; the others are empty.
  if (blocks_on_page_[first]) protect(base_ + first * page_, page_, PROT_READ | PROT_EXEC);
  else protect(base_ + first * page_, page_, PROT_NONE);
  if (last > first) protect(base_ + (first + 1) * page_, (last - first) * page_, PROT_NONE);
}

void CodeMemory::release(Block block) {
  if (!block.start) return;
  size_t first = page_index(block.start);
  size_t last = page_index(block.start + block.size - 1);
  for (size_t p = first; p <= last; ++p) {
    if (--blocks_on_page_[p] != 0) continue;
    --pages_in_use_;
    // The page where the next block goes stays mapped (it may hold the next code).
    if (p == page_index(top_)) continue;
    madvise(base_ + p * page_, page_, MADV_DONTNEED);
    protect(base_ + p * page_, page_, PROT_NONE);
  }
}

void CodeMemory::patch(void* address, const void* bytes, size_t n) {
  auto* a = static_cast<uint8_t*>(address);
  if (!contains(a) || !contains(a + n - 1)) throw std::logic_error("code memory: patch outside the code region");
  uint8_t* first = base_ + page_index(a) * page_;
  uint8_t* last = base_ + page_index(a + n - 1) * page_;
  size_t len = static_cast<size_t>(last - first) + page_;
  protect(first, len, PROT_READ | PROT_WRITE);
  std::memcpy(a, bytes, n);
  protect(first, len, PROT_READ | PROT_EXEC);
}

}  // namespace rpp::jit::x86
