"""The one date and age policy: read a found date, write its safe replacement.

A date becomes its position relative to the export's first session ("week 3, day 2") or its
month ("March 2025"), as the mentor chooses; a date without a readable day becomes its month in
either mode. A date of birth is never turned into either (both would still identify when set
beside the notes): it is removed, "[date of birth]". Two-digit years read as the nearest past
century (1995 for "95", 2009 for "09"); a year-less date takes the year that puts it nearest
the day the note was written. Ages become bands wide enough not to identify, and everyone over
89 is "90+" (HIPAA Safe Harbor's ceiling).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from mentorjournal.anonymise.lexicon import MONTHS
from mentorjournal.anonymise.textutil import split_words

MONTH_NAMES = split_words(
    "January February March April May June July August September October November December"
)
_MONTH_RE = re.compile(r"[A-Za-z]+")
#: What may lead a date and says nothing of it: "on", a weekday, "the", "early"/"mid"/"late".
_LEAD_RE = re.compile(
    r"^(?:on\s+)?(?:(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|"
    r"friday|sat|saturday|sun|sunday)\.?,?\s+)?(?:the\s+)?(?:(?:early|mid|late)[- ]?)?",
    re.IGNORECASE,
)
#: A time written beside a date ("3rd March at 2pm", "10am on the 3rd") says nothing of the day.
_TIME_RE = re.compile(
    r"(?:\s*(?:at|@|from|,|-|–|to|until|till)\s*)?(?<![\w:.])(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:am|pm))?|(?<=@)\s*(?:[01]\d|2[0-3])[0-5]\d"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|hours|h)|noon|midday|midnight)(?!\w)(?:\s*,?\s*on\b)?",
    re.IGNORECASE,
)


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


class DateMode(StrEnum):
    """How dates read in an anonymised text."""

    RELATIVE = "relative"  # "week 3, day 2" from the first session (week 1, day 1)
    MONTH = "month"  # "March 2025"


#: Two-digit years up to this read as 20xx, later ones as 19xx ("11/09/95" is 1995).
TWO_DIGIT_PIVOT = 40
DOB_LABEL = "[date of birth]"


def _year(text: str) -> int:
    value = int(text.lstrip("'"))
    if value < 100:
        value += 2000 if value <= TWO_DIGIT_PIVOT else 1900
    return value


def parse_date(text: str) -> DateParts:
    """Best reading of a date span (UK day-first unless the numbers only fit month-first)."""
    s = _LEAD_RE.sub("", _TIME_RE.sub(" ", text).strip(" ,-–@")).strip(" ,-–@")
    iso = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if iso:
        return DateParts(int(iso[1]), int(iso[2]), int(iso[3]))
    num = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?", s)
    if num:
        a, b = int(num[1]), int(num[2])
        day, mon = (b, a) if b > 12 and a <= 12 else (a, b)
        return DateParts(_year(num[3]) if num[3] else None, mon if mon <= 12 else None, day)
    short = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+)\.?[ -](\d{2})", s)
    if short and short[2].lower() in MONTHS:  # "12 Mar 26", "12-Mar-26"
        return DateParts(_year(short[3]), MONTHS[short[2].lower()], int(short[1]))
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
        before = -days
        if before < 7:
            return f"{before} day{'s' if before != 1 else ''} before week 1"
        weeks = before // 7
        return f"{weeks} week{'s' if weeks != 1 else ''} before week 1"
    return f"week {days // 7 + 1}, day {days % 7 + 1}"


def nearest_year(month: int, day: int | None, written: dt.date) -> int:
    """The year that puts a year-less date ("15th November") nearest the day it was written."""
    return min(
        (written.year - 1, written.year, written.year + 1),
        key=lambda y: abs((y * 12 + month) - (written.year * 12 + written.month)),
    )


def describe_day(day: dt.date, anchor: dt.date, mode: DateMode) -> str:
    """How a day the program knows (a session's date) reads in the chosen mode."""
    return relative_label(day, anchor) if mode is DateMode.RELATIVE else f"{day:%B %Y}"


def replace_date(
    surface: str,
    *,
    mode: DateMode,
    anchor: dt.date | None,
    written: dt.date | None = None,
    dob: dt.date | None = None,
    is_dob: bool = False,
) -> str:
    """The replacement for a date mention: relative, month, or removed when it is a date of birth."""
    parts = parse_date(surface)
    if is_dob or (
        dob is not None
        and (parts.day, parts.month) == (dob.day, dob.month)
        and parts.year in (None, dob.year)
    ):
        return DOB_LABEL
    year = parts.year
    if year is None and parts.month is not None:
        base = written or anchor
        year = nearest_year(parts.month, parts.day, base) if base is not None else None
    resolved = DateParts(year, parts.month, parts.day)
    if mode is DateMode.RELATIVE and anchor is not None:
        date = resolved.to_date(None)
        if date is not None:
            return relative_label(date, anchor)
    return month_label(resolved, None)


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


def age_label(surface: str) -> str:
    """ "16", "aged sixteen", "94" -> "[mid-teens]", "[90+]"; "[age]" when no number is read."""
    from mentorjournal.anonymise.patterns import number_value

    if re.search(r"\d\s*(?:months?|mths?|weeks?|wks?|days?)\b", surface, re.IGNORECASE):
        return f"[{age_band(0)}]"  # "18 months": a baby, whatever the number
    value = number_value(surface)
    return f"[{age_band(value)}]" if value is not None else "[age]"
