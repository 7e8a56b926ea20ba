// Interim bodies of a few runtime helpers for the ll interpreter, until runtime/rlib provides the
// real ones (see helper_calls.h). Each works on objects by the layout contract of
// runtime/layout.h and allocates in the interpreter's heap.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "runtime/layout.h"
#include "translator/llinterp/helper_calls.h"
#include "translator/llinterp/llinterp.h"

namespace rpp::llinterp {

std::string float_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  // The shortest digits that read back as x, and the decimal exponent.
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  int decpt = exponent + 1;  // position of the decimal point after the first digit
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(size_t(-decpt), '0') + digits;
    } else if (size_t(decpt) >= digits.size()) {
      out = digits + std::string(size_t(decpt) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, size_t(decpt)) + "." + digits.substr(size_t(decpt));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    int exp = decpt - 1;
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += ebuf;
  }
  return negative ? "-" + out : out;
}

namespace {

Word print_str(LLInterpreter& interp, const Word* args) {
  interp.output_buffer() += Heap::str_utf8(word_ptr(args[0]));
  if (interp.output_buffer().size() >= 8192) interp.flush_output();
  return 0;
}

Word print_flush(LLInterpreter& interp, const Word*) {
  interp.flush_output();
  return 0;
}

Word int_to_str(LLInterpreter& interp, const Word* args) {
  return to_word(interp.heap().new_str_utf8(std::to_string(int64_t(args[0]))));
}

Word float_to_str(LLInterpreter& interp, const Word* args) {
  return to_word(interp.heap().new_str_utf8(float_repr(from_word<double>(args[0]))));
}

Word str_concat(LLInterpreter& interp, const Word* args) {
  return to_word(interp.heap().new_str(Heap::str_text(word_ptr(args[0])) + Heap::str_text(word_ptr(args[1]))));
}

Word str_eq(LLInterpreter&, const Word* args) {
  void* a = word_ptr(args[0]);
  void* b = word_ptr(args[1]);
  if (a == b) return 1;
  if (!a || !b) return 0;
  return to_word(Heap::str_text(a) == Heap::str_text(b));
}

Word str_from_char(LLInterpreter& interp, const Word* args) {
  return to_word(interp.heap().new_str(std::u32string(1, char32_t(args[0]))));
}

}  // namespace

HelperBody find_helper_body(std::string_view name) {
  static const std::map<std::string, HelperBody, std::less<>> bodies = {
      {"print_str", print_str},       {"print_flush", print_flush}, {"int_to_str", int_to_str},
      {"float_to_str", float_to_str}, {"str_concat", str_concat},   {"str_eq", str_eq},
      {"str_from_char", str_from_char},
  };
  auto it = bodies.find(name);
  return it == bodies.end() ? nullptr : it->second;
}

}  // namespace rpp::llinterp
