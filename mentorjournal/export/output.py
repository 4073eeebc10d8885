"""Writing an export file: whole or not at all, private from birth, full disks reported.

An export holds personal data, so it is created 0600, written to a temp file beside the
destination, flushed, then renamed over it: a crash or a full disk leaves either the old file
or the new one, and never a half file or a forgotten temp file.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from mentorjournal.errors import UsageError
from mentorjournal.fsutil import atomic_write_bytes


class ExportFormat(Enum):
    """The formats every document can be written in, named by file extension."""

    MARKDOWN = "md"
    PDF = "pdf"
    DOCX = "docx"

    @classmethod
    def for_path(cls, path: Path) -> ExportFormat:
        """Pick the format from the file's extension (``.markdown`` counts as Markdown)."""
        suffix = path.suffix.lower().lstrip(".")
        if suffix == "markdown":
            suffix = "md"
        for member in cls:
            if member.value == suffix:
                return member
        raise UsageError(
            f"Cannot tell the export format from {path.name!r}: use a .md, .pdf or .docx file name."
        )


def write_export_bytes(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data`` (0600); on any failure nothing is left behind."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"The folder {str(folder)!r} does not exist.")
    atomic_write_bytes(folder / path.name, data)
