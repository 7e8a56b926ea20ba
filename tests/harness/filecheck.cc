// The FileCheck matcher: patterns compiled to regular expressions, matched line by line.
#include "tests/harness/filecheck.h"

#include <optional>
#include <regex>
#include <sstream>

namespace rpp::harness {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string escape_regex(const std::string& literal) {
  static const std::string special = R"(\^$.|?*+()[]{}/)";
  std::string out;
  for (char c : literal) {
    if (special.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::regex compile_pattern(const std::string& pattern) {
  std::string re;
  size_t i = 0;
  while (i < pattern.size()) {
    size_t open = pattern.find("{{", i);
    if (open == std::string::npos) {
      re += escape_regex(pattern.substr(i));
      break;
    }
    size_t close = pattern.find("}}", open + 2);
    if (close == std::string::npos) throw std::regex_error(std::regex_constants::error_brace);
    re += escape_regex(pattern.substr(i, open - i));
    re += "(?:" + pattern.substr(open + 2, close - open - 2) + ")";
    i = close + 2;
  }
  return std::regex(re, std::regex::ECMAScript);
}

const char* kind_name(CheckKind k) {
  switch (k) {
    case CheckKind::Check: return "check";
    case CheckKind::NextLine: return "nextln";
    case CheckKind::SameLine: return "sameln";
    case CheckKind::Not: return "not";
  }
  return "?";
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The input lines [from, to) with line numbers, for failure reports (at most 12 lines).
std::string excerpt(const std::vector<std::string>& lines, size_t from, size_t to) {
  std::ostringstream out;
  if (to > lines.size()) to = lines.size();
  size_t shown = 0;
  for (size_t i = from; i < to && shown < 12; ++i, ++shown) out << "    " << (i + 1) << ": " << lines[i] << "\n";
  if (to - from > shown) out << "    ... (" << (to - from - shown) << " more lines)\n";
  if (from >= to) out << "    (no input lines there)\n";
  return out.str();
}

struct Position {
  size_t line = 0;
  size_t col = 0;
};

// First match of `re` at or after `from`, within lines [from.line, line_end).
std::optional<std::pair<Position, Position>> search(const std::vector<std::string>& lines,
                                                    const std::regex& re, Position from,
                                                    size_t line_end) {
  for (size_t l = from.line; l < line_end && l < lines.size(); ++l) {
    size_t col = l == from.line ? from.col : 0;
    std::smatch m;
    const std::string& text = lines[l];
    if (col > text.size()) continue;
    auto begin = text.begin() + col;
    if (std::regex_search(begin, text.end(), m, re)) {
      size_t start = col + m.position(0);
      return std::make_pair(Position{l, start}, Position{l, start + m.length(0)});
    }
  }
  return std::nullopt;
}

}  // namespace

bool parse_check_directive(const std::string& text, const std::string& prefix, int source_line,
                           CheckDirective& out) {
  static const std::pair<const char*, CheckKind> kinds[] = {
      {"check:", CheckKind::Check},
      {"nextln:", CheckKind::NextLine},
      {"sameln:", CheckKind::SameLine},
      {"not:", CheckKind::Not},
  };
  for (auto& [word, kind] : kinds) {
    std::string head = prefix + word;
    if (text.compare(0, head.size(), head) == 0) {
      out = CheckDirective{kind, trim(text.substr(head.size())), source_line};
      return true;
    }
  }
  return false;
}

std::string run_filecheck(const std::vector<CheckDirective>& checks, const std::string& input) {
  auto lines = split_lines(input);
  Position pos;            // where the next search starts
  bool matched_any = false;
  std::vector<const CheckDirective*> pending_nots;
  Position nots_from;

  auto fail = [&](const CheckDirective& d, const std::string& why, size_t from, size_t to) {
    std::ostringstream out;
    out << "line " << d.source_line << ": " << kind_name(d.kind) << ": " << d.pattern << "\n  "
        << why << "\n" << excerpt(lines, from, to);
    return out.str();
  };

  auto check_nots = [&](Position end) -> std::string {
    for (const auto* d : pending_nots) {
      std::regex re = compile_pattern(d->pattern);
      for (size_t l = nots_from.line; l <= end.line && l < lines.size(); ++l) {
        size_t b = l == nots_from.line ? nots_from.col : 0;
        size_t e = l == end.line ? end.col : lines[l].size();
        if (b > e || b > lines[l].size()) continue;
        std::string part = lines[l].substr(b, e - b);
        if (std::regex_search(part, re))
          return fail(*d, "matched, but must not", l, l + 1);
      }
    }
    pending_nots.clear();
    return "";
  };

  for (const auto& d : checks) {
    std::regex re;
    try {
      re = compile_pattern(d.pattern);
    } catch (const std::regex_error& e) {
      return fail(d, std::string("bad regular expression: ") + e.what(), 0, 0);
    }
    if (d.kind == CheckKind::Not) {
      if (pending_nots.empty()) nots_from = pos;
      pending_nots.push_back(&d);
      continue;
    }
    std::optional<std::pair<Position, Position>> found;
    size_t shown_from = pos.line;
    if (d.kind == CheckKind::Check) {
      found = search(lines, re, pos, lines.size());
      if (!found) return fail(d, "not found in the lines after the previous match", shown_from, lines.size());
    } else if (d.kind == CheckKind::NextLine) {
      size_t next = matched_any ? pos.line + 1 : 0;
      found = search(lines, re, Position{next, 0}, next + 1);
      if (!found) return fail(d, "not found on the next line", next, next + 1);
    } else {
      found = search(lines, re, pos, pos.line + 1);
      if (!found) return fail(d, "not found on the same line", pos.line, pos.line + 1);
    }
    if (!pending_nots.empty()) {
      std::string err = check_nots(found->first);
      if (!err.empty()) return err;
    }
    pos = found->second;
    matched_any = true;
  }
  if (!pending_nots.empty()) {
    Position end{lines.empty() ? 0 : lines.size() - 1, lines.empty() ? 0 : lines.back().size()};
    return check_nots(end);
  }
  return "";
}

}  // namespace rpp::harness
