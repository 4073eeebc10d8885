"""Adding and archiving a mentee from the main window: the questions asked, then the command.

Why apart from the window: these are conversations (a code, a retention date, what to say
when the answer is not a date) that end in one journal command; the window only passes the
selected mentee and hears when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from mentorjournal.clock import Clock, local_today
from ui.prompts import Prompts
from ui.worker import JournalWorker

#: The keep-until date offered when archiving (organisations often keep records 7 years).
DEFAULT_RETENTION = timedelta(days=365 * 7)


def add_mentee(
    worker: JournalWorker,
    prompts: Prompts,
    added: Callable[[str], None],
    typed: str = "",
    problem: str = "",
) -> None:
    """Ask for a pseudonym code and add the mentee; ``added(new_id)`` once stored.

    A refused code is asked again with what was typed and why, in one line: closing the
    question lost the typing and the mentor had to guess what was wrong."""
    label = "Pseudonym code (for example M-017):"
    if problem:
        label = f"{problem}\n{label}"
    code = prompts.ask_text("Add mentee", label, typed)
    if not code or not code.strip():
        return
    clean = code.strip()

    def refused(error: BaseException) -> None:
        from ui.prompts import explain

        words = explain(error)
        reason = " ".join(p for p in (words.headline, words.detail) if p)
        add_mentee(worker, prompts, added, clean, reason)

    worker.command(
        lambda j: j.add_mentee(code=clean),
        lambda result: added(result.value.id),
        refused,
    )


def archive_mentee(
    worker: JournalWorker,
    prompts: Prompts,
    clock: Clock,
    mentee_id: str,
    *,
    code: str,
    archived: Callable[[], None],
) -> None:
    """Ask until when to keep the record, then close (if needed) and archive it."""
    default = (local_today(clock) + DEFAULT_RETENTION).isoformat()
    answer = prompts.ask_text(
        "Archive mentee",
        f"Archiving closes {code or 'this mentee'}'s record and hides it from the list. Keep it "
        "until (YYYY-MM-DD, your organisation's retention period), after which erasure is "
        "offered:",
        default,
    )
    if answer is None:
        return
    try:
        keep_until = date.fromisoformat(answer.strip())
    except ValueError:
        prompts.warn("Archive mentee", "That is not a date like 2033-01-31; nothing changed.")
        return
    worker.command(
        lambda j: j.close_and_archive(mentee_id, keep_until),
        lambda _result: archived(),
        prompts.show_error,
    )
