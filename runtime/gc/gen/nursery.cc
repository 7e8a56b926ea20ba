// The nursery (nursery.h): sizing from the cache, mapping, and the reset after a minor
// collection.
#include "runtime/gc/gen/nursery.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/gc/gen/old_space.h"
#include "runtime/layout.h"

extern "C" [[noreturn]] void rpp_fatal_error_cstr(const char* message);

namespace rpp::gc::gen {

namespace {

constexpr size_t kPage = 4096;

char* map_zeroed(size_t bytes) {
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) rpp_fatal_error_cstr("cannot map the nursery");
  return static_cast<char*>(mem);
}

size_t l2_from_sysfs() {
  for (int index = 0; index < 8; ++index) {
    char path[96];
    std::snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/level", index);
    FILE* f = std::fopen(path, "r");
    if (!f) continue;
    int level = 0;
    bool ok = std::fscanf(f, "%d", &level) == 1;
    std::fclose(f);
    if (!ok || level != 2) continue;
    std::snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", index);
    f = std::fopen(path, "r");
    if (!f) continue;
    char text[32] = {};
    ok = std::fscanf(f, "%31s", text) == 1;
    std::fclose(f);
    if (ok) return parse_size(text);
  }
  return 0;
}

}  // namespace

size_t parse_size(const char* text) {
  if (!text || !*text) return 0;
  char* end = nullptr;
  unsigned long long n = std::strtoull(text, &end, 10);
  if (end == text) return 0;
  switch (*end) {
    case 'k': case 'K': n <<= 10; ++end; break;
    case 'm': case 'M': n <<= 20; ++end; break;
    case 'g': case 'G': n <<= 30; ++end; break;
    default: break;
  }
  if (*end == 'B' || *end == 'b') ++end;
  if (*end) return 0;
  return size_t(n);
}

size_t default_nursery_bytes() {
  size_t bytes = 0;
#ifdef _SC_LEVEL2_CACHE_SIZE
  long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
  if (l2 > 0) bytes = size_t(l2);
#endif
  if (!bytes) bytes = l2_from_sysfs();
  if (!bytes) bytes = size_t(1) << 20;
  return std::max(bytes, size_t(64) << 10);
}

void Nursery::init(size_t bytes, bool alternate) {
  bytes = std::max((bytes + kPage - 1) & ~(kPage - 1), kPage);
  start_ = map_zeroed(bytes);
  end_ = start_ + bytes;
  if (alternate) {
    other_ = map_zeroed(bytes);
    mprotect(other_, bytes, PROT_NONE);
  }
  // Objects bigger than a quarter of the nursery (or than the biggest arena cell) are large.
  max_object_ = std::min(kMaxSmallObject, bytes / 4) & ~size_t(layout::kObjectAlignment - 1);
  layout::rpp_globals.nursery_free = start_;
  layout::rpp_globals.nursery_top = end_;
}

void Nursery::set_alternate(bool alternate) {
  if (alternate == (other_ != nullptr)) return;
  if (alternate) {
    other_ = map_zeroed(size());
    mprotect(other_, size(), PROT_NONE);
  } else {
    munmap(other_, size());
    other_ = nullptr;
  }
}

void Nursery::close_fast_path() { layout::rpp_globals.nursery_top = layout::rpp_globals.nursery_free; }
void Nursery::open_fast_path() { layout::rpp_globals.nursery_top = end_; }

size_t Nursery::used() const { return size_t(layout::rpp_globals.nursery_free - start_); }

void Nursery::reset() {
  size_t used_bytes = used();
  if (other_) {
    size_t bytes = size();
    std::memset(start_, 0, used_bytes);
    mprotect(start_, bytes, PROT_NONE);
    mprotect(other_, bytes, PROT_READ | PROT_WRITE);
    std::swap(start_, other_);
    end_ = start_ + bytes;
  } else {
    std::memset(start_, 0, used_bytes);
  }
  layout::rpp_globals.nursery_free = start_;
  layout::rpp_globals.nursery_top = end_;
}

}  // namespace rpp::gc::gen
