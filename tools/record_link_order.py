#!/usr/bin/env python3
"""Records translator/driver/link_order.txt: the functions a translation runs, for the rpp link.

The rpp binary is linked statically with lld's --symbol-ordering-file (translator/driver/BUILD):
the functions listed come first in the binary, in the file's order, so the code a translation runs
sits on as few pages as possible and the rest (the JIT, the test runner, the parts of libpython
and libc a translation never calls) stays on pages it never touches (docs/memory.md). This script
runs the workloads under valgrind's callgrind (not a dependency of rpp: `apt-get install valgrind`
to regenerate), collects every function of the rpp binary that ran, and writes the list: the
functions of a BF translation first, then those only Lox's translation needs.

A stale list is never wrong, only less tight: names that no longer exist are skipped by the
linker, and new functions go after the listed ones. Regenerate after large changes:

    ./rpp translate --help >/dev/null   # builds the toolchain
    tools/record_link_order.py
    bazel build //translator/driver:rpp
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

WORKLOADS = [
    ("bf", "examples/bf/targetbf.py"),
    ("lox", "examples/lox/targetlox.py"),
]

HEADER = """\
# The functions a translation runs, in link order (tools/record_link_order.py wrote this file;
# docs/memory.md says why). Mangled names, one per line: first a BF translation's, then the ones
# only Lox's adds. lld reads it with --symbol-ordering-file; names it does not find are skipped.
"""

_DEFINITION = re.compile(r"^(ob|cob|fn|cfn)=\((\d+)\)(?: (.*))?$")


def functions_run(callgrind_out, binary):
    """The names of the functions of `binary` that ran, from a callgrind output file."""
    objects, functions = {}, {}
    current_object = None
    ran = set()
    with open(callgrind_out, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = _DEFINITION.match(line.rstrip("\n"))
            if not m:
                continue
            kind, ident, name = m.groups()
            table = objects if kind in ("ob", "cob") else functions
            if name:
                table[ident] = name
            if kind == "ob":
                current_object = table[ident]
            elif kind == "fn" and current_object and os.path.realpath(current_object) == binary:
                ran.add(table[ident])
    names = set()
    for name in ran:
        name = re.sub(r"'\d+$", "", name)  # callgrind's recursion levels: f'2
        if name.startswith("(") or name.startswith("0x"):
            continue  # "(below main)", addresses without a symbol
        names.add(name)
    return names


def record(repo, binary, workload):
    """Runs one translation under callgrind and returns the functions that ran."""
    with tempfile.TemporaryDirectory(prefix="rpp-link-order-") as tmp:
        out = os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + out,
               binary, "translate", "-o", os.path.join(tmp, "program"), workload]
        env = dict(os.environ, RPP_HOME=repo)
        result = subprocess.run(cmd, cwd=repo, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit("record_link_order: %s failed:\n%s" % (" ".join(cmd), result.stderr[-3000:]))
        return functions_run(out, binary)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rpp", default=os.path.join(repo, "bazel-bin/translator/driver/rpp"),
                        help="the rpp binary to run (default: bazel-bin's)")
    parser.add_argument("--output", default=os.path.join(repo, "translator/driver/link_order.txt"))
    args = parser.parse_args()
    binary = os.path.realpath(args.rpp)
    if not os.access(binary, os.X_OK):
        sys.exit("record_link_order: no rpp binary at %s (build it first)" % args.rpp)
    seen = set()
    lines = [HEADER.rstrip("\n")]
    for label, workload in WORKLOADS:
        names = record(repo, binary, workload) - seen
        print("%s: %d functions" % (label, len(names)))
        lines.append("# %s" % label)
        lines.extend(sorted(names))
        seen |= names
    with open(args.output, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d functions)" % (args.output, len(seen)))


if __name__ == "__main__":
    main()
