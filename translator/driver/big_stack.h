// Running a function on a thread with a large stack (1 GiB reserved, touched on demand): the
// embedded CPython runs there, so deep but legal recursion in `rpp run` does not overflow.
#pragma once
#include <functional>

namespace rpp {

int run_on_big_stack(const std::function<int()>& body);

}  // namespace rpp
