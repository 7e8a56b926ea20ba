// Identifiers and string literals for emitted C++ (c_names.h).
#include "translator/genc/c_names.h"

#include <cctype>
#include <cstdio>

namespace rpp::genc {

std::string sanitize_identifier(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
  return out;
}

bool is_reserved_identifier(const std::string& name) {
  static const std::set<std::string> reserved = {
      "alignas", "alignof", "and", "asm", "auto", "bool", "break", "case", "catch", "char", "class",
      "const", "constexpr", "continue", "default", "delete", "do", "double", "else", "enum",
      "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline",
      "int", "long", "mutable", "namespace", "new", "noexcept", "not", "nullptr", "operator", "or",
      "private", "protected", "public", "register", "return", "short", "signed", "sizeof",
      "static", "struct", "switch", "template", "this", "throw", "true", "try", "typedef",
      "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "while",
      "xor", "hdr", "length", "items", "main", "errno", "stdin", "stdout", "stderr", "assert",
      "concept", "requires", "co_await", "co_yield", "co_return", "char8_t", "char16_t",
      "char32_t", "wchar_t", "static_assert", "thread_local", "decltype", "final", "override"};
  return reserved.count(name) > 0 || name.starts_with("__");
}

std::string cxx_string_literal(const std::string& bytes) {
  std::string out = "\"";
  bool last_was_hex = false;
  for (unsigned char c : bytes) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
      last_was_hex = false;
    } else if (c >= 0x20 && c < 0x7f && !(last_was_hex && std::isxdigit(c))) {
      out += char(c);
      last_was_hex = false;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
      last_was_hex = true;
    }
  }
  return out + "\"";
}

}  // namespace rpp::genc
