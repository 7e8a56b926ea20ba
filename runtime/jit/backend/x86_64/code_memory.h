// Memory for machine code, never writable and executable at the same time (W^X). One region of
// address space is reserved up front, so every piece of code can reach every other with rel32
// jumps; blocks are whole pages, writable while code is assembled into them, then sealed
// (read + execute). Patching sealed code (bridges, redirection, invalidation) flips the page to
// read + write, writes, and flips it back.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>

namespace rpp::jit::x86 {

class CodeMemory {
 public:
  explicit CodeMemory(size_t reserve_bytes = size_t{1} << 30);
  ~CodeMemory();
  CodeMemory(const CodeMemory&) = delete;
  CodeMemory& operator=(const CodeMemory&) = delete;

  struct Block {
    uint8_t* start = nullptr;
    size_t size = 0;  // bytes, a multiple of the page size
  };

  // A writable (not executable) block of at least `bytes`.
  Block allocate(size_t bytes);
  // Makes the first `used` bytes executable (not writable) and returns the rest to the pool.
  void seal(Block& block, size_t used);
  // Returns a block (sealed or not) to the pool.
  void release(Block block);
  // Writes `n` bytes at `address` inside sealed code.
  void patch(void* address, const void* bytes, size_t n);

  bool contains(const void* p) const {
    auto* c = static_cast<const uint8_t*>(p);
    return c >= base_ && c < base_ + reserved_;
  }
  size_t pages_in_use() const { return pages_in_use_; }
  static size_t page_size();

 private:
  void protect(uint8_t* start, size_t bytes, int prot);
  void free_pages(size_t first, size_t count);

  uint8_t* base_ = nullptr;
  size_t reserved_ = 0;
  size_t page_ = 4096;
  std::map<size_t, size_t> free_runs_;  // first page -> number of pages
  size_t pages_in_use_ = 0;
};

}  // namespace rpp::jit::x86
