#!/usr/bin/env bash
# By-hand run of the optimizer's oracle: runtime/jit/optimizer/oracle/run.sh [SEED] [COUNT] [--x86]
# (default seeds 1000000.., 100000 programs). Prints the summary line; exit 1 on a mismatch,
# with the first failing seed's program and traces. Note the commit with the result in docs/jit.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd -P)"
cd "$root"
bazel build -c opt //runtime/jit/optimizer/oracle:opt_oracle >/dev/null 2>&1
seed="${1:-1000000}"
count="${2:-100000}"
shift $(( $# > 2 ? 2 : $# ))
echo "commit $(git rev-parse --short HEAD)"
bazel-bin/runtime/jit/optimizer/oracle/opt_oracle --seed="$seed" --count="$count" "$@"
