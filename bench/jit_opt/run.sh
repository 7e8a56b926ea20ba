#!/usr/bin/env bash
# The optimizer's benchmark: hand-written traces of interpreter loops (bench/jit_opt/traces),
# loop operations and allocations before and after, operations executed for N iterations on the
# reference interpreter, optimizer speed. Usage: bench/jit_opt/run.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$root"
bazel build -c opt //bench/jit_opt:opt_bench >/dev/null 2>&1
bazel-bin/bench/jit_opt/opt_bench "${1:-1000}" bench/jit_opt/traces/*.trace
