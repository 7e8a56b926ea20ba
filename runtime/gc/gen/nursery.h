// The nursery: one zeroed range that emitted code, the JIT and the slow path allocate from by
// bumping rpp_globals.nursery_free up to rpp_globals.nursery_top (layout.h). After a minor
// collection the used part is zeroed again. In stress mode two tiny nurseries alternate and the
// one not in use is inaccessible (PROT_NONE), so a reference to a young object kept unrooted
// across a collection faults at once, and the fast path is closed (nursery_top = nursery_free)
// so that every allocation, inline ones included, reaches the slow path.
#pragma once
#include <cstddef>

namespace rpp::gc::gen {

// The default nursery size: the L2 cache (sysconf, then sysfs), else 1 MiB; at least 64 KiB.
size_t default_nursery_bytes();

// Parses RPP_GC_NURSERY ("4M", "512K", "65536"); 0 if unset or invalid.
size_t parse_size(const char* text);

class Nursery {
 public:
  // Maps the nursery (two of them when `alternate`) and installs the bump pointers.
  void init(size_t bytes, bool alternate);
  bool contains(const void* p) const { return p >= start_ && p < end_; }
  size_t size() const { return size_t(end_ - start_); }
  size_t used() const;
  // After a minor collection: zero the used part (or switch to the other nursery) and reset the
  // bump pointers.
  void reset();
  // Stress mode: nursery_top = nursery_free, so that the inline fast path of emitted code and
  // the JIT always fails and every allocation reaches the slow path (which collects); open
  // puts nursery_top back at the end.
  void close_fast_path();
  void open_fast_path();
  // Stress mode on or off: whether the two nurseries alternate.
  void set_alternate(bool alternate);
  // The largest object the fast path may allocate.
  size_t max_object_size() const { return max_object_; }

 private:
  char* start_ = nullptr;
  char* end_ = nullptr;
  char* other_ = nullptr;  // the alternate nursery (stress mode), inaccessible while unused
  size_t max_object_ = 0;
};

}  // namespace rpp::gc::gen
