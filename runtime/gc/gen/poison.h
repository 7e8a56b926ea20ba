// Marks freed GC memory as unusable under AddressSanitizer (a no-op in other builds), so a
// reference to a freed old object is reported where it is used.
#pragma once
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define RPP_GC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RPP_GC_ASAN 1
#endif
#endif

#ifdef RPP_GC_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace rpp::gc::gen {

inline void poison_memory(const void* p, size_t bytes) {
#ifdef RPP_GC_ASAN
  ASAN_POISON_MEMORY_REGION(p, bytes);
#else
  (void)p;
  (void)bytes;
#endif
}

inline void unpoison_memory(const void* p, size_t bytes) {
#ifdef RPP_GC_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, bytes);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace rpp::gc::gen
