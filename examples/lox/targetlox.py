"""Lox, the language of Crafting Interpreters, as an RPython bytecode VM (clox's semantics).

    ./rpp run examples/lox/targetlox.py PROGRAM.lox     run a Lox program untranslated
    ./rpp translate --jit examples/lox/targetlox.py     build a native Lox VM with a JIT

Exit codes as clox: 65 after a compile error, 70 after a runtime error, 64 for a bad command line,
74 when the file cannot be read.
"""

import os

from lox.compiler import Globals, compile_source
from lox.interpreter import define_natives, run_script
from lox.objects import LoxRuntimeError


def write_err(text):
    os.write(2, text.encode('utf-8'))


def read_file(filename):
    fd = os.open(filename, os.O_RDONLY, 0o777)
    try:
        chunks = []
        while True:
            data = os.read(fd, 65536)
            if len(data) == 0:
                break
            chunks.append(data)
    finally:
        os.close(fd)
    return b"".join(chunks)


def interpret(source):
    """Compiles and runs a program; returns the exit code."""
    globals = Globals()
    define_natives(globals)
    script, errors = compile_source(source, globals)
    if script is None:
        for line in errors:
            write_err(line + "\n")
        return 65
    try:
        run_script(script)
    except LoxRuntimeError as e:
        lines = [e.message]
        for line in e.trace:
            lines.append(line)
        write_err("\n".join(lines) + "\n")
        return 70
    return 0


def entry_point(argv):
    if len(argv) != 2:
        write_err("Usage: targetlox.py PATH\n")
        return 64
    path = argv[1]
    try:
        data = read_file(path)
    except OSError:
        write_err("Could not open file \"%s\".\n" % path)
        return 74
    try:
        source = data.decode('utf-8')
    except UnicodeDecodeError:
        write_err("File \"%s\" is not valid UTF-8.\n" % path)
        return 74
    return interpret(source)


def target(driver, args):
    return entry_point, None
