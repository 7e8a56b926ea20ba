# Helper of translated_hello.py (not a test itself): translates examples/bf/targetbf.py with genc
# into TMPDIR/targetbf-c, then runs the native executable on the given .b programs in turn.
# usage: sh translate_and_run.sh TMPDIR PROGRAM.b...
set -e
tmp=$1; shift
"$RPP_HOME/bazel-bin/translator/driver/rpp" translate -o "$tmp/targetbf-c" \
    "$RPP_HOME/examples/bf/targetbf.py" 2>"$tmp/translate.log" || { cat "$tmp/translate.log" >&2; exit 1; }
for program in "$@"; do "$tmp/targetbf-c" "$program"; done
