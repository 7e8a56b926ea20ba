"""Lox (the language of Crafting Interpreters) as an RPython bytecode VM: see ../README.md."""
