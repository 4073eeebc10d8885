"""Writing an export file: whole or not at all, private from birth, full disks reported.

An export holds personal data, so it is created 0600, written to a temp file beside the
destination, flushed, then renamed over it: a crash or a full disk leaves either the old file
or the new one, and never a half file or a forgotten temp file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from enum import Enum
from pathlib import Path

from mentorjournal.errors import UsageError
from mentorjournal.fsutil import PRIVATE_FILE_MODE, disk_errors, fsync_dir


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
    with disk_errors():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        tmp = Path(tmp_name)
        try:
            try:
                os.fchmod(fd, PRIVATE_FILE_MODE)
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_dir(folder)
