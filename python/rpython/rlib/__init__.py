"""The RPython library: modules that RPython programs import, usable untranslated on CPython 3.

Each module documents what it does untranslated and what it means to the translator; the marker
attributes that decorators set are listed in docs/rlib.md.
"""
