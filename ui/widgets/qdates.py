"""Python dates to Qt dates and back, for every date field in the app.

QDate.toPython() is typed as returning ``object`` in PySide6's stubs, which left each page with
an assert; and each page had its own copy of the other direction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(day: date) -> QDate:
    """The same calendar day as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """The same calendar day as a date."""
    return date(value.year(), value.month(), value.day())
