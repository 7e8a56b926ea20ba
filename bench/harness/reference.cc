// Reading the reference tables of ../shared/bench/README.md (reference.h).
#include "bench/harness/reference.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rpp::bench {

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  size_t b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// The cells of a Markdown table row `| a | b |`.
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::string t = trim(line);
  if (t.size() < 2 || t.front() != '|') return cells;
  t = t.substr(1);
  if (!t.empty() && t.back() == '|') t.pop_back();
  std::stringstream in(t);
  std::string cell;
  while (std::getline(in, cell, '|')) cells.push_back(trim(cell));
  return cells;
}

bool is_separator(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (c.find_first_not_of("-: ") != std::string::npos) return false;
  return !cells.empty();
}

// The row key of a table kind, or "" for a row that is not a benchmark.
std::string row_key(const std::string& kind, const std::string& first_cell) {
  if (kind == "program") {
    std::string name = first_cell.substr(0, first_cell.find(' '));
    if (!name.starts_with("bf/") || !name.ends_with(".b")) return "";
    return name.substr(0, name.size() - 2);
  }
  if (kind == "benchmark") return first_cell.find(' ') == std::string::npos ? "lox/" + first_cell : "";
  if (kind == "translation") return first_cell.find("no JIT") != std::string::npos ? "translate/bf" : "";
  return "";
}

}  // namespace

std::optional<double> leading_number(const std::string& cell, bool* below) {
  std::string t = trim(cell);
  bool less = !t.empty() && t[0] == '<';
  if (less) t = t.substr(1);
  if (t.empty() || !(std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.')) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str()) return std::nullopt;
  if (below) *below = less;
  return v;
}

const ReferenceRow* ReferenceFigures::find(const std::string& key) const {
  for (const ReferenceRow& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

ReferenceFigures parse_reference_figures(const std::string& text, const std::string& source) {
  ReferenceFigures figures;
  figures.source = source;
  std::stringstream in(text);
  std::string line;
  std::vector<std::string> header;
  std::string kind;
  bool in_table = false;
  while (std::getline(in, line)) {
    std::vector<std::string> cells = cells_of(line);
    if (cells.empty()) {
      in_table = false;
      continue;
    }
    if (!in_table) {  // a header row
      header = cells;
      std::string first = header[0];
      kind = first.substr(0, first.find(' '));
      in_table = true;
      continue;
    }
    if (is_separator(cells)) continue;
    std::string key = row_key(kind, cells[0]);
    if (key.empty() || figures.find(key)) continue;
    ReferenceRow row;
    row.key = key;
    for (size_t i = 1; i < cells.size() && i < header.size(); ++i) {
      ReferenceValue v;
      v.column = header[i];
      v.text = cells[i];
      v.number = leading_number(cells[i], &v.below);
      row.values.push_back(v);
    }
    figures.rows.push_back(row);
  }
  return figures;
}

ReferenceFigures read_reference_figures(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    ReferenceFigures f;
    f.source = path;
    f.error = "cannot read " + path;
    return f;
  }
  std::stringstream text;
  text << in.rdbuf();
  return parse_reference_figures(text.str(), path);
}

}  // namespace rpp::bench
