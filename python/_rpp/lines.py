"""Source lines of files and of generated code, for finding a function's syntax tree.

This is the frontend's `linecache` without its imports (`tokenize`, `re`, `enum`: about 1.3 MB of
rpp's resident memory, docs/memory.md). Source given to `exec`/`compile` while a target imports,
and source of functions made by rpython.tool.sourcetools, is registered here under a `<...>` name.
`forget_files()` drops the lines read from files (they are read again when asked for).
"""

import sys

# name -> list of lines (each ending in "\n"); the same list is handed out until it changes.
_registered = {}
_files = {}


def register(name, source):
    """Store `source` (str or UTF-8 bytes) under `name`."""
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    lines = source.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    _registered[name] = lines
    return lines


def registered():
    """The registered sources: {name: lines}."""
    return _registered


def getlines(filename):
    """The lines of `filename` (a registered name or a file); [] when they cannot be read."""
    lines = _registered.get(filename)
    if lines is not None:
        return lines
    lines = _files.get(filename)
    if lines is not None:
        return lines
    # Sources other code put into the standard linecache (when something imported it).
    linecache = sys.modules.get("linecache")
    if linecache is not None and filename in linecache.cache:
        entry = linecache.cache[filename]
        if len(entry) >= 3 and isinstance(entry[2], list) and entry[2]:
            return entry[2]
    if filename.startswith("<") and filename.endswith(">"):
        return []
    try:
        with open(filename, "rb") as f:
            data = f.read()
        text = data.decode(_source_encoding(data))
    except (OSError, UnicodeDecodeError, LookupError):
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    _files[filename] = lines
    return lines


def forget_files():
    _files.clear()


def _source_encoding(data):
    """The encoding of Python source bytes (PEP 263): a UTF-8 BOM, a coding cookie in one of the
    first two lines, or UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    for line in data.split(b"\n", 2)[:2]:
        stripped = line.lstrip(b" \t\f")
        if not stripped.startswith(b"#"):
            if stripped.strip():
                break  # code: no cookie after it
            continue
        name = _cookie(stripped.decode("latin-1"))
        if name:
            return name
    return "utf-8"


def _cookie(comment):
    """The name in `coding: NAME` or `coding=NAME` of a comment line, or None."""
    at = comment.find("coding")
    while at >= 0:
        rest = comment[at + 6:]
        if rest[:1] in (":", "="):
            rest = rest[1:].lstrip(" \t")
            end = 0
            while end < len(rest) and (rest[end].isalnum() or rest[end] in "-_."):
                end += 1
            if end:
                return rest[:end]
        at = comment.find("coding", at + 6)
    return None
