"""rpp's own Python side: importing a target and running it untranslated (not user-visible API)."""
