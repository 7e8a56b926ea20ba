// Live ranges (see liveness.h).
#include "runtime/jit/backend/x86_64/liveness.h"

#include <algorithm>
#include <climits>

namespace rpp::jit::x86 {

bool clobbers_caller_saved(Opcode op) {
  switch (op) {
    case Opcode::Call:
    case Opcode::CallPure:
    case Opcode::CallLoopinvariant:
    case Opcode::CallMayForce:
    case Opcode::CallAssembler:
      return true;
    default:
      return false;
  }
}

Liveness::Liveness(const Trace& trace) {
  size_t n = trace.num_values();
  last_use_.assign(n, -1);
  def_.assign(n, -1);
  jump_index_.assign(n, -1);
  std::vector<uint32_t> counts(n + 1, 0);
  const auto& ops = trace.ops();
  auto each_use = [&](auto&& fn) {
    for (size_t i = 0; i < ops.size(); ++i) {
      const Op& op = ops[i];
      for (ValueId v : trace.args(op))
        if (!trace.is_const(v)) fn(v, static_cast<int32_t>(i));
      for (ValueId v : trace.fail_args(op))
        if (!trace.is_const(v)) fn(v, static_cast<int32_t>(i));
    }
  };
  each_use([&](ValueId v, int32_t) { ++counts[v]; });
  use_begin_.assign(n + 1, 0);
  for (size_t v = 0; v < n; ++v) use_begin_[v + 1] = use_begin_[v] + counts[v];
  uses_.resize(use_begin_[n]);
  std::vector<uint32_t> fill(use_begin_.begin(), use_begin_.end() - 1);
  each_use([&](ValueId v, int32_t pos) {
    uses_[fill[v]++] = pos;  // positions arrive in ascending order
    last_use_[v] = pos;
  });
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].result != kNoValue) def_[ops[i].result] = static_cast<int32_t>(i);
    if (clobbers_caller_saved(ops[i].opcode)) calls_.push_back(static_cast<int32_t>(i));
  }
  if (!ops.empty() && ops.back().opcode == Opcode::Jump) {
    const Op& jump = ops.back();
    bool local = false;
    for (const Op& op : ops)
      if (op.opcode == Opcode::Label && op.descr == jump.descr) local = true;
    if (local) {
      auto args = trace.args(jump);
      for (size_t k = 0; k < args.size(); ++k)
        if (!trace.is_const(args[k]) && jump_index_[args[k]] < 0) jump_index_[args[k]] = static_cast<int32_t>(k);
    }
  }
}

int32_t Liveness::next_use(ValueId v, int32_t pos) const {
  auto begin = uses_.begin() + use_begin_[v], end = uses_.begin() + use_begin_[v + 1];
  auto it = std::upper_bound(begin, end, pos);
  return it == end ? INT32_MAX : *it;
}

bool Liveness::crosses_call(ValueId v) const {
  int32_t from = def_[v], to = last_use_[v];
  auto it = std::upper_bound(calls_.begin(), calls_.end(), from);
  return it != calls_.end() && *it < to;
}

}  // namespace rpp::jit::x86
