// Formatting annotation errors with source lines and call chains.
#include "annotator/error_report.h"

#include <fstream>
#include <map>
#include <memory>

namespace rpp::annotator {

SourceLineReader disk_source_reader() {
  auto cache = std::make_shared<std::map<std::string, std::vector<std::string>>>();
  return [cache](const std::string& file, int line) -> std::string {
    auto it = cache->find(file);
    if (it == cache->end()) {
      std::vector<std::string> lines;
      std::ifstream in(file);
      std::string l;
      while (std::getline(in, l)) lines.push_back(l);
      it = cache->emplace(file, std::move(lines)).first;
    }
    if (line < 1 || line > static_cast<int>(it->second.size())) return "";
    return it->second[line - 1];
  };
}

namespace {

std::string where_text(const flow::SourceLocation& loc, bool with_col) {
  if (!loc.known()) return "<unknown>";
  std::string s = *loc.file + ":" + std::to_string(loc.line);
  if (with_col && loc.col > 0) s += ":" + std::to_string(loc.col);
  return s;
}

void append_source(std::string& out, const flow::SourceLocation& loc,
                   const SourceLineReader& read_line) {
  if (!loc.known() || !read_line) return;
  std::string text = read_line(*loc.file, loc.line);
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n')) text.pop_back();
  size_t indent = text.find_first_not_of(" \t");
  if (indent == std::string::npos) return;
  out += "    " + text.substr(indent) + "\n";
  if (loc.col > static_cast<int>(indent))
    out += "    " + std::string(loc.col - 1 - indent, ' ') + "^\n";
}

}  // namespace

std::string format_error(const ErrorReport& r, const SourceLineReader& read_line) {
  std::string out;
  if (r.where.known())
    out += where_text(r.where, true) + ": error: " + r.message + "\n";
  else
    out += "rpp: error: " + r.message + "\n";
  append_source(out, r.where, read_line);
  for (const auto& n : r.notes) out += "  note: " + n + "\n";
  if (r.other_where.known()) {
    out += where_text(r.other_where, true) + ": note: " + r.other_label + "\n";
    append_source(out, r.other_where, read_line);
  }
  if (!r.chain.empty() || !r.function.empty()) {
    out += "  call chain: ";
    // Long (recursive) chains show their start and their end.
    const size_t n = r.chain.size();
    for (size_t i = 0; i < n; ++i) {
      if (n > 8 && i == 4) {
        out += "... (" + std::to_string(n - 8) + " more calls) -> ";
        i = n - 5;  // then the last four
        continue;
      }
      out += r.chain[i].first + " (" + where_text(r.chain[i].second, false) + ") -> ";
    }
    out += r.function.empty() ? "?" : r.function;
    out += "\n";
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace rpp::annotator
