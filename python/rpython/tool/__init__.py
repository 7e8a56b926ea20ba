"""Helpers used at import time by rpython.rlib (never translated)."""
