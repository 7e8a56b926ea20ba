#!/bin/bash
# The Lox benchmarks (issue 13; not a test): translates examples/lox without JIT (genc's object
# cache makes this mostly a link when nothing changed), runs every program of
# ../shared/lox/test/benchmark once with the translated executable and prints wall, user+sys CPU
# and peak RSS beside clox's figure from ../shared/bench/README.md, with the ratio of our CPU time
# to clox's wall time (the machine is shared: CPU time is the steadier figure).
#
#   bench/lox/run.sh [NAME...]        (from the repository root; default: every benchmark)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
benchmarks="$root/../shared/lox/test/benchmark"
[ -d "$benchmarks" ] || { echo "bench/lox: no $benchmarks" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/rpp" translate -o "$work/lox-c" "$root/examples/lox/targetlox.py" 2> "$work/translate.log" >/dev/null ||
  { cat "$work/translate.log" >&2; exit 1; }
declare -A clox=([fib]=0.80 [binary_trees]=1.80 [method_call]=0.16 [invocation]=0.25 [instantiation]=0.48
                 [properties]=0.36 [equality]=4.01 [trees]=2.60 [zoo]=0.26)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$benchmarks"/*.lox; do names+=("$(basename "$f" .lox)"); done
fi
printf "%-16s %9s %9s %9s %9s %8s\n" benchmark "wall s" "cpu s" "peak MB" "clox s" "cpu/clox"
for name in "${names[@]}"; do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" timeout 600 "$work/lox-c" "$benchmarks/$name.lox" > "$work/out" 2>&1 ||
    { echo "$name: failed"; tail -3 "$work/out"; continue; }
  read -r wall user sys kb < "$work/time"
  cpu=$(echo "$user + $sys" | bc -l)
  ref=${clox[$name]:-}
  ratio=$([ -n "$ref" ] && printf "%.1fx" "$(echo "$cpu / $ref" | bc -l)" || echo "-")
  printf "%-16s %9.2f %9.2f %9.1f %9s %8s\n" "$name" "$wall" "$cpu" "$(echo "$kb / 1024" | bc -l)" "${ref:--}" "$ratio"
done
