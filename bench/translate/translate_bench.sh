#!/bin/bash
# Translation benchmark (issue "C++ emission"; not a test): for each target, the wall time and
# rpp's own peak memory of `rpp translate` with a cold compile cache, with a warm cache, and
# after a one-line change of the target (the time of the C++ compiler is in rpp's summary,
# printed as is; cpu = user + sys of the whole process tree, the figure that matters on a loaded
# machine). Optionally runs the translated program on given arguments.
#
#   bench/translate/translate_bench.sh TARGET.py [-- ARGS...]     (from the repository root)
#
# Reference figures: ../shared/bench/README.md (RPython: BF without JIT 23.5 s, 135 MB).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
target=$(realpath "$1"); shift
args=()
if [ "${1:-}" == "--" ]; then shift; args=("$@"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RPP_CACHE_DIR="$work/cache"
cp -r "$(dirname "$target")" "$work/src"
copy="$work/src/$(basename "$target")"
measure() {  # label [extra rpp translate flags...]
  label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$root/rpp" translate "$@" -o "$work/program-c" "$copy" 2> "$work/log" >/dev/null
  read -r wall kb user sys < "$work/time"
  printf "%-28s wall %7.2f s   cpu %6.2f s   peak %6.1f MB   %s   %s\n" "$label" "$wall" "$(echo "$user + $sys" | bc -l)" \
    "$(echo "$kb / 1024" | bc -l)" "$(grep 'c++ compile' "$work/log" | sed 's/\[rpp\] *//; s/  */ /g')" \
    "$(grep -o 'peak memory: [0-9.]* MB' "$work/log" | sed 's/peak memory/rpp itself/')"
}
"$root/rpp" run --help >/dev/null 2>&1 || true   # builds the toolchain if needed
echo "target: $target"
measure "cold cache"
measure "warm cache"
# one line added to entry_point (its module's unit changes, the others do not)
sed -i 's/^def entry_point(\([a-z]*\)):$/&\n    _bench_change = len(\1) + 1/' "$copy"
measure "after a one-line change"
# rpp's own peak memory: /usr/bin/time's peak is that of the largest process of the tree (with a
# cold cache, the C++ compiler); without emit no compiler or linker runs. With emit, rpp's summary
# line `peak memory` (its own VmHWM) is printed as `rpp itself`.
measure "rpp alone (no emit)" --stop-after=exceptions
if [ ${#args[@]} -gt 0 ]; then
  /usr/bin/time -f "%e s" -o "$work/run" "$work/program-c" "${args[@]}" >/dev/null
  echo "run: $(cat "$work/run")"
fi
