# Helper of the translated tests of this folder (not a test itself): translates PROGRAM.py with
# genc (extra `rpp translate` flags from RPP_TRANSLATE_FLAGS) into TMPDIR/program-c, then runs it
# with ARGS. usage: sh translate_and_run.sh TMPDIR PROGRAM.py [ARGS...]
set -e
tmp=$1; program=$2; shift 2
"$RPP_HOME/bazel-bin/translator/driver/rpp" translate $RPP_TRANSLATE_FLAGS -o "$tmp/program-c" "$program" \
    2>"$tmp/translate.log" || { cat "$tmp/translate.log" >&2; exit 1; }
exec "$tmp/program-c" "$@"
