// Ordered dicts with open addressing (layout.h "Dicts"; PyPy's rordereddict and CPython's
// compact dict): entries in insertion order in a GcArray of ENTRY {hash, key, value...}, and a
// power-of-two index table of int32 slots (0 free, 1 deleted, else entry index + 2) probed
// with CPython's perturbation. Keys are Signed (hash: the value), str (hash: str_hash, given by
// the caller), GC objects by identity (hash: the GC's identity hash), or custom (r_dict and
// tuple keys: the caller gives the hash and an eq function, which may raise or collect).
// The helpers return entry indexes; the rtyper reads and writes values with ordinary operations.
#include <algorithm>
#include <cstring>

#include "runtime/gc/gc.h"
#include "runtime/gc/roots.h"
#include "runtime/rlib/dict_index.h"
#include "runtime/rlib/exceptions.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helpers.h"

namespace layout = rpp::layout;
using rpp::gc::Rooted;

namespace {

constexpr int32_t kSlotFree = rpp::rlib::kDictSlotFree;
constexpr int32_t kSlotDeleted = rpp::rlib::kDictSlotDeleted;
constexpr int64_t kMinIndexes = rpp::rlib::kDictMinIndexes;
using rpp::rlib::dict_stored_hash;

int64_t stored_hash(int64_t hash) { return dict_stored_hash(hash); }

struct DictView {
  void* d;
  void* indexes() const { return layout::read_at<void*>(d, layout::kDictIndexesOffset); }
  void* entries() const { return layout::read_at<void*>(d, layout::kDictEntriesOffset); }
  int64_t num_items() const { return layout::read_at<int64_t>(d, layout::kDictNumItemsOffset); }
  int64_t num_ever_used() const { return layout::read_at<int64_t>(d, layout::kDictNumEverUsedOffset); }
  void set_num_items(int64_t n) const { layout::write_at<int64_t>(d, layout::kDictNumItemsOffset, n); }
  void set_num_ever_used(int64_t n) const { layout::write_at<int64_t>(d, layout::kDictNumEverUsedOffset, n); }
  int64_t index_count() const { return layout::array_length(indexes()); }
  int32_t* slots() const {
    return reinterpret_cast<int32_t*>(static_cast<char*>(indexes()) + layout::kArrayItemsOffset);
  }
  const layout::TypeInfo& entry_info() const { return rpp::gc::type_info(layout::type_id_of(entries())); }
  int64_t capacity() const { return layout::array_length(entries()); }
  char* entry(int64_t e) const {
    const layout::TypeInfo& info = entry_info();
    return static_cast<char*>(entries()) + info.items_offset + size_t(e) * info.item_size;
  }
  int64_t entry_hash(int64_t e) const { return layout::read_at<int64_t>(entry(e), layout::kDictEntryHashOffset); }
  int64_t entry_key(int64_t e) const { return layout::read_at<int64_t>(entry(e), layout::kDictEntryKeyOffset); }
};

// The probe sequence over the index table (dict_index.h).
using Probe = rpp::rlib::DictProbe;

// Where `key` is (entry index), or -1 with `free_slot` set to the slot where it would go. The
// entries' layout is read once (not per probe); the stored hash is compared before the key.
template <class KeyEquals>
int64_t find(const DictView& v, int64_t hash, KeyEquals equals, int64_t* free_slot) {
  int32_t* slots = v.slots();
  const layout::TypeInfo& info = v.entry_info();
  const char* items = static_cast<const char*>(v.entries()) + info.items_offset;
  const size_t item_size = info.item_size;
  int64_t first_deleted = -1;
  for (Probe p(hash, v.index_count());; p.next()) {
    int32_t s = slots[p.i];
    if (s == kSlotFree) {
      if (free_slot) *free_slot = first_deleted >= 0 ? first_deleted : int64_t(p.i);
      return -1;
    }
    if (s == kSlotDeleted) {
      if (first_deleted < 0) first_deleted = int64_t(p.i);
      continue;
    }
    int64_t e = s - 2;
    const char* entry = items + size_t(e) * item_size;
    if (layout::read_at<int64_t>(entry, layout::kDictEntryHashOffset) == hash &&
        equals(layout::read_at<int64_t>(entry, layout::kDictEntryKeyOffset)))
      return e;
  }
}

int64_t index_table_size_for(int64_t capacity) { return rpp::rlib::dict_index_table_size_for(capacity); }

// Moves the live entries into fresh arrays sized for `num_items` to grow, in order, and
// rebuilds the index table. May collect: the dict is returned (it may move).
void* rebuild(void* d, int64_t min_capacity) {
  Rooted<void> rd(d);
  DictView v{d};
  int64_t live = v.num_items();
  int64_t capacity = live * 2 > min_capacity ? live * 2 : min_capacity;
  if (capacity < 5) capacity = 5;
  int64_t index_count = index_table_size_for(capacity);
  if (index_count > (int64_t(1) << 31)) rpp_fatal_error_cstr("out of memory (dict too large)");
  uint32_t entries_tid = layout::type_id_of(v.entries());
  Rooted<void> new_entries(rpp_gc_malloc_varsize(entries_tid, capacity));
  void* new_indexes = rpp_gc_malloc_varsize(layout::kTidDictIndexes, index_count);
  v.d = rd.get();
  DictView fresh{v.d};
  const layout::TypeInfo& info = v.entry_info();
  int32_t* slots = reinterpret_cast<int32_t*>(static_cast<char*>(new_indexes) + layout::kArrayItemsOffset);
  char* out = static_cast<char*>(new_entries.get()) + info.items_offset;
  rpp::gc::write_barrier(new_entries.get());
  int64_t n = 0;
  for (int64_t e = 0; e < v.num_ever_used(); ++e) {
    int64_t h = v.entry_hash(e);
    if (h == 0) continue;
    std::memcpy(out + size_t(n) * info.item_size, v.entry(e), info.item_size);
    rpp::rlib::dict_place_entry(slots, index_count, h, n);
    ++n;
  }
  rpp::gc::store_ref(v.d, layout::kDictEntriesOffset, new_entries.get());
  rpp::gc::store_ref(v.d, layout::kDictIndexesOffset, new_indexes);
  fresh.set_num_items(n);
  fresh.set_num_ever_used(n);
  return v.d;
}

// Appends a new entry for a key known to be absent at `slot`; returns its index. The key is
// written by the caller (`write_key`), after any collection.
template <class WriteKey>
int64_t add_entry(void* d, int64_t hash, int64_t slot, WriteKey write_key) {
  DictView v{d};
  int64_t e = v.num_ever_used();
  v.slots()[slot] = int32_t(e + 2);
  layout::write_at<int64_t>(v.entry(e), layout::kDictEntryHashOffset, hash);
  write_key(v, e);
  v.set_num_ever_used(e + 1);
  v.set_num_items(v.num_items() + 1);
  return e;
}

// Makes room for one more entry (may collect and move the dict).
void* make_room(void* d) {
  DictView v{d};
  if (v.num_ever_used() < v.capacity()) return d;
  return rebuild(d, v.num_items() + 1);
}

// A prebuilt dict with identity keys comes with its index table marked stale (identity hashes
// exist only at run time: dict_index.h). Before its first lookup, insertion or deletion, each
// entry gets its key's identity hash and the table is refilled in place (the same size: no
// allocation, so these helpers still never collect). The keys are prebuilt objects, which never
// move, so their hashes are those later lookups compute.
void ensure_index(const DictView& v) {
  int32_t* slots = v.slots();
  if (__builtin_expect(slots[0] != rpp::rlib::kDictSlotStale, 1)) return;
  int64_t count = v.index_count();
  std::fill(slots, slots + count, kSlotFree);
  for (int64_t e = 0; e < v.num_ever_used(); ++e) {
    if (v.entry_hash(e) == 0) continue;  // deleted (never, before the first deletion)
    auto* key = reinterpret_cast<layout::GcHeader*>(v.entry_key(e));
    int64_t hash = stored_hash(key ? rpp_gc_identity_hash(key) : 0);
    layout::write_at<int64_t>(v.entry(e), layout::kDictEntryHashOffset, hash);
    rpp::rlib::dict_place_entry(slots, count, hash, e);
  }
}

// The same object (interned names, the common case) before comparing characters.
bool str_keys_equal(int64_t stored, void* key) {
  if (reinterpret_cast<void*>(stored) == key) return true;
  return rpp_helper_str_eq(reinterpret_cast<void*>(stored), key);
}

}  // namespace

