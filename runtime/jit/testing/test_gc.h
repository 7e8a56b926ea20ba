// A small moving GC for the JIT's tests, implementing GcForJit (runtime/jit/backend/
// gc_interface.h) over runtime/layout.h: a zeroed bump-pointer nursery copied out by minor
// collections into a non-moving old space (calloc'ed objects, never freed before the GC is
// destroyed), a remembered set fed by the write barrier, roots from the shadow stack and
// registered ranges, objects traced by the type-info table (JIT frames by their gcmap).
//
// It installs itself into rpp_globals (nursery pointers, shadow stack, type table) while it
// lives: one at a time. `stress` makes every slow-path allocation collect first; `collect()`
// runs a minor collection on demand (tests call it from helpers to move objects under the JIT).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "runtime/jit/backend/gc_interface.h"
#include "runtime/layout.h"

namespace rpp::jit {

class TestGc {
 public:
  struct Options {
    size_t nursery_bytes = 1 << 20;
    size_t shadow_stack_slots = 1 << 16;
    bool stress = false;  // collect at every slow-path allocation
  };
  explicit TestGc(const std::vector<layout::TypeInfo>& type_table, Options options);
  explicit TestGc(const std::vector<layout::TypeInfo>& type_table) : TestGc(type_table, Options{}) {}
  ~TestGc();
  TestGc(const TestGc&) = delete;
  TestGc& operator=(const TestGc&) = delete;

  const GcForJit& hooks() const { return hooks_; }

  // Allocation from C++ (tests, helpers, the reference interpreter): zeroed, header written.
  layout::GcHeader* malloc_fixed(uint32_t tid, size_t size);
  layout::GcHeader* malloc_varsize(uint32_t tid, int64_t length);
  // A non-moving object in the old space (like a prebuilt object): flagged for the barrier.
  layout::GcHeader* malloc_old(uint32_t tid, size_t size);
  void write_barrier(layout::GcHeader* object);

  void collect();  // a minor collection
  bool is_young(const void* p) const;
  size_t collections() const { return collections_; }
  size_t write_barrier_calls() const { return barrier_calls_; }

  void add_roots(layout::GcHeader** start, size_t count);
  void remove_roots(layout::GcHeader** start);

  // The shadow stack, for C++ code holding references across allocations.
  void push_root(void* p) { *layout::rpp_globals.root_stack_top++ = static_cast<layout::GcHeader*>(p); }
  void* pop_root() { return *--layout::rpp_globals.root_stack_top; }

  size_t object_size(const layout::GcHeader* obj) const;
  const layout::TypeInfo& type_info(uint32_t tid) const { return type_table_.at(tid); }

 private:
  layout::GcHeader* allocate_slow(uint32_t tid, size_t size);
  layout::GcHeader* copy_out(layout::GcHeader* young);
  void update_ref(layout::GcHeader** slot);
  void trace_object(layout::GcHeader* obj);

  Options options_;
  std::vector<layout::TypeInfo> type_table_;
  std::unique_ptr<char[]> nursery_;
  std::unique_ptr<layout::GcHeader*[]> shadow_stack_;
  std::vector<void*> old_objects_;
  std::vector<layout::GcHeader*> remembered_;
  std::vector<layout::GcHeader*> scan_queue_;
  std::vector<std::pair<layout::GcHeader**, size_t>> root_ranges_;
  GcForJit hooks_;
  size_t collections_ = 0;
  size_t barrier_calls_ = 0;
};

}  // namespace rpp::jit
