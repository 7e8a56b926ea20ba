// Memory for machine code, never writable and executable at the same time (W^X). One region of
// address space is reserved up front, so every piece of code can reach every other with rel32
// jumps. Pieces are placed one after the other (16-byte aligned, sharing pages): a block is
// writable (its pages read + write, not executable) while code is assembled into it, then sealed
// (its pages read + execute). Patching sealed code (bridges, redirection, invalidation) flips the
// page to read + write, writes, and flips it back. No JIT code runs while its page is writable:
// compilation and patching happen in C++, between runs of machine code.
//
// Space is handed out by bumping a pointer; a released block's pages go back to the system (not
// to the pool) once every block on them is released.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace rpp::jit::x86 {

class CodeMemory {
 public:
  explicit CodeMemory(size_t reserve_bytes = size_t{1} << 30);
  ~CodeMemory();
  CodeMemory(const CodeMemory&) = delete;
  CodeMemory& operator=(const CodeMemory&) = delete;

  struct Block {
    uint8_t* start = nullptr;
    size_t size = 0;
  };

  // A writable (not executable) block of `bytes`.
  Block allocate(size_t bytes);
  // Makes the first `used` bytes executable (not writable); the rest of the block is given back.
  void seal(Block& block, size_t used);
  // Gives back a block that was not sealed (an assembly that ran out of room).
  void abandon(Block block);
  // Returns a sealed block.
  void release(Block block);
  // Writes `n` bytes at `address` inside sealed code.
  void patch(void* address, const void* bytes, size_t n);

  bool contains(const void* p) const {
    auto* c = static_cast<const uint8_t*>(p);
    return c >= base_ && c < base_ + reserved_;
  }
  // Pages holding live (sealed, not released) code.
  size_t pages_in_use() const { return pages_in_use_; }
  static size_t page_size();

 private:
  void protect(uint8_t* start, size_t bytes, int prot);
  size_t page_index(const uint8_t* p) const { return static_cast<size_t>(p - base_) / page_; }

  uint8_t* base_ = nullptr;
  size_t reserved_ = 0;
  size_t page_ = 4096;
  uint8_t* top_ = nullptr;             // the next free byte
  std::vector<uint32_t> blocks_on_page_;  // sealed, unreleased blocks touching each page
  size_t pages_in_use_ = 0;
};

}  // namespace rpp::jit::x86