extern "C" {

void* rpp_helper_dict_new(int64_t dict_tid, int64_t entries_tid) {
  Rooted<void> entries(rpp_gc_malloc_varsize(uint64_t(entries_tid), 5));
  Rooted<void> indexes(rpp_gc_malloc_varsize(layout::kTidDictIndexes, kMinIndexes));
  void* d = rpp::gc::allocate_fixed(uint32_t(dict_tid));
  layout::write_at<void*>(d, layout::kDictIndexesOffset, indexes.get());
  layout::write_at<void*>(d, layout::kDictEntriesOffset, entries.get());
  return d;
}

int64_t rpp_helper_dict_lookup_int(void* d, int64_t key) {
  return find(DictView{d}, stored_hash(key), [key](int64_t k) { return k == key; }, nullptr);
}

int64_t rpp_helper_dict_lookup_str(void* d, void* key, int64_t hash) {
  return find(DictView{d}, stored_hash(hash), [key](int64_t k) { return str_keys_equal(k, key); }, nullptr);
}

int64_t rpp_helper_dict_lookup_ref(void* d, void* key) {
  ensure_index(DictView{d});
  if (!key) return find(DictView{d}, stored_hash(0), [](int64_t k) { return k == 0; }, nullptr);
  auto k0 = int64_t(reinterpret_cast<intptr_t>(key));
  return find(DictView{d}, stored_hash(rpp_gc_identity_hash(static_cast<layout::GcHeader*>(key))),
              [k0](int64_t k) { return k == k0; }, nullptr);
}

int64_t rpp_helper_dict_insert_int(void* d, int64_t key) {
  int64_t hash = stored_hash(key), slot;
  int64_t e = find(DictView{d}, hash, [key](int64_t k) { return k == key; }, &slot);
  if (e >= 0) return e;
  void* moved = make_room(d);
  find(DictView{moved}, hash, [](int64_t) { return false; }, &slot);
  return add_entry(moved, hash, slot, [key](const DictView& v, int64_t e2) {
    layout::write_at<int64_t>(v.entry(e2), layout::kDictEntryKeyOffset, key);
  });
}

int64_t rpp_helper_dict_insert_str(void* d, void* key, int64_t hash) {
  hash = stored_hash(hash);
  int64_t slot;
  int64_t e = find(DictView{d}, hash, [key](int64_t k) { return str_keys_equal(k, key); }, &slot);
  if (e >= 0) return e;
  Rooted<void> rkey(key);
  d = make_room(d);
  find(DictView{d}, hash, [](int64_t) { return false; }, &slot);
  return add_entry(d, hash, slot, [&rkey](const DictView& v, int64_t e2) {
    rpp::gc::write_barrier_array(v.entries(), e2);
    layout::write_at<void*>(v.entry(e2), layout::kDictEntryKeyOffset, rkey.get());
  });
}

int64_t rpp_helper_dict_insert_ref(void* d, void* key) {
  ensure_index(DictView{d});
  int64_t hash = stored_hash(key ? rpp_gc_identity_hash(static_cast<layout::GcHeader*>(key)) : 0);
  auto k0 = int64_t(reinterpret_cast<intptr_t>(key));
  int64_t slot;
  int64_t e = find(DictView{d}, hash, [k0](int64_t k) { return k == k0; }, &slot);
  if (e >= 0) return e;
  Rooted<void> rkey(key);
  d = make_room(d);
  find(DictView{d}, hash, [](int64_t) { return false; }, &slot);
  return add_entry(d, hash, slot, [&rkey](const DictView& v, int64_t e2) {
    rpp::gc::write_barrier_array(v.entries(), e2);
    layout::write_at<void*>(v.entry(e2), layout::kDictEntryKeyOffset, rkey.get());
  });
}

// Custom keys: `eq` is an RPython function; it may collect (so every reference is rooted and
// re-read), raise (then -1 is returned with the exception pending) or change the dict (then the
// lookup starts again, as CPython does).
int64_t rpp_helper_dict_lookup_custom(void* d, void* key, int64_t hash, bool (*eq)(void*, void*)) {
  hash = stored_hash(hash);
  Rooted<void> rd(d), rkey(key);
restart:
  DictView v{rd.get()};
  Rooted<void> indexes(v.indexes()), entries(v.entries());
  for (Probe p(hash, v.index_count());; p.next()) {
    int32_t s = DictView{rd.get()}.slots()[p.i];
    if (s == kSlotFree) return -1;
    if (s == kSlotDeleted) continue;
    int64_t e = s - 2;
    DictView cur{rd.get()};
    if (cur.entry_hash(e) != hash) continue;
    void* stored = reinterpret_cast<void*>(cur.entry_key(e));
    if (stored == rkey.get()) return e;
    bool equal = eq(stored, rkey.get());
    if (rpp::rlib::exception_pending()) return -1;
    DictView after{rd.get()};
    if (after.indexes() != indexes.get() || after.entries() != entries.get()) goto restart;
    if (after.entry_hash(e) != hash) goto restart;
    if (equal) return e;
  }
}

int64_t rpp_helper_dict_insert_custom(void* d, void* key, int64_t hash, bool (*eq)(void*, void*)) {
  Rooted<void> rd(d), rkey(key);
  int64_t e = rpp_helper_dict_lookup_custom(d, key, hash, eq);
  if (e >= 0 || rpp::rlib::exception_pending()) return e;
  int64_t h = stored_hash(hash), slot;
  void* moved = make_room(rd.get());
  find(DictView{moved}, h, [](int64_t) { return false; }, &slot);
  return add_entry(moved, h, slot, [&rkey](const DictView& v, int64_t e2) {
    rpp::gc::write_barrier_array(v.entries(), e2);
    layout::write_at<void*>(v.entry(e2), layout::kDictEntryKeyOffset, rkey.get());
  });
}

void rpp_helper_dict_delete_index(void* d, int64_t e) {
  DictView v{d};
  ensure_index(v);  // popitem() may come first
  int64_t hash = v.entry_hash(e);
  if (hash == 0) return;
  int32_t* slots = v.slots();
  for (Probe p(hash, v.index_count());; p.next()) {
    if (slots[p.i] == int32_t(e + 2)) {
      slots[p.i] = kSlotDeleted;
      break;
    }
    if (slots[p.i] == kSlotFree) rpp_fatal_error_cstr("dict_delete_index: entry not in the index table");
  }
  std::memset(v.entry(e), 0, v.entry_info().item_size);
  v.set_num_items(v.num_items() - 1);
}

void rpp_helper_dict_clear(void* d) {
  DictView v{d};
  if (v.num_ever_used() == 0) return;
  Rooted<void> rd(d);
  Rooted<void> entries(rpp_gc_malloc_varsize(layout::type_id_of(v.entries()), 5));
  void* indexes = rpp_gc_malloc_varsize(layout::kTidDictIndexes, kMinIndexes);
  rpp::gc::store_ref(rd.get(), layout::kDictIndexesOffset, indexes);
  rpp::gc::store_ref(rd.get(), layout::kDictEntriesOffset, entries.get());
  DictView{rd.get()}.set_num_items(0);
  DictView{rd.get()}.set_num_ever_used(0);
}

int64_t rpp_helper_dict_next_index(void* d, int64_t index) {
  DictView v{d};
  for (int64_t e = index < 0 ? 0 : index; e < v.num_ever_used(); ++e)
    if (v.entry_hash(e) != 0) return e;
  return -1;
}

int64_t rpp_helper_dict_last_index(void* d) {
  DictView v{d};
  for (int64_t e = v.num_ever_used() - 1; e >= 0; --e)
    if (v.entry_hash(e) != 0) return e;
  return -1;
}

}  // extern "C"
