// The per-piece table of GC references used as constants by compiled code: machine code never
// embeds a reference as an immediate; it loads it from a word of this table, which the GC scans
// and updates (registered with GcForJit::add_roots for as long as the code lives).
#pragma once
#include <cstddef>
#include <map>
#include <memory>

#include "runtime/jit/ir/trace.h"
#include "runtime/layout.h"

namespace rpp::jit::x86 {

class GcRefTable {
 public:
  // Collects the non-null reference constants of a trace (the table's size is then fixed, so
  // the addresses of its words are stable while code is emitted).
  explicit GcRefTable(const Trace& trace);
  // The address of the word holding `ref` (which must be one of the trace's constants).
  layout::GcHeader** slot_for(Word ref);
  layout::GcHeader** data() { return words_.get(); }
  size_t size() const { return size_; }

 private:
  std::unique_ptr<layout::GcHeader*[]> words_;
  size_t size_ = 0;
  std::map<Word, size_t> index_;
};

}  // namespace rpp::jit::x86
