// Identity hashes (gc.h): the hash of an object is a mix of its address, a bijection, so two
// live old objects never share one. Old and large objects never move. A nursery object will
// move and its nursery address will be reused: its hash is the mix of a pseudo-address that no
// object can have (above the user address space, a counter), remembered by nursery address
// until the minor collection stores it in an extra word after the copy (kFlagHashField), where
// later calls read it. So hashes are stable and unique among live objects: `gc_id` (id(),
// compute_unique_id) is the identity hash.
#include "runtime/gc/gc.h"
#include "runtime/gc/gen/heap.h"

namespace rpp::gc::gen {

int64_t hash_of_address(const void* p) {
  uint64_t h = (reinterpret_cast<uintptr_t>(p) >> 3) * 0x9E3779B97F4A7C15ull;
  h ^= h >> 29;
  return h == 0 ? 1 : int64_t(h);
}

int64_t young_hash(Heap& heap, const GcHeader* young) {
  auto [it, inserted] = heap.young_hashes.try_emplace(young, 0);
  if (inserted) {
    uintptr_t pseudo_address = (uintptr_t(1) << 62) + 8 * uintptr_t(++heap.young_hashes_given);
    it->second = hash_of_address(reinterpret_cast<const void*>(pseudo_address));
  }
  return it->second;
}

}  // namespace rpp::gc::gen

extern "C" int64_t rpp_gc_identity_hash(rpp::layout::GcHeader* object) {
  using namespace rpp::gc::gen;
  uint32_t flags = object->flags;
  if (flags & kFlagHashField) return rpp::layout::read_at<int64_t>(object, object_size_of(object));
  if (heap().nursery.contains(object)) {
    object->flags = flags | rpp::layout::kGcFlagHashTaken;
    return young_hash(heap(), object);
  }
  return hash_of_address(object);
}
