// The tokens of one line of the trace text form, shared by the parser of operations and the
// parser of declarations: names (letters, digits, '_' and '.'), numbers (integers, hex, floats,
// inf, nan), punctuation ( ) [ ] { } , = : ->. '#' and ';' start a comment.
#pragma once
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/jit/ir/trace_parser.h"

namespace rpp::jit {

// Tokens of one line.
struct Token {
  enum Kind { Name, Number, Punct, End } kind;
  std::string text;
};

inline std::vector<Token> tokenize(std::string_view line, int lineno) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '#' || c == ';') break;
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t j = i;
      while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '_' || line[j] == '.'))
        ++j;
      out.push_back({Token::Name, std::string(line.substr(i, j - i))});
      i = j;
      continue;
    }
    bool starts_number = std::isdigit(static_cast<unsigned char>(c)) ||
                         ((c == '-' || c == '+') && i + 1 < line.size() &&
                          (std::isdigit(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '.' ||
                           line.substr(i + 1, 3) == "inf" || line.substr(i + 1, 3) == "nan"));
    if (starts_number) {
      size_t j = i + 1;
      while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '.' ||
                                 ((line[j] == '-' || line[j] == '+') && (line[j - 1] == 'e' || line[j - 1] == 'E'))))
        ++j;
      out.push_back({Token::Number, std::string(line.substr(i, j - i))});
      i = j;
      continue;
    }
    if (c == '-' && i + 1 < line.size() && line[i + 1] == '>') {
      out.push_back({Token::Punct, "->"});
      i += 2;
      continue;
    }
    if (std::string_view("()[]{},=:").find(c) != std::string_view::npos) {
      out.push_back({Token::Punct, std::string(1, c)});
      ++i;
      continue;
    }
    throw TraceParseError(lineno, std::string("unexpected character '") + c + "'");
  }
  out.push_back({Token::End, ""});
  return out;
}

class LineCursor {
 public:
  LineCursor(std::vector<Token> toks, int lineno) : toks_(std::move(toks)), lineno_(lineno) {}
  const Token& peek() const { return toks_[pos_]; }
  bool at_end() const { return toks_[pos_].kind == Token::End; }
  bool is_punct(std::string_view p) const { return peek().kind == Token::Punct && peek().text == p; }
  bool accept(std::string_view p) {
    if (!is_punct(p)) return false;
    ++pos_;
    return true;
  }
  void expect(std::string_view p) {
    if (!accept(p)) fail("expected '" + std::string(p) + "'" + found());
  }
  std::string name() {
    if (peek().kind != Token::Name) fail("expected a name" + found());
    return toks_[pos_++].text;
  }
  Token next() { return toks_[pos_++]; }
  void expect_end() {
    if (!at_end()) fail("unexpected '" + peek().text + "' at the end of the line");
  }
  [[noreturn]] void fail(const std::string& msg) const { throw TraceParseError(lineno_, msg); }
  std::string found() const { return at_end() ? " at the end of the line" : ", found '" + peek().text + "'"; }
  int lineno() const { return lineno_; }

 private:
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int lineno_;
};

inline std::optional<int64_t> parse_int_literal(const std::string& s) {
  std::string_view v = s;
  bool neg = false;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    neg = v[0] == '-';
    v.remove_prefix(1);
  }
  int base = 10;
  if (v.size() > 2 && v[0] == '0' && (v[1] == 'x' || v[1] == 'X')) {
    base = 16;
    v.remove_prefix(2);
  }
  uint64_t magnitude = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), magnitude, base);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return std::nullopt;
  if (base == 10 && !neg && magnitude > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  if (neg && magnitude > (uint64_t{1} << 63)) return std::nullopt;
  return static_cast<int64_t>(neg ? (0 - magnitude) : magnitude);
}

inline std::optional<double> parse_float_literal(const std::string& s) {
  std::string_view v = s;
  bool neg = false;
  if (!v.empty() && (v[0] == '-' || v[0] == '+')) {
    neg = v[0] == '-';
    v.remove_prefix(1);
  }
  double d;
  if (v == "inf") d = std::numeric_limits<double>::infinity();
  else if (v == "nan") d = std::numeric_limits<double>::quiet_NaN();
  else {
    auto r = std::from_chars(v.data(), v.data() + v.size(), d);
    if (r.ec != std::errc() || r.ptr != v.data() + v.size()) return std::nullopt;
  }
  return neg ? -d : d;
}

inline bool looks_like_float(const std::string& s) {
  if (s.find("inf") != std::string::npos || s.find("nan") != std::string::npos) return true;
  if (s.find("0x") != std::string::npos || s.find("0X") != std::string::npos) return false;
  return s.find_first_of(".eE") != std::string::npos;
}

}  // namespace rpp::jit
