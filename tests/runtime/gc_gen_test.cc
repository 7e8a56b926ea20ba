// Unit tests of the generational GC (runtime/gc/gen, docs/gc.md) through the GC interface and
// the rooting API: random object graphs mutated and checked against a model after minor and
// major collections (also in stress mode), identity hashes across the move out of the nursery,
// the remembered set (old objects, prebuilt objects, cards of large arrays), JIT frames and root
// ranges, and resident memory falling after a peak of garbage. Its own main installs a type
// table with the runtime's types and the test types below. Also built with AddressSanitizer
// (runtime_gc_gen_asan_test).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <unordered_map>
#include <vector>

#include "runtime/gc/gc.h"
#include "runtime/gc/gen/gen_stats.h"
#include "runtime/gc/jit_hooks.h"
#include "runtime/gc/roots.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"

namespace layout = rpp::layout;
using layout::GcHeader;
using rpp::gc::Rooted;

namespace {

// Test types.
constexpr uint32_t kTidNode = 16;      // {hdr, id: Signed @8, a: ref @16, b: ref @24}
constexpr uint32_t kTidPairs = 17;     // GcArray({key: Signed, value: ref}): items at 16, 16 bytes each
constexpr uint32_t kTidBlob = 18;      // GcArray(char): no GC pointers
constexpr uint32_t kTidBigNode = 19;   // 3000 bytes: {id @8, a: ref @16, b: ref @2984}
constexpr uint32_t kTypeCount = 20;
constexpr size_t kBigNodeSize = 3000;
constexpr size_t kBigNodeB = 2984;

constexpr uint32_t kNodePtrs[] = {16, 24};
constexpr uint32_t kPairPtrs[] = {8};
constexpr uint32_t kBigPtrs[] = {16, uint32_t(kBigNodeB)};

std::array<layout::TypeInfo, kTypeCount> make_table() {
  std::array<layout::TypeInfo, kTypeCount> t{};
  for (uint32_t tid = 0; tid < layout::kFirstGeneratedTid; ++tid) t[tid] = rpp::gc::runtime_type_info(tid);
  t[kTidNode] = {32, 0, 0, 0, 0, 2, kNodePtrs, 0, nullptr};
  t[kTidPairs] = {16, layout::kTypeInfoVarsize | layout::kTypeInfoItemsHaveGcPtrs, 16, 8, 16, 0, nullptr, 1, kPairPtrs};
  t[kTidBlob] = {16, layout::kTypeInfoVarsize, 1, 8, 16, 0, nullptr, 0, nullptr};
  t[kTidBigNode] = {uint32_t(kBigNodeSize), 0, 0, 0, 0, 2, kBigPtrs, 0, nullptr};
  return t;
}
const std::array<layout::TypeInfo, kTypeCount> kTable = make_table();

int64_t read_word(const void* obj, size_t offset) { return layout::read_at<int64_t>(obj, offset); }
GcHeader* read_ref(const void* obj, size_t offset) { return layout::read_at<GcHeader*>(obj, offset); }

GcHeader* new_node(int64_t id) {
  GcHeader* n = rpp::gc::allocate_fixed(kTidNode);
  layout::write_at<int64_t>(n, 8, id);
  return n;
}

// Stores with the barrier (callers make the value first: an allocation may move the object).
void store_field(GcHeader* object, size_t offset, GcHeader* value) { rpp::gc::store_ref(object, offset, value); }
void store_item(GcHeader* pairs, int64_t index, GcHeader* value) {
  rpp::gc::write_barrier_array(pairs, index);
  layout::write_at<GcHeader*>(pairs, 16 + 16 * size_t(index) + 8, value);
}

RppGcGenStats stats() {
  RppGcGenStats s;
  rpp_gc_gen_stats(&s);
  return s;
}

// Allocates garbage nodes until `count` more minor collections have run.
void garbage_until_minor_collections(uint64_t count) {
  uint64_t target = stats().minor_collections + count;
  for (int64_t k = 0; stats().minor_collections < target; ++k) new_node(-k);
}

// ---------------------------------------------------------------------------------------------
// The model: objects with an id, a kind and reference fields (indices into the model, -1: null).

enum class Kind { kNode, kPairs, kBlob, kBigNode };

struct ModelObject {
  Kind kind;
  int64_t id;
  std::vector<long> refs;  // Node/BigNode: a, b; Pairs: one per item; Blob: none
  size_t blob_length = 0;
};

size_t ref_offset(Kind kind, size_t i) {
  switch (kind) {
    case Kind::kNode: return i == 0 ? 16 : 24;
    case Kind::kBigNode: return i == 0 ? 16 : kBigNodeB;
    case Kind::kPairs: return 16 + 16 * i + 8;
    case Kind::kBlob: break;
  }
  return 0;
}

class GraphTest {
 public:
  static constexpr size_t kRoots = 24;

