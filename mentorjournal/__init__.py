"""Mentor Journal core: Qt-free domain, vault, storage, search, anonymiser and exports.

``__version__`` is looked up lazily: ``importlib.metadata`` costs about 120 ms to import, and
every ``import mentorjournal.x`` runs this file, including on the app's cold-start path.
"""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'mentorjournal' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("mentorjournal")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
