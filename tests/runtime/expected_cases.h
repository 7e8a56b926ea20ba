// The case structs of the expected values that gen_expected.py computes with CPython.
#pragma once
#include <cmath>
#include <cstdint>

namespace rpp::runtime_test {

struct FloatReprCase {
  double value;
  const char* repr;
};
struct FormatCase {
  char kind;  // 'i', 'f', 's'
  long long i;
  double f;
  const char* s;
  const char* spec;
  const char* expected;  // the text, or "Type: message"
};
struct IntParseCase {
  const char* text;
  int base;
  long long value;
  const char* error;  // null: value
};
struct FloatParseCase {
  const char* text;
  double value;
  const char* error;
};
struct StrMethodCase {
  const char* method;
  const char* input;
  const char* expected;
};

}  // namespace rpp::runtime_test
