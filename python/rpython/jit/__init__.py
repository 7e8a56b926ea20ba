"""Compatibility package: `rpython.jit.codewriter.policy.JitPolicy`, as in RPython."""
