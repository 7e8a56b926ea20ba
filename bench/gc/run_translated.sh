#!/usr/bin/env bash
# Translates bench/gc/binary_trees.py with --gc=gen and with --gc=boehm and runs both under
# /usr/bin/time: CPU time (user + sys, best of 3) and peak RSS (bench/gc/README.md).
# Usage: bench/gc/run_translated.sh [DEPTH]   (default 18)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
depth="${1:-18}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/rpp" translate --gc=gen -o "$tmp/bt-gen" "$root/bench/gc/binary_trees.py" 2>/dev/null
"$root/rpp" translate --gc=boehm -o "$tmp/bt-boehm" "$root/bench/gc/binary_trees.py" 2>/dev/null
printf '%-6s %10s %10s %14s  %s\n' gc "cpu (s)" "wall (s)" "peak RSS (MiB)" output
for gc in gen boehm; do
  best=999; best_wall=0; rss=0
  for i in 1 2 3; do
    /usr/bin/time -f "%U %S %e %M" -o "$tmp/time" "$tmp/bt-$gc" "$depth" >"$tmp/out-$gc"
    read -r user sys wall maxrss <"$tmp/time"
    cpu="$(python3 -c "print(round($user + $sys, 2))")"
    if python3 -c "import sys; sys.exit(0 if $cpu < $best else 1)"; then best="$cpu"; best_wall="$wall"; fi
    rss="$maxrss"
  done
  same="same"; cmp -s "$tmp/out-gen" "$tmp/out-$gc" || same="DIFFERENT"
  printf '%-6s %10s %10s %14.1f  %s\n' "$gc" "$best" "$best_wall" "$(python3 -c "print($rss / 1024)")" "$same"
done
