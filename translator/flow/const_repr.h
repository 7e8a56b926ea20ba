// Printing constants the way Python's repr() prints them (ints, floats, str, bytes), for dumps.
#pragma once
#include <functional>
#include <string>

#include "translator/flow/model.h"

namespace rpp::flow {

// Python's repr of a float: shortest round-trip digits, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`.
std::string python_float_repr(double value);

// Python's repr of a str given as UTF-8 (single quotes unless the text contains one and no `"`).
std::string python_str_repr(const std::string& utf8);

// Python's repr of bytes.
std::string python_bytes_repr(const std::string& data);

// How a PyObjectRef prints (the frontend knows: `<function f>`, `<class ValueError>`...).
using ObjectDescriber = std::function<std::string(PyObjectRef)>;

// A constant as dumps show it. Without a describer, objects print as `<object #ID>`.
std::string const_repr(const ConstValue& value, const ObjectDescriber& describe = {});

}  // namespace rpp::flow
