# Helper of traceback_inlined.py (not a test itself): translates PROGRAM at --opt=0 and --opt=2,
# runs both with ARGS, prints the --opt=2 run's standard error and whether --opt=0's is the same.
# usage: sh compare_tracebacks.sh TMPDIR PROGRAM [ARGS...]
set -e
tmp=$1; program=$2; shift 2
rpp="$RPP_HOME/bazel-bin/translator/driver/rpp"
"$rpp" translate --opt=0 -o "$tmp/opt0-c" "$program" 2>"$tmp/translate0.log" || { cat "$tmp/translate0.log" >&2; exit 1; }
"$rpp" translate --opt=2 -o "$tmp/opt2-c" "$program" 2>"$tmp/translate2.log" || { cat "$tmp/translate2.log" >&2; exit 1; }
grep -o 'backendopt: [0-9]* calls inlined' "$tmp/translate2.log"
"$tmp/opt0-c" "$@" >/dev/null 2>"$tmp/opt0.err" || echo "--opt=0 exit code $?"
"$tmp/opt2-c" "$@" >/dev/null 2>"$tmp/opt2.err" || echo "--opt=2 exit code $?"
cat "$tmp/opt2.err"
if cmp -s "$tmp/opt0.err" "$tmp/opt2.err"; then echo "the same at --opt=0"; else echo "--opt=0 differs:"; cat "$tmp/opt0.err"; fi