  explicit GraphTest(uint32_t seed) : rng_(seed) {
    roots_.fill(nullptr);
    model_roots_.fill(-1);
    rpp_gc_add_roots(roots_.data(), kRoots);
  }
  ~GraphTest() { rpp_gc_remove_roots(roots_.data()); }

  void step() {
    switch (pick(10)) {
      case 0: case 1: case 2: allocate_into_root(); break;
      case 3: case 4: case 5: case 6: store_field(); break;
      case 7: drop_root(); break;
      case 8: take_hash(); break;
      default: copy_root(); break;
    }
  }

  // Walks the real graph from the roots beside the model: same shape, same sharing, same data.
  void check() {
    std::unordered_map<const GcHeader*, long> real_to_model;
    std::unordered_map<long, const GcHeader*> model_to_real;
    std::vector<std::pair<const GcHeader*, long>> todo;
    for (size_t r = 0; r < kRoots; ++r) todo.push_back({roots_[r], model_roots_[r]});
    size_t checked = 0;
    while (!todo.empty()) {
      auto [real, m] = todo.back();
      todo.pop_back();
      REQUIRE((real == nullptr) == (m < 0));
      if (!real) continue;
      auto [it, fresh] = real_to_model.emplace(real, m);
      REQUIRE(it->second == m);
      auto [it2, fresh2] = model_to_real.emplace(m, real);
      REQUIRE(it2->second == real);
      if (!fresh) continue;
      ++checked;
      const ModelObject& o = model_[size_t(m)];
      switch (o.kind) {
        case Kind::kNode: REQUIRE(real->tid == kTidNode); REQUIRE(read_word(real, 8) == o.id); break;
        case Kind::kBigNode: REQUIRE(real->tid == kTidBigNode); REQUIRE(read_word(real, 8) == o.id); break;
        case Kind::kPairs:
          REQUIRE(real->tid == kTidPairs);
          REQUIRE(size_t(read_word(real, 8)) == o.refs.size());
          for (size_t i = 0; i < o.refs.size(); ++i) REQUIRE(read_word(real, 16 + 16 * i) == o.id * 10000 + int64_t(i));
          break;
        case Kind::kBlob: {
          REQUIRE(real->tid == kTidBlob);
          REQUIRE(size_t(read_word(real, 8)) == o.blob_length);
          auto* chars = reinterpret_cast<const uint8_t*>(real) + 16;
          for (size_t i = 0; i < o.blob_length; ++i) REQUIRE(chars[i] == uint8_t(o.id + int64_t(i)));
          break;
        }
      }
      for (size_t i = 0; i < o.refs.size(); ++i) todo.push_back({read_ref(real, ref_offset(o.kind, i)), o.refs[i]});
      if (auto h = hashes_.find(m); h != hashes_.end())
        REQUIRE(rpp_gc_identity_hash(const_cast<GcHeader*>(real)) == h->second);
    }
    objects_checked_ += checked;
  }

