// Reading rpp's own resident memory from /proc/self/status and /proc/self/smaps (memory_trace.h).
#include "translator/memory_trace.h"

#include <malloc.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace rpp {

namespace {

// "VmHWM:     21332 kB" -> 21332, for the field named `key` of a /proc status line.
bool read_kb_field(const std::string& line, const char* key, long& out) {
  std::string prefix = std::string(key) + ":";
  if (!line.starts_with(prefix)) return false;
  out = std::strtol(line.c_str() + prefix.size(), nullptr, 10);
  return true;
}

std::string megabytes(long kb) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", double(kb) / 1024.0);
  return text;
}

// One mapping of /proc/self/smaps: its address range, permissions, path and resident kB.
struct Mapping {
  unsigned long low = 0, high = 0;
  std::string perms, path;  // path empty for an anonymous mapping
  long rss_kb = 0, anonymous_kb = 0;
};

std::vector<Mapping> read_mappings() {
  std::vector<Mapping> mappings;
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  while (std::getline(smaps, line)) {
    if (line.empty()) continue;
    // A mapping's header starts with its address range "7f..-7f.. perms offset dev inode [path]".
    if (std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' ')) {
      std::istringstream fields(line);
      std::string range, offset, dev, inode;
      Mapping m;
      fields >> range >> m.perms >> offset >> dev >> inode;
      std::getline(fields, m.path);
      m.path.erase(0, m.path.find_first_not_of(' '));
      size_t dash = range.find('-');
      m.low = std::stoul(range.substr(0, dash), nullptr, 16);
      m.high = std::stoul(range.substr(dash + 1), nullptr, 16);
      mappings.push_back(std::move(m));
      continue;
    }
    if (mappings.empty()) continue;
    read_kb_field(line, "Rss", mappings.back().rss_kb) || read_kb_field(line, "Anonymous", mappings.back().anonymous_kb);
  }
  return mappings;
}

// The resident kB of each mapped file (or [heap], [stack], anonymous), largest first.
std::vector<std::pair<std::string, long>> resident_by_mapping() {
  std::map<std::string, long> by_name;
  for (const Mapping& m : read_mappings()) {
    // Anonymous mappings by their size: a thread's stack, malloc's arenas, Python's arenas.
    std::string name = m.path.empty() ? "[anonymous mappings of " + std::to_string((m.high - m.low) / 1024) + " kB]" : m.path;
    by_name[name] += m.rss_kb;
    // A file mapping's pages written since (relocations, data) are anonymous: listed apart.
    if (!name.starts_with("[") && m.anonymous_kb > 0) {
      by_name[name] -= m.anonymous_kb;
      by_name[name + " (written pages)"] += m.anonymous_kb;
    }
  }
  std::vector<std::pair<std::string, long>> sorted(by_name.begin(), by_name.end());
  std::sort(sorted.begin(), sorted.end(), [](auto& a, auto& b) { return a.second > b.second; });
  return sorted;
}

}  // namespace

MemorySample read_memory_sample() {
  MemorySample sample;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    read_kb_field(line, "VmHWM", sample.peak_kb) || read_kb_field(line, "VmRSS", sample.resident_kb) ||
        read_kb_field(line, "RssAnon", sample.anon_kb) || read_kb_field(line, "RssFile", sample.file_kb);
  }
  struct mallinfo2 info = mallinfo2();
  sample.heap_in_use_kb = long((info.uordblks + info.hblkhd) / 1024);  // hblkhd: blocks malloc mmapped
  sample.heap_free_kb = long(info.fordblks / 1024);
  return sample;
}

std::string describe_memory(const MemorySample& s) {
  return "peak " + megabytes(s.peak_kb) + " MB, resident " + megabytes(s.resident_kb) + " MB (anon " +
         megabytes(s.anon_kb) + ", file " + megabytes(s.file_kb) + "), heap " + megabytes(s.heap_in_use_kb) +
         " MB in use + " + megabytes(s.heap_free_kb) + " MB free";
}

std::string memory_trace_mode() {
  const char* mode = std::getenv("RPP_MEMORY_TRACE");
  return mode ? mode : "";
}

void trace_memory(const std::string& point) {
  std::string mode = memory_trace_mode();
  if (mode.empty() || mode == "0") return;
  std::string text = "[rpp] memory at " + point + ": " + describe_memory(read_memory_sample()) + "\n";
  if (mode == "maps") {
    int shown = 0;
    for (const auto& [name, kb] : resident_by_mapping()) {
      if (kb < 100 || ++shown > 16) break;
      text += "[rpp]     " + megabytes(kb) + " MB  " + name + "\n";
    }
  }
  std::fputs(text.c_str(), stderr);
}

void release_free_memory() { malloc_trim(0); }

}  // namespace rpp
