// The reference figures of ../shared/bench/README.md (clox, jlox, LuaJIT, python3 on the Lox
// benchmarks; the original RPython toolchain, BF→C and a C interpreter on the BF programs; the
// original toolchain's translation time and memory), read from its Markdown tables so that the
// report's ratios follow that file.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace rpp::bench {

// One cell of a reference table: its text, and its number when it starts with one ("22.2 s",
// "0.80", "135 MB"); "<0.01" is 0.01 with `below` set, "(fails: ...)" has no number.
struct ReferenceValue {
  std::string column;  // the table's column header ("clox", "RPython no JIT", "wall")
  std::string text;
  std::optional<double> number;
  bool below = false;
};

// A row: its key ("bf/mandel", "lox/fib", "translate/bf") and its values, in column order.
struct ReferenceRow {
  std::string key;
  std::vector<ReferenceValue> values;
};

struct ReferenceFigures {
  std::string source;   // the file read
  std::string error;    // set when it could not be read
  std::vector<ReferenceRow> rows;
  const ReferenceRow* find(const std::string& key) const;
};

// Parses the README's text. Tables are recognized by their first header cell: `program ...`
// (rows `bf/NAME.b (...)` → `bf/NAME`), `benchmark` (rows `NAME` → `lox/NAME`) and
// `translation` (the row whose first cell says "no JIT" → `translate/bf`).
ReferenceFigures parse_reference_figures(const std::string& text, const std::string& source);
ReferenceFigures read_reference_figures(const std::string& path);

// The number a cell starts with, skipping a leading `<` (sets `below`).
std::optional<double> leading_number(const std::string& cell, bool* below = nullptr);

}  // namespace rpp::bench
