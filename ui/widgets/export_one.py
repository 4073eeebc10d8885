"""Export or print one thing (a note, a mentee's record, the caseload) with the CLI's exporters.

Export asks where to save (.md, .pdf or .docx) and runs the same core exporter the CLI runs, in
the worker, so the file and its audit event are exactly what ``mentorjournal export`` writes.
Print builds the same document, renders it as Markdown into a ``QTextDocument`` and hands it
to the print dialog (through ``prompts``, so tests answer it).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from ui.callbacks import query
from ui.prompts import Prompts
from ui.worker import JournalWorker

FILTERS = "PDF (*.pdf);;Word document (*.docx);;Markdown (*.md)"


def export_to_file(
    owner: QObject,
    worker: JournalWorker,
    prompts: Prompts,
    title: str,
    write: Callable[[Any, Path], object],
    *,
    done: Callable[[Path], None] | None = None,
) -> None:
    """Ask for a file name, then ``write(journal, path)`` in the worker; errors are shown."""
    path = prompts.save_file(title, "", FILTERS)
    if path is None:
        return
    if not path.suffix:
        path = path.with_suffix(".pdf")

    def written(_result: object) -> None:
        prompts.inform(title, f"Saved to {path}.")
        if done is not None:
            done(path)

    # An export changes no record (its audit event is written by the exporter), so it runs
    # as a read: nothing is broadcast for views to reload.
    query(owner, worker, lambda j: write(j, path), written, prompts.show_error)


def print_markdown(
    owner: QObject,
    worker: JournalWorker,
    prompts: Prompts,
    title: str,
    markdown: Callable[[Any], str],
) -> None:
    """Build the document's Markdown in the worker, then print it on the GUI thread."""

    def ready(text: str) -> None:
        document = QTextDocument()
        document.setMarkdown(text)
        prompts.print_document(title, document)

    query(owner, worker, markdown, ready, prompts.show_error)
