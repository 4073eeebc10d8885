"""Run a test in a chosen system time zone: the journal's "local day" is the system's."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def system_zone(name: str) -> Iterator[None]:
    """Set TZ (and ``tzset``) for the block, then put the previous zone back."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
