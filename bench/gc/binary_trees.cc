// The binary-trees GC benchmark written against the runtime's GC interface the way translated
// code uses it: allocation by the inline nursery fast path (layout.h) with the slow path as a
// call, references live across an allocation kept on the shadow stack, no barrier on stores into
// fresh objects. Linked once per GC (binary_trees_gen, binary_trees_boehm; bench/gc/README.md).
// Prints the checksums, the CPU time and the peak resident memory.
// Usage: binary_trees_{gen,boehm} [MAX_DEPTH]   (default 18)
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "runtime/gc/gc.h"
#include "runtime/gc/type_info.h"
#include "runtime/layout.h"

namespace {

namespace layout = rpp::layout;
using layout::GcHeader;
using layout::rpp_globals;

constexpr uint32_t kTidTree = layout::kFirstGeneratedTid;  // {hdr, left @8, right @16}
constexpr uint64_t kTreeSize = 24;
constexpr uint32_t kTreePtrs[] = {8, 16};

layout::TypeInfo g_table[kTidTree + 1];

// What the GC transform emits for `malloc(Tree)`.
inline GcHeader* new_tree() {
  char* p = rpp_globals.nursery_free;
  if (__builtin_expect(uint64_t(rpp_globals.nursery_top - p) < kTreeSize, 0)) return rpp_gc_malloc_fixed(kTidTree, kTreeSize);
  rpp_globals.nursery_free = p + kTreeSize;
  auto* h = reinterpret_cast<GcHeader*>(p);
  h->tid = kTidTree;
  return h;
}

inline void push(GcHeader* p) { *rpp_globals.root_stack_top++ = p; }
inline GcHeader* pop() { return *--rpp_globals.root_stack_top; }

GcHeader* bottom_up_tree(int depth) {
  if (depth <= 0) return new_tree();
  push(bottom_up_tree(depth - 1));
  push(bottom_up_tree(depth - 1));
  GcHeader* node = new_tree();
  layout::write_at<GcHeader*>(node, 16, pop());
  layout::write_at<GcHeader*>(node, 8, pop());
  return node;
}

long check(const GcHeader* tree) {
  auto* left = layout::read_at<const GcHeader*>(tree, 8);
  if (!left) return 1;
  return 1 + check(left) + check(layout::read_at<const GcHeader*>(tree, 16));
}

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  int max_depth = std::max(6, argc > 1 ? std::atoi(argv[1]) : 18);
  for (uint32_t tid = 0; tid < layout::kFirstGeneratedTid; ++tid) g_table[tid] = rpp::gc::runtime_type_info(tid);
  g_table[kTidTree] = {uint32_t(kTreeSize), 0, 0, 0, 0, 2, kTreePtrs, 0, nullptr};
  rpp_gc_init(g_table, kTidTree + 1);
  double start = cpu_seconds();

  GcHeader* stretch = bottom_up_tree(max_depth + 1);
  std::printf("stretch tree of depth %d\t check: %ld\n", max_depth + 1, check(stretch));
  push(bottom_up_tree(max_depth));
  for (int depth = 4; depth <= max_depth; depth += 2) {
    long iterations = 1L << (max_depth - depth + 4);
    long total = 0;
    for (long i = 0; i < iterations; ++i) total += check(bottom_up_tree(depth));
    std::printf("%ld\t trees of depth %d\t check: %ld\n", iterations, depth, total);
  }
  GcHeader* long_lived = pop();
  std::printf("long lived tree of depth %d\t check: %ld\n", max_depth, check(long_lived));

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("gc %s\n", rpp_gc_name());
  std::printf("seconds %.3f\n", cpu_seconds() - start);
  std::printf("peak_rss_kib %ld\n", usage.ru_maxrss);
  std::printf("collections %llu\n", (unsigned long long)rpp_gc_collection_count());
  return 0;
}
