"""RPython for Python 3: the Python side of the language.

`rpython.rlib` holds the library that RPython programs import (JIT hints, the object model, machine
integers, ...). Every module works untranslated on CPython 3; the translator reads the marker
attributes that its decorators leave on functions and classes (see docs/rlib.md).
"""
