// `if` chains on one variable merged into a switch (RPython's merge_if_blocks): a block ending in
// `c = int_eq(x, K1); switch c` whose false exit goes to a block that only tests the same value
// against another constant `int_eq(x', K2)` (x' fed by x), and so on, becomes one block
// `switch x { K1 -> ..., K2 -> ..., default -> ... }`. Works for int_eq, char_eq, unichar_eq and
// uint_eq with the constant on either side; a repeated constant keeps its first test.
#pragma once
#include <cstddef>

#include "translator/flow/model.h"

namespace rpp::backendopt {

// Returns how many chains were merged.
size_t merge_if_blocks(flow::FunctionGraph& graph);

}  // namespace rpp::backendopt
