"""Mentor Journal core: Qt-free domain, vault, storage, search, anonymiser and exports."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mentorjournal")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
