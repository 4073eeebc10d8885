"""Journal menu: export or print the open note, export the chosen mentee's record or a
subject-access copy of it.

The same core exporters as ``mentorjournal export --note ID`` and ``export --mentee CODE``
write the file and its audit event, so the app and the CLI never disagree on what a record
export holds. Printing renders the note's document through the print dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.widgets.export_one import export_to_file, print_markdown

if TYPE_CHECKING:
    from ui.windows.main_window import MainWindow


def _open_note_id(window: MainWindow) -> str | None:
    sessions: Any = window.page("sessions")
    note = sessions.editor.current_note() if window.mentee_id else None
    if note is None:
        window.prompts.inform("Export note", "Open a note on the Sessions tab first.")
        return None
    return str(note.id)


def export_open_note(window: MainWindow) -> None:
    from mentorjournal.export.caseload_list import export_note

    note_id = _open_note_id(window)
    if note_id is not None:
        export_to_file(window, window.worker, window.prompts, "Export note",
                       lambda j, path: export_note(j, note_id, path))  # fmt: skip


def print_open_note(window: MainWindow) -> None:
    from mentorjournal.export.caseload_list import note_markdown

    note_id = _open_note_id(window)
    if note_id is not None:
        print_markdown(window, window.worker, window.prompts, "Print note",
                       lambda j: note_markdown(j, note_id))  # fmt: skip


def export_mentee_record(window: MainWindow) -> None:
    from mentorjournal.export.audited import export_mentee_record as write

    if window.mentee_id is None:
        window.prompts.inform("Export record", "Choose a mentee first.")
        return
    code = window.sidebar.code_of(window.mentee_id)
    export_to_file(window, window.worker, window.prompts, f"Export the record of {code}",
                   lambda j, path: write(j, code, path))  # fmt: skip


def export_subject_access(window: MainWindow) -> None:
    """Subject access export… for the chosen mentee (``SubjectAccessDialog``)."""
    from ui.pages.retention.subject_access import SubjectAccessDialog

    if window.mentee_id is None:
        window.prompts.inform("Subject access export", "Choose a mentee first.")
        return
    code = window.sidebar.code_of(window.mentee_id)
    dialog = SubjectAccessDialog(window.worker, window.prompts, window.mentee_id, code, window)
    dialog.load()
    dialog.open()
    window.subject_access_dialog = dialog
