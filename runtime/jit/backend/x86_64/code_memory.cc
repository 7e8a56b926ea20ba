// W^X code memory (see code_memory.h).
#include "runtime/jit/backend/x86_64/code_memory.h"

#include <sys/mman.h>
#include <unistd.h>

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
  free_runs_[0] = reserved_ / page_;
}

CodeMemory::~CodeMemory() { munmap(base_, reserved_); }

void CodeMemory::protect(uint8_t* start, size_t bytes, int prot) {
  if (mprotect(start, bytes, prot) != 0)
    throw std::runtime_error("code memory: mprotect failed: " + std::string(std::strerror(errno)));
}

CodeMemory::Block CodeMemory::allocate(size_t bytes) {
  size_t pages = (bytes + page_ - 1) / page_;
  if (pages == 0) pages = 1;
  for (auto it = free_runs_.begin(); it != free_runs_.end(); ++it) {
    if (it->second < pages) continue;
    size_t first = it->first, count = it->second;
    free_runs_.erase(it);
    if (count > pages) free_runs_[first + pages] = count - pages;
    Block b{base_ + first * page_, pages * page_};
    protect(b.start, b.size, PROT_READ | PROT_WRITE);
    pages_in_use_ += pages;
    return b;
  }
  throw std::runtime_error("code memory: out of space");
}

void CodeMemory::free_pages(size_t first, size_t count) {
  if (count == 0) return;
  uint8_t* start = base_ + first * page_;
  madvise(start, count * page_, MADV_DONTNEED);
  protect(start, count * page_, PROT_NONE);
  pages_in_use_ -= count;
  auto next = free_runs_.lower_bound(first);
  if (next != free_runs_.end() && first + count == next->first) {
    count += next->second;
    free_runs_.erase(next);
  }
  auto it = free_runs_.lower_bound(first);
  if (it != free_runs_.begin()) {
    auto prev = std::prev(it);
    if (prev->first + prev->second == first) {
      prev->second += count;
      return;
    }
  }
  free_runs_[first] = count;
}

void CodeMemory::seal(Block& block, size_t used) {
  size_t keep = (used + page_ - 1) / page_ * page_;
  if (keep == 0) keep = page_;
  if (keep < block.size) {
    free_pages(static_cast<size_t>(block.start + keep - base_) / page_, (block.size - keep) / page_);
    block.size = keep;
  }
  protect(block.start, block.size, PROT_READ | PROT_EXEC);
}

void CodeMemory::release(Block block) {
  if (!block.start) return;
  free_pages(static_cast<size_t>(block.start - base_) / page_, block.size / page_);
}

void CodeMemory::patch(void* address, const void* bytes, size_t n) {
  auto* a = static_cast<uint8_t*>(address);
  if (!contains(a) || !contains(a + n - 1)) throw std::logic_error("code memory: patch outside the code region");
  uint8_t* first = base_ + static_cast<size_t>(a - base_) / page_ * page_;
  uint8_t* last = base_ + static_cast<size_t>(a + n - 1 - base_) / page_ * page_;
  size_t len = static_cast<size_t>(last - first) + page_;
  protect(first, len, PROT_READ | PROT_WRITE);
  std::memcpy(a, bytes, n);
  protect(first, len, PROT_READ | PROT_EXEC);
}

}  // namespace rpp::jit::x86
