"""Dates in anonymised exports: read a date as a mentor wrote it, then say it without the day.

The anonymiser finds a date span ("15th November", "2025-03-04", "11/09/2025"); the supervision
export replaces it by its position relative to the first session in the export ("week 3,
day 2") or by its month ("March 2026"), as the mentor chooses. Parsing is forgiving and never
raises: what cannot be read becomes "[date]".
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    start=1,
):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

_NUMERIC_YMD = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})\b")
_NUMERIC_DM = re.compile(r"\b(\d{1,2})/(\d{1,2})\b")
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY}\b{_YEAR}", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.IGNORECASE)
_DAYS_PER_WEEK = 7
_CENTURY = 2000
_MONTHS_PER_YEAR = 12


class DateStyle(StrEnum):
    """How dates appear in a supervision export."""

    RELATIVE = "relative"  # week 3, day 2 (counted from the first session in the export)
    MONTH = "month"  # March 2026


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _near_year(month: int, reference: date) -> int:
    """The year that puts a year-less "15th November" closest to the record it appears in."""
    candidates = (reference.year - 1, reference.year, reference.year + 1)
    return min(
        candidates,
        key=lambda y: abs(
            (y * _MONTHS_PER_YEAR + month) - (reference.year * _MONTHS_PER_YEAR + reference.month)
        ),
    )


Parsed = tuple[date | None, bool]


def _found(value: date | None, day_known: bool = True) -> Parsed:
    return value, value is not None and day_known


def _numeric(text: str, reference: date) -> Parsed | None:
    if match := _NUMERIC_YMD.search(text):
        return _found(_safe_date(int(match[1]), int(match[2]), int(match[3])))
    if match := _NUMERIC_DMY.search(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if year < 100:
            year += _CENTURY
        return _found(_safe_date(year, second, first) or _safe_date(year, first, second))
    if match := _NUMERIC_DM.search(text):
        first, second = int(match[1]), int(match[2])
        year = reference.year
        return _found(_safe_date(year, second, first) or _safe_date(year, first, second))
    return None


def _worded(text: str, reference: date) -> Parsed | None:
    for regex, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if match := regex.search(text):
            month = MONTHS[match[month_group].lower().rstrip(".")]
            year = int(match[3]) if match[3] else _near_year(month, reference)
            return _found(_safe_date(year, month, int(match[day_group])))
    if match := _MONTH_YEAR.search(text):
        return _found(_safe_date(int(match[2]), MONTHS[match[1].lower().rstrip(".")], 1), False)
    return None


def parse_date_text(text: str, reference: date) -> Parsed:
    """Read a written date; returns (date, day_known). Years default to near ``reference``.

    Numeric day/month order is British (11/09/2025 is 11 September) unless the numbers only
    make sense the American way. ``(None, False)`` when the text cannot be read.
    """
    text = text.strip()
    return _worded(text, reference) or _numeric(text, reference) or (None, False)


def relative_phrase(day: date, anchor: date) -> str:
    """``day`` counted from ``anchor`` (week 1, day 1): "week 3, day 2", or "2 weeks before"."""
    delta = (day - anchor).days
    if delta >= 0:
        return f"week {delta // _DAYS_PER_WEEK + 1}, day {delta % _DAYS_PER_WEEK + 1}"
    before = -delta
    if before < _DAYS_PER_WEEK:
        return f"{before} day{'s' if before != 1 else ''} before week 1"
    weeks = before // _DAYS_PER_WEEK
    return f"{weeks} week{'s' if weeks != 1 else ''} before week 1"


def month_phrase(day: date) -> str:
    return f"{day:%B %Y}"


def describe_day(day: date, anchor: date, style: DateStyle) -> str:
    """How a known day is shown in the export, in the chosen style."""
    return relative_phrase(day, anchor) if style is DateStyle.RELATIVE else month_phrase(day)


def replace_date_text(text: str, reference: date, anchor: date, style: DateStyle) -> str:
    """The replacement for a date span found in a note written on ``reference``."""
    found, day_known = parse_date_text(text, reference)
    if found is None:
        return "[date]"
    if style is DateStyle.MONTH or not day_known:
        return month_phrase(found)
    return relative_phrase(found, anchor)
