// What the x86-64 backend keeps for compiled traces: a piece per loop or bridge (its code block,
// GC reference table, gcmaps and patchable sites) and, per loop token, the loop's data (entry,
// frame depth, pieces).
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/jit/backend/x86_64/code_memory.h"
#include "runtime/jit/backend/x86_64/gc_ref_table.h"
#include "runtime/jit/backend/x86_64/runtime_stubs.h"

namespace rpp::jit::x86 {

struct CompiledPiece {
  CodeMemory::Block code;
  uint8_t* start = nullptr;     // where execution begins
  size_t code_size = 0;         // bytes of machine code (the block may be bigger)
  std::unique_ptr<GcRefTable> refs;
  std::vector<std::unique_ptr<uint64_t[]>> gcmaps;
  std::vector<std::unique_ptr<ReallocInfo>> realloc_infos;
  struct InvalidationSite {
    uint8_t* nop;   // a 5-byte nop, patched into a jump to `stub` on invalidation
    uint8_t* stub;
  };
  std::vector<InvalidationSite> invalidation_sites;
  int frame_depth = 0;
  bool is_bridge = false;
};

struct LoopData {
  LoopToken* token = nullptr;
  uint8_t* entry = nullptr;     // the 5-byte redirection site, then the prologue
  int64_t frame_depth = 0;      // slots a frame for this loop (and its bridges) needs
  std::vector<std::unique_ptr<CompiledPiece>> pieces;
};

}  // namespace rpp::jit::x86
