"""Reading a found date and writing its safe replacement (relative week/day or month precision)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from mentorjournal.anonymise.lexicon import MONTHS
from mentorjournal.anonymise.textutil import split_words

MONTH_NAMES = split_words(
    "January February March April May June July August September October November December"
)
_MONTH_RE = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class DateParts:
    """What a date mention says; any part may be missing ("15th" has only a day)."""

    year: int | None
    month: int | None
    day: int | None

    def to_date(self, default_year: int | None) -> dt.date | None:
        year = self.year if self.year is not None else default_year
        if year is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    if value < 100:
        value += 2000 if value <= 40 else 1900
    return value


def parse_date(text: str) -> DateParts:
    """Best reading of a date span (UK day-first unless the numbers only fit month-first)."""
    s = text.strip()
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if iso:
        return DateParts(int(iso[1]), int(iso[2]), int(iso[3]))
    num = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?", s)
    if num:
        a, b = int(num[1]), int(num[2])
        day, mon = (b, a) if b > 12 and a <= 12 else (a, b)
        return DateParts(_year(num[3]) if num[3] else None, mon if mon <= 12 else None, day)
    month: int | None = None
    for word in _MONTH_RE.findall(s):
        if word.lower() in MONTHS:
            month = MONTHS[word.lower()]
            break
    year_m = re.search(r"(?:(?<!\d)(?:19|20)\d{2}(?!\d)|'\d{2}\b)", s)
    rest = s[: year_m.start()] + s[year_m.end() :] if year_m else s
    day_m = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)
    return DateParts(
        _year(year_m.group()) if year_m else None,
        month,
        int(day_m[1]) if day_m and 1 <= int(day_m[1]) <= 31 else None,
    )


def relative_label(date: dt.date, reference: dt.date) -> str:
    """ "week 3, day 2" counting the reference day as week 1, day 1."""
    days = (date - reference).days
    if days < 0:
        weeks = (-days + 6) // 7
        return f"{weeks} week{'s' if weeks != 1 else ''} before week 1"
    return f"week {days // 7 + 1}, day {days % 7 + 1}"


def month_label(parts: DateParts, default_year: int | None) -> str:
    if parts.month is None:
        return "[date]"
    year = parts.year if parts.year is not None else default_year
    name = MONTH_NAMES[parts.month - 1]
    return f"{name} {year}" if year is not None else name


def age_band(age: int) -> str:
    """Bands wide enough not to identify: teens in thirds, then decades, 90+ (HIPAA's ceiling)."""
    if age < 13:
        return "under 13"
    if age <= 14:
        return "early teens"
    if age <= 17:
        return "mid-teens"
    if age <= 19:
        return "late teens"
    if age >= 90:
        return "90+"
    low = age // 10 * 10
    return f"{low}-{low + 9}"
