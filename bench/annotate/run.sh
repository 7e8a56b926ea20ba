#!/usr/bin/env bash
# The annotator benchmark (issue "Annotator", Scale): generates a program of LINES lines (default
# 10000) with deep class hierarchies, method families and specializations, then times
# `rpp translate --stop-after=flow` and `--stop-after=annotate` on it (wall and CPU time, peak RSS,
# best of 3). Target: annotation (flow included) under 2 s and 500 MB. Usage: bench/annotate/run.sh [LINES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
lines="${1:-10000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 "$root/bench/annotate/gen_program.py" "$lines" > "$tmp/program.py"
"$root/rpp" run "$tmp/program.py" > "$tmp/expected.txt"   # the program is valid: it runs
echo "program: $(wc -l < "$tmp/program.py") lines, $(grep -c '^class ' "$tmp/program.py") classes, $(grep -c '^ *def ' "$tmp/program.py") functions"
printf '%-10s %10s %10s %12s\n' stage "wall (s)" "cpu (s)" "peak RSS MB"
for stage in flow annotate; do
  best_wall=999; best_cpu=999; rss=0
  for i in 1 2 3; do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$root/rpp" translate --stop-after=$stage "$tmp/program.py" > /dev/null
    read -r wall user sys kb < "$tmp/time"
    best_wall="$(python3 -c "print(min($best_wall, $wall))")"
    best_cpu="$(python3 -c "print(min($best_cpu, $user + $sys))")"
    rss="$(python3 -c "print(max($rss, $kb // 1024))")"
  done
  printf '%-10s %10.2f %10.2f %12d\n' "$stage" "$best_wall" "$best_cpu" "$rss"
done
