"""Process hardening applied at every entry point before any secret exists."""

from __future__ import annotations

import contextlib


def harden_process() -> None:
    """Disable core dumps so a crash cannot write unlocked keys or note text to disk."""
    try:
        import resource
    except ImportError:  # Windows: no core dumps to disable this way
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