  size_t objects_checked() const { return objects_checked_; }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  GcHeader* allocate(Kind kind, size_t length) {
    switch (kind) {
      case Kind::kNode: return rpp::gc::allocate_fixed(kTidNode);
      case Kind::kBigNode: return rpp::gc::allocate_fixed(kTidBigNode);
      case Kind::kPairs: return rpp::gc::allocate_varsize(kTidPairs, int64_t(length));
      case Kind::kBlob: return rpp::gc::allocate_varsize(kTidBlob, int64_t(length));
    }
    return nullptr;
  }

  void allocate_into_root() {
    size_t r = pick(kRoots);
    ModelObject o;
    o.id = next_id_++;
    size_t length = 0;
    switch (pick(8)) {
      case 0: case 1: case 2: case 3: o.kind = Kind::kNode; o.refs.assign(2, -1); break;
      case 4: o.kind = Kind::kBigNode; o.refs.assign(2, -1); break;
      case 5: o.kind = Kind::kBlob; length = o.blob_length = pick(3) == 0 ? 3000 + pick(5000) : pick(100); break;
      default:
        o.kind = Kind::kPairs;
        length = pick(6) == 0 ? size_t(600 + pick(800)) : 1 + pick(8);  // big ones have cards
        o.refs.assign(length, -1);
        break;
    }
    GcHeader* obj = allocate(o.kind, length);  // may collect: every other reference is rooted
    if (o.kind == Kind::kNode || o.kind == Kind::kBigNode) layout::write_at<int64_t>(obj, 8, o.id);
    if (o.kind == Kind::kPairs)
      for (size_t i = 0; i < length; ++i) layout::write_at<int64_t>(obj, 16 + 16 * i, o.id * 10000 + int64_t(i));
    if (o.kind == Kind::kBlob)
      for (size_t i = 0; i < length; ++i) reinterpret_cast<uint8_t*>(obj)[16 + i] = uint8_t(o.id + int64_t(i));
    model_.push_back(std::move(o));
    roots_[r] = obj;
    model_roots_[r] = long(model_.size() - 1);
  }

  // A random object reachable from a root, by walking a few edges (or null).
  std::pair<GcHeader*, long> random_reachable() {
    size_t r = pick(kRoots);
    GcHeader* real = roots_[r];
    long m = model_roots_[r];
    for (size_t hops = pick(4); real && hops > 0; --hops) {
      const ModelObject& o = model_[size_t(m)];
      if (o.refs.empty()) break;
      size_t i = pick(o.refs.size());
      GcHeader* next = read_ref(real, ref_offset(o.kind, i));
      if (!next) break;
      real = next;
      m = o.refs[i];
    }
    return {real, m};
  }

  void store_field() {
    auto [target, tm] = random_reachable();
    if (!target || model_[size_t(tm)].refs.empty()) return;
    auto [value, vm] = pick(5) == 0 ? std::pair<GcHeader*, long>{nullptr, -1} : random_reachable();
    ModelObject& o = model_[size_t(tm)];
    size_t i = pick(o.refs.size());
    if (o.kind == Kind::kPairs) rpp::gc::write_barrier_array(target, int64_t(i));
    else rpp::gc::write_barrier(target);
    layout::write_at<GcHeader*>(target, ref_offset(o.kind, i), value);
    o.refs[i] = vm;
  }

  void drop_root() {
    size_t r = pick(kRoots);
    roots_[r] = nullptr;
    model_roots_[r] = -1;
  }

  void copy_root() {
    size_t from = pick(kRoots), to = pick(kRoots);
    roots_[to] = roots_[from];
    model_roots_[to] = model_roots_[from];
  }

  void take_hash() {
    auto [obj, m] = random_reachable();
    if (!obj) return;
    int64_t h = rpp_gc_identity_hash(obj);
    CHECK(h != 0);
    auto [it, fresh] = hashes_.emplace(m, h);
    CHECK(it->second == h);
  }

