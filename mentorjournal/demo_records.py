"""Demo record-keeping settings: the scheme the demo mentor renews under, and the like.

Kept apart from ``demo.py`` (the seeded records themselves) because these are settings of the
vault, not generated records: they take no random draws, so adding one never changes the
demo's notes, goals or CPD entries.
"""

from __future__ import annotations

from datetime import date, datetime

from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind
from mentorjournal.storage import cpd
from mentorjournal.storage.connection import Connection


def demo_cycle_start(today: date) -> date:
    """The 1st of the month eleven months ago: a UMHAN year most of the way through."""
    index = today.year * 12 + today.month - 1 - 11
    return date(index // 12, index % 12 + 1, 1)


def insert_record_settings(conn: Connection, *, today: date, now: datetime) -> None:
    """Write the demo's record-keeping settings (inside the caller's transaction)."""
    cpd.set_scheme(conn, CpdScheme(SchemeKind.UMHAN, demo_cycle_start(today)), now)
