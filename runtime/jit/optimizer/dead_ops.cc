// Dead operation removal: a backward walk keeping every operation with a side effect (writes,
// calls, guards, _ovf operations, labels, jumps) and every operation whose result something kept
// uses (as an argument or a guard's fail argument); the rest (pure operations, reads and
// allocations nobody uses) goes.
#include <algorithm>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

void remove_dead_ops(std::vector<EmittedOp>& ops) {
  Box max_box = 0;
  for (const EmittedOp& e : ops) {
    for (Box a : e.args) max_box = std::max(max_box, a);
    for (Box a : e.fail_args) max_box = std::max(max_box, a);
    if (e.result != kNoBox) max_box = std::max(max_box, e.result);
  }
  std::vector<bool> used(static_cast<size_t>(max_box) + 1, false);
  std::vector<bool> keep(ops.size(), true);
  for (size_t i = ops.size(); i-- > 0;) {
    const EmittedOp& e = ops[i];
    bool removable = has_no_side_effect(e.opcode) && e.opcode != Opcode::ForceToken;
    if (removable && (e.result == kNoBox || !used[e.result])) {
      keep[i] = false;
      continue;
    }
    for (Box a : e.args) used[a] = true;
    for (Box a : e.fail_args) used[a] = true;
  }
  size_t out = 0;
  for (size_t i = 0; i < ops.size(); ++i)
    if (keep[i]) {
      if (out != i) ops[out] = std::move(ops[i]);
      ++out;
    }
  ops.resize(out);
}

}  // namespace rpp::jit::opt
