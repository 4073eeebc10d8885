"""'Next session' from a note: plan the next appointment with the note's length and mode.

The time offered is a week after the session, same time of day; the mentor can type another
(local time, ``YYYY-MM-DD HH:MM``). A time that is not understood loses nothing and says why.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject

from mentorjournal.domain.notes import SessionNote
from ui.callbacks import command
from ui.prompts import Prompts
from ui.worker import JournalWorker

FORMAT = "%Y-%m-%d %H:%M"


def suggested(note: SessionNote) -> datetime:
    return (note.started_at + timedelta(days=7)).astimezone()


def plan_next_session(
    owner: QObject, worker: JournalWorker, prompts: Prompts, note: SessionNote
) -> None:
    answer = prompts.ask_text(
        "Next session",
        "When is the next session? (your local time, YYYY-MM-DD HH:MM)",
        suggested(note).strftime(FORMAT),
    )
    if answer is None or not answer.strip():
        return
    try:
        at = datetime.strptime(answer.strip(), FORMAT).astimezone()
    except ValueError:
        prompts.warn(
            "Next session", "That is not a time like 2026-03-09 14:30; nothing was planned."
        )
        return
    minutes = max(5, note.duration_minutes)

    def planned(_result: Any) -> None:
        prompts.inform("Next session", f"Planned for {at:%A %d %B, %H:%M}.")

    command(owner, worker,
            lambda j: j.add_appointment(note.mentee_id, at, minutes=minutes, mode=note.mode),
            planned, prompts.show_error)  # fmt: skip