  std::mt19937 rng_;
  std::array<GcHeader*, kRoots> roots_;
  std::array<long, kRoots> model_roots_;
  std::vector<ModelObject> model_;
  std::unordered_map<long, int64_t> hashes_;
  int64_t next_id_ = 1;
  size_t objects_checked_ = 0;
};

// The seed of the random graphs: RPP_GC_TEST_SEED (longer runs by hand) or `fallback`.
uint32_t seed_or(uint32_t fallback) {
  const char* env = std::getenv("RPP_GC_TEST_SEED");
  return env && *env ? uint32_t(std::strtoul(env, nullptr, 10)) : fallback;
}

struct Stress {
  explicit Stress(int level) { rpp_gc_set_stress(level); }
  ~Stress() { rpp_gc_set_stress(0); }
};

size_t resident_bytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? size_t(resident) * size_t(sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace

TEST_CASE("the generational GC is installed with a nursery") {
  CHECK(std::string(rpp_gc_name()) == "gen");
  CHECK(rpp_gc_max_nursery_object_size() >= 16);
  CHECK(layout::rpp_globals.nursery_free != nullptr);
  CHECK(stats().nursery_bytes >= 4096);
}

TEST_CASE("in stress mode the inline fast path always fails, so every allocation collects") {
  auto& g = layout::rpp_globals;
  {
    Stress stress(1);
    CHECK(g.nursery_top == g.nursery_free);
    uint64_t before = rpp_gc_collection_count();
    for (int i = 0; i < 5; ++i) {
      GcHeader* n = new_node(i);
      CHECK(rpp_gc_gen_is_young(n));
      CHECK(g.nursery_top == g.nursery_free);
    }
    CHECK(rpp_gc_collection_count() >= before + 5);
  }
  if (!std::getenv("RPP_GC_STRESS")) CHECK(size_t(g.nursery_top - g.nursery_free) >= 32);
}

TEST_CASE("the inline nursery fast path hands out zeroed memory that minor collections copy out") {
  auto& g = layout::rpp_globals;
  // What emitted code does (layout.h): bump, write the header.
  char* free_before = g.nursery_free;
  bool room = size_t(g.nursery_top - g.nursery_free) >= 32;
  GcHeader* fast = rpp::gc::malloc_fixed_inline(kTidNode, 32);
  if (room) {
    CHECK(reinterpret_cast<char*>(fast) == free_before);
    CHECK(g.nursery_free == free_before + 32);
  }
  CHECK(fast->tid == kTidNode);
  CHECK(read_word(fast, 8) == 0);
  CHECK(read_ref(fast, 16) == nullptr);
  layout::write_at<int64_t>(fast, 8, 77);
  Rooted<GcHeader> root(fast);
  CHECK(rpp_gc_gen_is_young(root.get()));
  uint64_t minors = stats().minor_collections;
  rpp_gc_collect();
  CHECK(stats().minor_collections > minors);
  CHECK(!rpp_gc_gen_is_young(root.get()));
  CHECK(root.get() != fast);
  CHECK(read_word(root.get(), 8) == 77);
  CHECK((root.get()->flags & layout::kGcFlagTrackYoungPtrs) != 0);
  // The nursery is zero again.
  CHECK(layout::read_at<int64_t>(g.nursery_free, 0) == 0);
}

TEST_CASE("identity hashes survive the move out of the nursery") {
  Rooted<GcHeader> young(new_node(1));
  REQUIRE(rpp_gc_gen_is_young(young.get()));
  GcHeader* before = young.get();
  int64_t h = rpp_gc_identity_hash(young.get());
  CHECK(h != 0);
  CHECK(rpp_gc_identity_hash(young.get()) == h);
  Rooted<GcHeader> other(new_node(2));  // (under RPP_GC_STRESS this already moves `young`)
  int64_t h_other = rpp_gc_identity_hash(other.get());
  CHECK(h_other != h);
  rpp_gc_collect();
  CHECK(young.get() != before);
  CHECK(!rpp_gc_gen_is_young(young.get()));
  CHECK(rpp_gc_identity_hash(young.get()) == h);
  CHECK(rpp_gc_identity_hash(other.get()) == h_other);
  rpp_gc_collect();
  CHECK(rpp_gc_identity_hash(young.get()) == h);
  CHECK(read_word(young.get(), 8) == 1);
}

TEST_CASE("an old object written a young reference keeps it alive through the remembered set") {
  Rooted<GcHeader> old(new_node(10));
  rpp_gc_collect();
  REQUIRE(!rpp_gc_gen_is_young(old.get()));
  REQUIRE((old.get()->flags & layout::kGcFlagTrackYoungPtrs) != 0);
  GcHeader* young = new_node(11);
  rpp::gc::store_ref(old.get(), 16, young);
  CHECK((old.get()->flags & layout::kGcFlagTrackYoungPtrs) == 0);  // remembered: no more barrier
  CHECK(stats().remembered == 1);
  // Only the old object roots the young one.
  GcHeader* blob = rpp::gc::allocate_varsize(kTidBlob, 10);  // may collect
  (void)blob;
  for (int i = 0; i < 3; ++i) {
    garbage_until_minor_collections(1);
    GcHeader* kept = read_ref(old.get(), 16);
    REQUIRE(kept != nullptr);
    CHECK(read_word(kept, 8) == 11);
    CHECK(!rpp_gc_gen_is_young(kept));
  }
  CHECK((old.get()->flags & layout::kGcFlagTrackYoungPtrs) != 0);
  CHECK(stats().remembered == 0);
}

TEST_CASE("a prebuilt object is remembered on its first write and stays a root") {
  struct alignas(8) StaticNode {
    GcHeader header;
    int64_t id;
    GcHeader* a;
    GcHeader* b;
  };
  static StaticNode prebuilt = {{kTidNode, layout::kGcFlagPrebuilt | layout::kGcFlagTrackYoungPtrs}, 5, nullptr, nullptr};
  GcHeader* p = &prebuilt.header;
  uint64_t roots_before = stats().prebuilt_roots;
  rpp::gc::store_ref(p, 16, new_node(50));
  CHECK(stats().prebuilt_roots == roots_before + 1);
  rpp_gc_collect();  // minor: found through the remembered set
  REQUIRE(prebuilt.a != nullptr);
  CHECK(read_word(prebuilt.a, 8) == 50);
  // A later store into the (now old) referent, then major collections: the prebuilt object is
  // a root of every major collection.
  rpp::gc::store_ref(prebuilt.a, 16, new_node(51));
  rpp_gc_collect();
  rpp_gc_collect();
  REQUIRE(prebuilt.a != nullptr);
  REQUIRE(read_ref(prebuilt.a, 16) != nullptr);
  CHECK(read_word(read_ref(prebuilt.a, 16), 8) == 51);
  CHECK((prebuilt.header.flags & layout::kGcFlagPrebuilt) != 0);
  CHECK((prebuilt.header.flags & layout::kGcFlagMarked) == 0);
  rpp::gc::store_ref(p, 16, nullptr);
  CHECK(stats().prebuilt_roots == roots_before + 1);  // remembered once
}

TEST_CASE("large arrays live outside the nursery and get cards") {
  Rooted<GcHeader> array(rpp::gc::allocate_varsize(kTidPairs, 5000));
  CHECK(rpp_gc_gen_is_young(array.get()));  // young until a minor collection, though not moved
  GcHeader* where = array.get();
  { GcHeader* v = new_node(3); store_item(array.get(), 3, v); }
  rpp_gc_collect();
  CHECK(array.get() == where);  // large objects never move
  CHECK(!rpp_gc_gen_is_young(array.get()));
  uint32_t flags = array.get()->flags;
  CHECK((flags & layout::kGcFlagHasCards) != 0);
  CHECK((flags & layout::kGcFlagTrackYoungPtrs) != 0);
  // Stores into two far-apart items mark two cards; the array stays flagged (barrier per store).
  { GcHeader* v = new_node(4000); store_item(array.get(), 4000, v); }
  { GcHeader* v = new_node(4999); store_item(array.get(), 4999, v); }
  CHECK((array.get()->flags & layout::kGcFlagCardsSet) != 0);
  CHECK((array.get()->flags & layout::kGcFlagTrackYoungPtrs) != 0);
  garbage_until_minor_collections(2);
  CHECK((array.get()->flags & layout::kGcFlagCardsSet) == 0);
  for (int64_t i : {3, 4000, 4999}) {
    GcHeader* item = read_ref(array.get(), 16 + 16 * size_t(i) + 8);
    REQUIRE(item != nullptr);
    CHECK(!rpp_gc_gen_is_young(item));
    CHECK(read_word(item, 8) == i);
  }
  rpp_gc_collect();
  CHECK(read_word(read_ref(array.get(), 16 + 16 * 4000 + 8), 8) == 4000);
}

TEST_CASE("JIT frames are traced by their gcmap and root ranges are updated") {
  static const uint64_t gcmap[] = {1, (1u << 0) | (1u << 2)};  // slots 0 and 2 hold references
  Rooted<GcHeader> frame(rpp::gc::allocate_varsize(layout::kTidJitFrame, 4));
  layout::write_at<const uint64_t*>(frame.get(), 24, gcmap);
  // Each value is stored as soon as it is made (the next allocation may move the frame).
  { GcHeader* v = new_node(100); store_field(frame.get(), 56, v); }
  { GcHeader* v = new_node(102); store_field(frame.get(), 56 + 16, v); }
  layout::write_at<int64_t>(frame.get(), 56 + 8, 12345);  // a plain integer slot
  { GcHeader* v = new_node(200); store_field(frame.get(), 32, v); }           // guard_exc
  GcHeader* table[3] = {nullptr, nullptr, nullptr};
  rpp_gc_add_roots(table, 3);
  table[0] = new_node(300);
  table[2] = new_node(302);
  rpp_gc_collect();
  GcHeader* f = frame.get();
  CHECK(read_word(read_ref(f, 56), 8) == 100);
  CHECK(read_word(read_ref(f, 56 + 16), 8) == 102);
  CHECK(read_word(f, 56 + 8) == 12345);
  CHECK(read_word(read_ref(f, 32), 8) == 200);
  CHECK(!rpp_gc_gen_is_young(read_ref(f, 56)));
  CHECK(table[1] == nullptr);
  CHECK(read_word(table[0], 8) == 300);
  CHECK(read_word(table[2], 8) == 302);
  rpp_gc_remove_roots(table);
}

TEST_CASE("an old JIT frame on the shadow stack takes young references without a barrier") {
  static const uint64_t gcmap[] = {1, 1u << 1};  // slot 1 holds a reference
  Rooted<GcHeader> frame(rpp::gc::allocate_varsize(layout::kTidJitFrame, 3));
  layout::write_at<const uint64_t*>(frame.get(), 24, gcmap);
  rpp_gc_collect();
  REQUIRE(!rpp_gc_gen_is_young(frame.get()));
  GcHeader* young = new_node(42);
  layout::write_at<GcHeader*>(frame.get(), 56 + 8, young);  // a spill: no barrier
  garbage_until_minor_collections(2);
  GcHeader* kept = read_ref(frame.get(), 56 + 8);
  REQUIRE(kept != nullptr);
  CHECK(kept != young);
  CHECK(!rpp_gc_gen_is_young(kept));
  CHECK(read_word(kept, 8) == 42);
}

TEST_CASE("the JIT's hooks are the GC's functions") {
  rpp::jit::GcForJit hooks = rpp::gc::gc_for_jit();
  CHECK(hooks.max_nursery_object_size == rpp_gc_max_nursery_object_size());
  Rooted<GcHeader> node(hooks.malloc_fixed(hooks.gc, kTidNode, 32));
  CHECK(node.get()->tid == kTidNode);
  CHECK(rpp_gc_gen_is_young(node.get()));
  GcHeader* table[1] = {node.get()};
  hooks.add_roots(hooks.gc, table, 1);
  rpp_gc_collect();
  CHECK(table[0] == node.get());  // the root range was updated like the shadow stack
  REQUIRE((node.get()->flags & layout::kGcFlagTrackYoungPtrs) != 0);
  GcHeader* pairs = hooks.malloc_varsize(hooks.gc, kTidPairs, 3);
  CHECK(read_word(pairs, 8) == 3);
  hooks.write_barrier(hooks.gc, node.get());
  CHECK((node.get()->flags & layout::kGcFlagTrackYoungPtrs) == 0);
  layout::write_at<GcHeader*>(node.get(), 16, pairs);
  hooks.remove_roots(hooks.gc, table);
  rpp_gc_collect();
  CHECK(read_word(read_ref(node.get(), 16), 8) == 3);
}

TEST_CASE("the pending exception is a root") {
  layout::rpp_globals.exc_value = new_node(7);
  rpp_gc_collect();
  CHECK(read_word(layout::rpp_globals.exc_value, 8) == 7);
  CHECK(!rpp_gc_gen_is_young(layout::rpp_globals.exc_value));
  layout::rpp_globals.exc_value = nullptr;
}

TEST_CASE("random object graphs match their model across minor and major collections") {
  GraphTest graph(seed_or(12345));
  uint64_t before = rpp_gc_collection_count();
  for (int round = 0; round < 60; ++round) {
    for (int i = 0; i < 500; ++i) graph.step();
    graph.check();
    if (round % 10 == 9) {
      rpp_gc_collect();
      graph.check();
    }
  }
  CHECK(rpp_gc_collection_count() > before);
  CHECK(graph.objects_checked() > 1000);
}

TEST_CASE("random object graphs match their model with a collection at every allocation") {
  for (int level : {1, 2}) {
    Stress stress(level);
    GraphTest graph(seed_or(777) + uint32_t(level));
    uint64_t majors = stats().major_collections;
    for (int round = 0; round < 20; ++round) {
      for (int i = 0; i < 100; ++i) graph.step();
      graph.check();
    }
    CHECK(stats().major_collections > majors);
    CHECK(graph.objects_checked() > 300);
  }
}

#ifndef RPP_GC_TEST_ASAN
TEST_CASE("resident memory falls after a peak of garbage") {
  rpp_gc_collect();
  size_t base = resident_bytes();
  REQUIRE(base > 0);
  size_t arenas_released_before = stats().arenas_released;
  {
    // About 200 MB of small objects, all alive at the peak: a chain of nodes holding blobs.
    Rooted<GcHeader> head(nullptr);
    for (int i = 0; i < 800000; ++i) {
      GcHeader* blob = rpp::gc::allocate_varsize(kTidBlob, 200);
      Rooted<GcHeader> keep(blob);
      GcHeader* node = new_node(i);
      layout::write_at<GcHeader*>(node, 16, head.get());  // fresh: no barrier needed
      layout::write_at<GcHeader*>(node, 24, keep.get());
      head.set(node);
    }
    rpp_gc_collect();
    size_t peak = resident_bytes();
    MESSAGE("resident: base " << base / 1024 << " KiB, peak " << peak / 1024 << " KiB");
    CHECK(peak > base + (size_t(150) << 20));
    head.set(nullptr);
    rpp_gc_collect();
    size_t after = resident_bytes();
    MESSAGE("resident after the garbage is collected: " << after / 1024 << " KiB");
    CHECK(after < base + (peak - base) / 4);
  }
  CHECK(stats().arenas_released > arenas_released_before);
}
#endif

int main(int argc, char** argv) {
  rpp_gc_init(kTable.data(), kTable.size());
  doctest::Context context(argc, argv);
  return context.run();
}
