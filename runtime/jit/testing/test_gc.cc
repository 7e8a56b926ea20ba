// The test GC (see test_gc.h).
#include "runtime/jit/testing/test_gc.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/jit/backend/jitframe.h"

namespace rpp::jit {

using layout::GcHeader;
using layout::rpp_globals;

namespace {

size_t round8(size_t n) { return (n + 7) & ~size_t{7}; }

[[noreturn]] void fatal(const char* msg) {
  std::fprintf(stderr, "test GC: %s\n", msg);
  std::abort();
}

}  // namespace

TestGc::TestGc(const std::vector<layout::TypeInfo>& type_table, Options options)
    : options_(options), type_table_(type_table) {
  if (type_table_.size() <= kTidJitFrame) type_table_.resize(kTidJitFrame + 1, layout::TypeInfo{});
  type_table_[kTidJitFrame] = jitframe_type_info();
  nursery_.reset(new char[options_.nursery_bytes]());
  shadow_stack_.reset(new GcHeader*[options_.shadow_stack_slots]());
  if (rpp_globals.nursery_top != nullptr) fatal("another GC is installed");
  rpp_globals.nursery_free = nursery_.get();
  rpp_globals.nursery_top = nursery_.get() + options_.nursery_bytes;
  rpp_globals.root_stack_base = shadow_stack_.get();
  rpp_globals.root_stack_top = shadow_stack_.get();
  rpp_globals.root_stack_limit = shadow_stack_.get() + options_.shadow_stack_slots;
  rpp_globals.type_info_table = type_table_.data();
  rpp_globals.type_info_count = type_table_.size();

  hooks_.gc = this;
  hooks_.malloc_fixed = [](void* gc, uint64_t tid, uint64_t size) {
    return static_cast<TestGc*>(gc)->malloc_fixed(static_cast<uint32_t>(tid), size);
  };
  hooks_.malloc_varsize = [](void* gc, uint64_t tid, int64_t length) {
    return static_cast<TestGc*>(gc)->malloc_varsize(static_cast<uint32_t>(tid), length);
  };
  hooks_.write_barrier = [](void* gc, GcHeader* obj) { static_cast<TestGc*>(gc)->write_barrier(obj); };
  hooks_.add_roots = [](void* gc, GcHeader** start, size_t n) { static_cast<TestGc*>(gc)->add_roots(start, n); };
  hooks_.remove_roots = [](void* gc, GcHeader** start) { static_cast<TestGc*>(gc)->remove_roots(start); };
  hooks_.max_nursery_object_size = options_.nursery_bytes / 4;
}

TestGc::~TestGc() {
  for (void* p : old_objects_) std::free(p);
  rpp_globals.nursery_free = nullptr;
  rpp_globals.nursery_top = nullptr;
  rpp_globals.root_stack_base = rpp_globals.root_stack_top = rpp_globals.root_stack_limit = nullptr;
  rpp_globals.type_info_table = nullptr;
  rpp_globals.type_info_count = 0;
}

bool TestGc::is_young(const void* p) const {
  auto* c = static_cast<const char*>(p);
  return c >= nursery_.get() && c < nursery_.get() + options_.nursery_bytes;
}

size_t TestGc::object_size(const GcHeader* obj) const {
  const layout::TypeInfo& info = type_info(obj->tid);
  if (!(info.flags & layout::kTypeInfoVarsize)) return info.fixed_size;
  int64_t length = layout::read_at<int64_t>(obj, info.length_offset);
  if (info.flags & layout::kTypeInfoIsString) return layout::str_allocation_size(length, obj->tid == layout::kTidStrWide);
  size_t size = round8(info.items_offset + static_cast<size_t>(length) * info.item_size);
  return size < layout::kMinObjectSize ? layout::kMinObjectSize : size;
}

GcHeader* TestGc::malloc_old(uint32_t tid, size_t size) {
  void* p = std::calloc(1, size);
  if (!p) fatal("out of memory");
  old_objects_.push_back(p);
  auto* obj = static_cast<GcHeader*>(p);
  obj->tid = tid;
  obj->flags = layout::kGcFlagTrackYoungPtrs;
  return obj;
}

GcHeader* TestGc::allocate_slow(uint32_t tid, size_t size) {
  if (size > hooks_.max_nursery_object_size) return malloc_old(tid, size);
  if (options_.stress || static_cast<size_t>(rpp_globals.nursery_top - rpp_globals.nursery_free) < size) collect();
  if (static_cast<size_t>(rpp_globals.nursery_top - rpp_globals.nursery_free) < size) fatal("nursery too small");
  auto* obj = reinterpret_cast<GcHeader*>(rpp_globals.nursery_free);
  rpp_globals.nursery_free += size;
  obj->tid = tid;
  obj->flags = 0;
  return obj;
}

GcHeader* TestGc::malloc_fixed(uint32_t tid, size_t size) {
  if (size % 8 != 0 || size < layout::kMinObjectSize) fatal("malloc_fixed: bad size");
  return allocate_slow(tid, size);
}

GcHeader* TestGc::malloc_varsize(uint32_t tid, int64_t length) {
  if (tid >= type_table_.size()) fatal("malloc_varsize: unknown type id");
  const layout::TypeInfo& info = type_table_[tid];
  if (!(info.flags & layout::kTypeInfoVarsize) || length < 0) fatal("malloc_varsize: not an array type");
  size_t size;
  if (info.flags & layout::kTypeInfoIsString) size = layout::str_allocation_size(length, tid == layout::kTidStrWide);
  else size = std::max(layout::kMinObjectSize, round8(info.items_offset + static_cast<size_t>(length) * info.item_size));
  GcHeader* obj = allocate_slow(tid, size);
  layout::write_at<int64_t>(obj, info.length_offset, length);
  return obj;
}

void TestGc::write_barrier(GcHeader* obj) {
  ++barrier_calls_;
  if (!(obj->flags & layout::kGcFlagTrackYoungPtrs)) fatal("write barrier on an object without the flag");
  obj->flags &= ~layout::kGcFlagTrackYoungPtrs;
  remembered_.push_back(obj);
}

void TestGc::add_roots(GcHeader** start, size_t count) { root_ranges_.push_back({start, count}); }

void TestGc::remove_roots(GcHeader** start) {
  for (size_t i = 0; i < root_ranges_.size(); ++i)
    if (root_ranges_[i].first == start) {
      root_ranges_.erase(root_ranges_.begin() + static_cast<long>(i));
      return;
    }
  fatal("remove_roots of a range never added");
}

GcHeader* TestGc::copy_out(GcHeader* young) {
  if (young->flags & layout::kGcFlagForwarded) return layout::read_at<GcHeader*>(young, 8);
  size_t size = object_size(young);
  void* p = std::malloc(size);
  if (!p) fatal("out of memory");
  std::memcpy(p, young, size);
  old_objects_.push_back(p);
  auto* copy = static_cast<GcHeader*>(p);
  copy->flags |= layout::kGcFlagTrackYoungPtrs;
  young->flags |= layout::kGcFlagForwarded;
  layout::write_at<GcHeader*>(young, 8, copy);
  scan_queue_.push_back(copy);
  return copy;
}

void TestGc::update_ref(GcHeader** slot) {
  GcHeader* p = *slot;
  if (p && is_young(p)) *slot = copy_out(p);
}

void TestGc::trace_object(GcHeader* obj) {
  char* base = reinterpret_cast<char*>(obj);
  if (obj->tid == kTidJitFrame) {
    auto* frame = reinterpret_cast<JitFrame*>(obj);
    update_ref(&frame->guard_exc);
    update_ref(reinterpret_cast<GcHeader**>(&frame->forward));
    for (int64_t i = 0; i < frame->length; ++i)
      if (gcmap_is_ref(frame->gcmap, i)) update_ref(reinterpret_cast<GcHeader**>(&frame->slots[i]));
    return;
  }
  if (obj->tid >= type_table_.size()) fatal("tracing an object with an unknown type id");
  const layout::TypeInfo& info = type_table_[obj->tid];
  for (uint32_t i = 0; i < info.gc_ptr_count; ++i)
    update_ref(reinterpret_cast<GcHeader**>(base + info.gc_ptr_offsets[i]));
  if ((info.flags & layout::kTypeInfoVarsize) && info.item_gc_ptr_count) {
    int64_t length = layout::read_at<int64_t>(obj, info.length_offset);
    for (int64_t k = 0; k < length; ++k) {
      char* item = base + info.items_offset + static_cast<size_t>(k) * info.item_size;
      for (uint32_t i = 0; i < info.item_gc_ptr_count; ++i)
        update_ref(reinterpret_cast<GcHeader**>(item + info.item_gc_ptr_offsets[i]));
    }
  }
}

void TestGc::collect() {
  ++collections_;
  for (GcHeader** s = rpp_globals.root_stack_base; s < rpp_globals.root_stack_top; ++s) {
    GcHeader* p = *s;
    if (!p || (reinterpret_cast<uintptr_t>(p) & 1)) continue;
    if (is_young(p)) update_ref(s);
    else trace_object(p);  // an old JIT frame (or any old root) may hold young references
  }
  update_ref(&rpp_globals.exc_value);
  for (auto& [start, count] : root_ranges_)
    for (size_t i = 0; i < count; ++i) update_ref(&start[i]);
  for (GcHeader* obj : remembered_) {
    trace_object(obj);
    obj->flags |= layout::kGcFlagTrackYoungPtrs;
  }
  remembered_.clear();
  while (!scan_queue_.empty()) {
    GcHeader* obj = scan_queue_.back();
    scan_queue_.pop_back();
    trace_object(obj);
  }
  std::memset(nursery_.get(), 0, options_.nursery_bytes);
  rpp_globals.nursery_free = nursery_.get();
}

}  // namespace rpp::jit
