// Python-style reprs of constants.
#include "translator/flow/const_repr.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace rpp::flow {

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits and the decimal exponent, then Python's layout (float_repr_style
  // 'short': fixed notation when -4 <= exponent < 16, otherwise scientific).
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool negative = sci[0] == '-';
  if (negative) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::atoi(sci.c_str() + e + 1);
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  std::string out;
  if (exponent >= -4 && exponent < 16) {
    if (exponent >= 0) {
      if ((int)digits.size() <= exponent + 1) {
        out = digits + std::string(exponent + 1 - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
      }
    } else {
      out = "0." + std::string(-exponent - 1, '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += ebuf;
  }
  return negative ? "-" + out : out;
}

namespace {

void append_escaped_byte(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  out += buf;
}

std::string quoted(const std::string& text, bool bytes) {
  bool has_single = text.find('\'') != std::string::npos;
  bool has_double = text.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == (unsigned char)quote) out += std::string("\\") + (char)c;
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) append_escaped_byte(out, c);
    else out += (char)c;
  }
  out += quote;
  return out;
}

}  // namespace

std::string python_str_repr(const std::string& utf8) { return quoted(utf8, false); }

std::string python_bytes_repr(const std::string& data) { return "b" + quoted(data, true); }

std::string const_repr(const ConstValue& value, const ObjectDescriber& describe) {
  struct Visitor {
    const ObjectDescriber& describe;
    std::string operator()(const NoneValue&) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(int64_t i) const { return std::to_string(i); }
    std::string operator()(uint64_t u) const { return "r_uint(" + std::to_string(u) + ")"; }
    std::string operator()(double d) const { return python_float_repr(d); }
    std::string operator()(const std::string& s) const { return python_str_repr(s); }
    std::string operator()(const Bytes& b) const { return python_bytes_repr(b.data); }
    std::string operator()(const PyObjectRef& r) const {
      return describe ? describe(r) : "<object #" + std::to_string(r.id) + ">";
    }
    std::string operator()(const GraphRef& g) const {
      return g.graph ? "<graph " + g.graph->name + ">" : "<graph null>";
    }
    std::string operator()(const LastExceptionMarker&) const { return "last_exception"; }
    std::string operator()(const DefaultCase&) const { return "default"; }
    std::string operator()(const std::shared_ptr<const ConstPayload>& p) const {
      return p ? p->repr() : "<null payload>";
    }
  };
  return std::visit(Visitor{describe}, value);
}

}  // namespace rpp::flow
