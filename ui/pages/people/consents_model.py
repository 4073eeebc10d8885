"""Consent records: what was agreed, with whom, when, how, and whether it still stands."""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QObject

from mentorjournal.domain.mentee import Consent
from ui.models.record_model import Column, RecordTableModel


class ConsentColumn(IntEnum):
    WHAT = 0
    WITH_WHOM = 1
    GIVEN = 2
    HOW = 3
    REVIEW = 4
    WITHDRAWN = 5
    STATE = 6


def _day(value: date | None) -> str:
    return "–" if value is None else f"{value:%d %b %Y}"


def consent_state(consent: Consent, today: date) -> str:
    """Withdrawn, review due, or in force: what a mentor must know before sharing anything."""
    if consent.withdrawn_on is not None and consent.withdrawn_on <= today:
        return "Withdrawn"
    if consent.review_on is not None and consent.review_on <= today:
        return "Review due"
    return "In force"


class ConsentsModel(RecordTableModel):
    """``today`` is injected (``set_today``) so the state column is testable and clock-free."""

    COLUMNS = (
        Column("What", lambda c: c.what, tooltip=lambda c: c.what),
        Column("With whom", lambda c: c.with_whom),
        Column("Given", lambda c: _day(c.given_on), sort_key=lambda c: c.given_on),
        Column("How", lambda c: c.how.value.capitalize()),
        Column("Review", lambda c: _day(c.review_on), sort_key=lambda c: c.review_on),
        Column("Withdrawn", lambda c: _day(c.withdrawn_on), sort_key=lambda c: c.withdrawn_on),
        Column("State", lambda c: "In force"),  # replaced per instance in __init__
    )

    def __init__(self, parent: QObject | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._today = today or date.today()
        self.COLUMNS = (
            *type(self).COLUMNS[:-1],
            Column("State", lambda c: consent_state(c, self._today)),
        )

    def set_today(self, today: date) -> None:
        self.beginResetModel()
        self._today = today
        self.endResetModel()
