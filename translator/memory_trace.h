// rpp's own memory, read from /proc/self: the peak and current resident set (anonymous and
// file-backed) and the malloc heap in use. `RPP_MEMORY_TRACE=1` prints one line per point of
// the translation (startup, Python, each stage) to standard error; `RPP_MEMORY_TRACE=maps` also
// lists the largest resident mappings. docs/memory.md explains the figures.
#pragma once
#include <string>

namespace rpp {

struct MemorySample {
  long peak_kb = 0;      // VmHWM: the largest resident set so far
  long resident_kb = 0;  // VmRSS
  long anon_kb = 0;      // RssAnon: heaps, stacks, relocated data
  long file_kb = 0;      // RssFile: code and read-only data of the binary and shared libraries
  long heap_in_use_kb = 0;  // malloc's bytes in use, large mmapped blocks included (mallinfo2)
  long heap_free_kb = 0;    // malloc's free bytes still held (mallinfo2)
};

MemorySample read_memory_sample();

// "peak 21.3 MB, resident 20.1 MB (anon 8.2, file 11.9), heap 6.1 MB in use + 0.4 MB free".
std::string describe_memory(const MemorySample& sample);

// The value of RPP_MEMORY_TRACE: empty when not tracing.
std::string memory_trace_mode();

// Prints "[rpp] memory at POINT: ..." to standard error when RPP_MEMORY_TRACE is set (and the
// largest mappings when it is `maps`).
void trace_memory(const std::string& point);

// Gives malloc's free memory back to the system (malloc_trim), between stages.
void release_free_memory();

}  // namespace rpp
