// Tokens of the LL text format (docs/ll-text.md). Newlines are not tokens; `;` starts a comment
// that runs to the end of the line.
#pragma once
#include <string>
#include <vector>

namespace rpp::ll {

enum class TokenKind {
  Ident,     // names, keywords, opnames, `inf`, `nan`
  Global,    // @name or @"any name" (text = the name)
  Helper,    // $name (text = the name)
  Int,       // -?[0-9]+ or 0x...; text as written
  Float,     // with `.` or an exponent, or -inf / -nan; text as written
  String,    // "..." (text = the decoded bytes)
  CharLit,   // '.' (text = the code point, decimal)
  UniCharLit,// u'.' (text = the code point, decimal)
  Punct,     // ( ) { } [ ] < > , : = * -> (text)
  End,
};

struct Token {
  TokenKind kind;
  std::string text;
  int line = 0;
  int col = 0;
};

// The tokens of `source`, ending with End. On a malformed token throws LexError.
struct LexError {
  std::string message;
  int line, col;
};
std::vector<Token> lex_ll(const std::string& source);

// Escapes a code point for a char literal / a string for a string literal (the printer's side).
std::string escape_char(uint32_t code_point);
std::string escape_string(const std::string& bytes);

}  // namespace rpp::ll
