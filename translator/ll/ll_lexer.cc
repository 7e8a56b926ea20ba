// The LL text lexer (ll_lexer.h).
#include "translator/ll/ll_lexer.h"

#include <cctype>
#include <cstdint>

namespace rpp::ll {

namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

class Lexer {
 public:
  explicit Lexer(const std::string& s) : src_(s) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    for (;;) {
      skip_space();
      Token t;
      t.line = line_;
      t.col = col_;
      if (pos_ >= src_.size()) {
        t.kind = TokenKind::End;
        out.push_back(t);
        return out;
      }
      char c = src_[pos_];
      if (c == '-' && peek(1) == '>') {
        advance(2);
        t.kind = TokenKind::Punct;
        t.text = "->";
      } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                 (c == '-' && (std::isdigit(static_cast<unsigned char>(peek(1))) || starts_word("inf", 1) || starts_word("nan", 1)))) {
        lex_number(t);
      } else if (c == 'u' && peek(1) == '\'') {
        advance(1);
        lex_char(t);
        t.kind = TokenKind::UniCharLit;
      } else if (is_ident_start(c)) {
        t.kind = TokenKind::Ident;
        while (pos_ < src_.size() && is_ident_char(src_[pos_])) t.text += take();
      } else if (c == '@' || c == '$') {
        advance(1);
        t.kind = c == '@' ? TokenKind::Global : TokenKind::Helper;
        if (c == '@' && peek(0) == '"') {
          t.text = lex_string_body();
        } else {
          while (pos_ < src_.size() && (is_ident_char(src_[pos_]) || src_[pos_] == '.')) t.text += take();
        }
        if (t.text.empty()) fail(t, std::string("expected a name after '") + c + "'");
      } else if (c == '"') {
        t.kind = TokenKind::String;
        t.text = lex_string_body();
      } else if (c == '\'') {
        lex_char(t);
        t.kind = TokenKind::CharLit;
      } else if (std::string("(){}[]<>,:=*").find(c) != std::string::npos) {
        t.kind = TokenKind::Punct;
        t.text = std::string(1, take());
      } else {
        fail(t, std::string("unexpected character '") + c + "'");
      }
      out.push_back(std::move(t));
    }
  }

 private:
  char peek(size_t ahead) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
  bool starts_word(const char* w, size_t ahead) const {
    size_t n = std::char_traits<char>::length(w);
    return src_.compare(pos_ + ahead, n, w) == 0 && !is_ident_char(peek(ahead + n));
  }
  char take() {
    char c = src_[pos_++];
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    return c;
  }
  void advance(size_t n) {
    while (n-- && pos_ < src_.size()) take();
  }
  [[noreturn]] void fail(const Token& at, const std::string& message) { throw LexError{message, at.line, at.col}; }
  [[noreturn]] void fail_here(const std::string& message) { throw LexError{message, line_, col_}; }

  void skip_space() {
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ';') {
        while (pos_ < src_.size() && src_[pos_] != '\n') take();
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        take();
      } else {
        return;
      }
    }
  }

  void lex_number(Token& t) {
    if (src_[pos_] == '-') t.text += take();
    if (starts_word("inf", 0) || starts_word("nan", 0)) {
      t.text += take();
      t.text += take();
      t.text += take();
      t.kind = TokenKind::Float;
      return;
    }
    t.kind = TokenKind::Int;
    if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      t.text += take();
      t.text += take();
      while (std::isxdigit(static_cast<unsigned char>(peek(0)))) t.text += take();
    } else {
      while (std::isdigit(static_cast<unsigned char>(peek(0)))) t.text += take();
      if (peek(0) == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
        t.kind = TokenKind::Float;
        t.text += take();
        while (std::isdigit(static_cast<unsigned char>(peek(0)))) t.text += take();
      }
      if (peek(0) == 'e' || peek(0) == 'E') {
        size_t ahead = 1;
        if (peek(1) == '+' || peek(1) == '-') ahead = 2;
        if (std::isdigit(static_cast<unsigned char>(peek(ahead)))) {
          t.kind = TokenKind::Float;
          for (size_t i = 0; i < ahead; ++i) t.text += take();
          while (std::isdigit(static_cast<unsigned char>(peek(0)))) t.text += take();
        }
      }
    }
    if (is_ident_char(peek(0))) fail_here("malformed number");
  }

  // After a backslash: the escaped code point.
  uint32_t lex_escape() {
    char e = take();
    auto hex = [&](int digits) {
      uint32_t v = 0;
      for (int i = 0; i < digits; ++i) {
        char h = peek(0);
        if (!std::isxdigit(static_cast<unsigned char>(h))) fail_here("bad hexadecimal escape");
        take();
        v = v * 16 + uint32_t(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
      }
      return v;
    };
    switch (e) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': return 0;
      case '\\': return '\\';
      case '\'': return '\'';
      case '"': return '"';
      case 'x': return hex(2);
      case 'u': return hex(4);
      case 'U': return hex(8);
      default: fail_here(std::string("unknown escape '\\") + e + "'");
    }
  }

  std::string lex_string_body() {
    int start_line = line_, start_col = col_;
    take();  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= src_.size() || peek(0) == '\n') throw LexError{"unterminated string", start_line, start_col};
      char c = take();
      if (c == '"') return out;
      if (c == '\\') {
        uint32_t cp = lex_escape();
        if (cp > 0xFF) fail_here("string escapes are bytes (\\xNN)");
        out += char(cp);
      } else {
        out += c;
      }
    }
  }

  void lex_char(Token& t) {
    take();  // opening quote
    if (pos_ >= src_.size() || peek(0) == '\n' || peek(0) == '\'') fail_here("empty or unterminated character literal");
    uint32_t cp;
    char c = take();
    if (c == '\\') {
      cp = lex_escape();
    } else if ((unsigned char)c < 0x80) {
      cp = (unsigned char)c;
    } else {
      fail_here("write non-ASCII characters as escapes (\\xNN, \\uNNNN)");
    }
    if (peek(0) != '\'') fail_here("a character literal holds one character");
    take();
    t.text = std::to_string(cp);
  }

  const std::string& src_;
  size_t pos_ = 0;
  int line_ = 1, col_ = 1;
};

}  // namespace

std::vector<Token> lex_ll(const std::string& source) { return Lexer(source).run(); }

std::string escape_char(uint32_t cp) {
  static const char* hexd = "0123456789abcdef";
  switch (cp) {
    case '\n': return "\\n";
    case '\t': return "\\t";
    case '\r': return "\\r";
    case '\\': return "\\\\";
    case '\'': return "\\'";
  }
  if (cp >= 0x20 && cp < 0x7F) return std::string(1, char(cp));
  std::string s;
  int digits = cp <= 0xFF ? 2 : (cp <= 0xFFFF ? 4 : 8);
  s = cp <= 0xFF ? "\\x" : (cp <= 0xFFFF ? "\\u" : "\\U");
  for (int i = digits - 1; i >= 0; --i) s += hexd[(cp >> (4 * i)) & 0xF];
  return s;
}

std::string escape_string(const std::string& bytes) {
  static const char* hexd = "0123456789abcdef";
  std::string s = "\"";
  for (unsigned char c : bytes) {
    if (c == '"') s += "\\\"";
    else if (c == '\\') s += "\\\\";
    else if (c == '\n') s += "\\n";
    else if (c == '\t') s += "\\t";
    else if (c >= 0x20 && c < 0x7F) s += char(c);
    else {
      s += "\\x";
      s += hexd[c >> 4];
      s += hexd[c & 0xF];
    }
  }
  return s + "\"";
}

}  // namespace rpp::ll
