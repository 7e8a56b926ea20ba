// Unit tests of rpp's memory figures (memory_trace.h).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "translator/memory_trace.h"

using rpp::read_memory_sample;

TEST_CASE("the sample reads the resident set and the heap") {
  rpp::MemorySample before = read_memory_sample();
  CHECK(before.resident_kb > 0);
  CHECK(before.peak_kb >= before.resident_kb);
  CHECK(before.anon_kb + before.file_kb <= before.resident_kb + 4);  // RssShmem is the rest
  // 8 MB written: the heap in use and the peak grow by about that much.
  std::vector<char> block(8 << 20);
  std::memset(block.data(), 1, block.size());
  rpp::MemorySample after = read_memory_sample();
  CHECK(after.heap_in_use_kb >= before.heap_in_use_kb + 8000);
  CHECK(after.peak_kb >= before.peak_kb + 7000);
  CHECK(block[12345] == 1);
}

TEST_CASE("describe_memory names every figure") {
  rpp::MemorySample s;
  s.peak_kb = 21504;
  s.resident_kb = 20480;
  s.anon_kb = 8192;
  s.file_kb = 12288;
  s.heap_in_use_kb = 6144;
  s.heap_free_kb = 512;
  CHECK(rpp::describe_memory(s) ==
        "peak 21.0 MB, resident 20.0 MB (anon 8.0, file 12.0), heap 6.0 MB in use + 0.5 MB free");
}
