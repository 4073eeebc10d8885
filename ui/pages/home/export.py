"""The caseload list's export and print actions (the CLI's ``export --caseload``)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.prompts import Prompts
from ui.widgets.export_one import export_to_file, print_markdown
from ui.worker import JournalWorker


def export_caseload_list(owner: QObject, worker: JournalWorker, prompts: Prompts) -> None:
    from mentorjournal.export.caseload_list import export_caseload_list as write

    export_to_file(owner, worker, prompts, "Export caseload list", write)


def print_caseload_list(owner: QObject, worker: JournalWorker, prompts: Prompts) -> None:
    from mentorjournal.export.caseload_list import caseload_markdown

    print_markdown(owner, worker, prompts, "Print caseload list", caseload_markdown)
