#!/usr/bin/env bash
# Runs binary-trees under the generational GC and under Boehm (bench/gc/README.md).
# Usage: bench/gc/run.sh [DEPTH]   (default 18)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
depth="${1:-18}"
cd "$root"
bazel build //bench/gc:binary_trees_gen //bench/gc:binary_trees_boehm >/dev/null 2>&1
printf '%-6s %10s %14s %12s  %s\n' gc "cpu (s)" "peak RSS (MiB)" collections checksums
sums=""
for gc in gen boehm; do
  best=999
  for i in 1 2 3; do
    out="$(bazel-bin/bench/gc/binary_trees_$gc "$depth")"
    t="$(sed -n 's/^seconds //p' <<<"$out")"
    best="$(python3 -c "print(min($best, $t))")"
  done
  rss="$(sed -n 's/^peak_rss_kib //p' <<<"$out")"
  n="$(sed -n 's/^collections //p' <<<"$out")"
  this="$(grep check: <<<"$out" | md5sum | cut -c1-8)"
  [[ -z "$sums" ]] && sums="$this"
  same="same"; [[ "$this" == "$sums" ]] || same="DIFFERENT"
  printf '%-6s %10.3f %14.1f %12s  %s\n' "$gc" "$best" "$(python3 -c "print($rss / 1024)")" "$n" "$same"
done
