"""The error the embedded frontend turns into `rpp: error: ...` with exit code 2."""


class TargetError(Exception):
    """A problem with the user's target that the user must fix; the message is printed as is."""
