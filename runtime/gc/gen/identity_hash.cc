// Identity hashes (gc.h): the hash of an object is a mix of its address. Old and large objects
// never move; a young object's hash is the one of its nursery address, and taking it sets
// kGcFlagHashTaken so that the minor collection stores it in an extra word after the copy
// (kFlagHashField), where later calls read it.
#include "runtime/gc/gc.h"
#include "runtime/gc/gen/heap.h"

namespace rpp::gc::gen {

int64_t hash_of_address(const void* p) {
  uint64_t h = (reinterpret_cast<uintptr_t>(p) >> 3) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  return h == 0 ? 1 : int64_t(h);
}

}  // namespace rpp::gc::gen

extern "C" int64_t rpp_gc_identity_hash(rpp::layout::GcHeader* object) {
  using namespace rpp::gc::gen;
  uint32_t flags = object->flags;
  if (flags & kFlagHashField) return rpp::layout::read_at<int64_t>(object, object_size_of(object));
  if (heap().nursery.contains(object) && !(flags & rpp::layout::kGcFlagHashTaken))
    object->flags = flags | rpp::layout::kGcFlagHashTaken;
  return hash_of_address(object);
}
