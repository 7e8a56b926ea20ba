#!/usr/bin/env bash
# Runs the JIT benchmarks and prints a table: backend compile speed, and the integer and float
# loops compiled by the JIT against the same loops in C at gcc -O2. Usage: bench/jit/run.sh [N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
n="${1:-300000000}"
cd "$root"
bazel build //bench/jit:jit_bench >/dev/null 2>&1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -o "$tmp/reference_loops" bench/jit/reference_loops.c
echo "== backend compile speed"
bazel-bin/bench/jit/jit_bench compile
echo "== loops, $n iterations (best of 3)"
printf '%-8s %12s %12s %8s  %s\n' loop "jit (s)" "gcc -O2 (s)" ratio results
for kind in int float; do
  best_jit=999; best_c=999
  for i in 1 2 3; do
    out_jit="$(bazel-bin/bench/jit/jit_bench "$kind" "$n")"
    out_c="$("$tmp/reference_loops" "$kind" "$n")"
    t_jit="$(sed -n 's/^seconds //p' <<<"$out_jit")"; t_c="$(sed -n 's/^seconds //p' <<<"$out_c")"
    best_jit="$(python3 -c "print(min($best_jit, $t_jit))")"; best_c="$(python3 -c "print(min($best_c, $t_c))")"
  done
  r_jit="$(sed -n 's/^result //p' <<<"$out_jit")"; r_c="$(sed -n 's/^result //p' <<<"$out_c")"
  same="same"; [[ "$r_jit" == "$r_c" ]] || same="DIFFERENT: $r_jit vs $r_c"
  printf '%-8s %12.3f %12.3f %7.2fx  %s\n' "$kind" "$best_jit" "$best_c" "$(python3 -c "print($best_jit / $best_c)")" "$same"
done
