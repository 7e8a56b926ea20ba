// Calls of module functions (RPython's ll_math / ll_time / ll_os): `math` (every function the
// annotator knows, libm behind CPython's error rules through helpers of runtime/helpers.def;
// floor/ceil/trunc give an int; fabs, isnan, isinf, isfinite inline), `time` (time, perf_counter,
// monotonic, process_time, sleep), `sys` (exit, stdout/stderr write and flush), `os.isatty`.
#pragma once
#include <string>
#include <vector>

#include "rtyper/hop.h"

namespace rpp::rtyper {

// True for the names rtype_module_function lowers ("math.sqrt", "sys.stdout.write"...).
bool is_module_function(const std::string& name);

// The call of builtin `name` with the positional arguments at these indexes of the hop.
flow::Value* rtype_module_function(Hop& hop, const std::string& name, const std::vector<size_t>& positional);

}  // namespace rpp::rtyper
