// Floats as text, as CPython prints them: repr (the shortest string that round-trips, in
// Python's layout: `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`, `7.0`) and the 'e' 'f' 'g' '%'
// presentation types with precision and the alternate form. Digits come from the C++ library's
// correctly rounded std::to_chars; the layout rules are CPython's format_float_short.
#pragma once
#include <string>

namespace rpp::rlib {

struct FloatText {
  bool negative = false;  // the sign bit (never set for nan)
  std::string body;       // the text of |x|
};

// type: 'r' (repr), 'e' 'f' 'g' '%' (and 'E' 'F' 'G': upper case). precision < 0: the type's
// default (6; unused by 'r'). add_dot_0: append ".0" when the text would read as an integer
// (format's empty presentation type).
FloatText format_float_body(double x, char type, int precision, bool alt, bool add_dot_0);

// repr(x) and str(x).
std::string float_repr(double x);

}  // namespace rpp::rlib
