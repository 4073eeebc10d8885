"""One date and age policy for every export: the CLI, the preview and the supervision summary."""

from __future__ import annotations

import datetime as dt

import pytest

from mentorjournal.anonymise import AnonymiseOptions, DateMode, Known, anonymise
from mentorjournal.anonymise.dates import age_label, parse_date, replace_date

ANCHOR = dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("11/09/95", 1995),
        ("11/09/09", 2009),
        ("11/09/2025", 2025),
        ("3.4.40", 2040),
        ("3.4.41", 1941),
    ],
)
def test_two_digit_years_read_as_the_nearest_past_century(text: str, year: int) -> None:
    assert parse_date(text).year == year


@pytest.mark.parametrize(
    ("age", "band"),
    [("12", "[under 13]"), ("16", "[mid-teens]"), ("sixteen", "[mid-teens]"), ("19", "[late teens]"),
     ("34", "[30-39]"), ("89", "[80-89]"), ("90", "[90+]"), ("104", "[90+]")],
)  # fmt: skip
def test_ages_become_one_set_of_bands_and_everyone_over_89_is_90_plus(age: str, band: str) -> None:
    assert age_label(age) == band


def test_a_year_less_date_takes_the_year_nearest_the_day_it_was_written() -> None:
    # Written on 3 January 2026, "20th December" is last month, not eleven months ahead.
    written = dt.date(2026, 1, 3)
    assert replace_date("20th December", mode=DateMode.MONTH, anchor=ANCHOR, written=written) == (
        "December 2025"
    )
    assert (
        replace_date("20th December", mode=DateMode.RELATIVE, anchor=ANCHOR, written=written)
        == "2 weeks before week 1"
    )


@pytest.mark.parametrize("mode", [DateMode.MONTH, DateMode.RELATIVE])
@pytest.mark.parametrize(
    "text",
    [
        "Her DOB is 14/02/2007.",
        "Born 3 March 2007.",
        "date of birth: 2007-02-14",
        "birthday is 5th May",
    ],
)
def test_a_date_of_birth_is_removed_never_turned_into_a_week_or_month(
    mode: DateMode, text: str
) -> None:
    options = AnonymiseOptions(date_mode=mode, reference_date=ANCHOR)
    out = anonymise(text, Known(), options=options).text
    assert "[date of birth]" in out
    assert "week" not in out and "2007" not in out and "February" not in out and "March" not in out


def test_the_mentees_date_of_birth_in_any_format_is_removed() -> None:
    known = Known.from_dict({"mentee": {"dob": "2009-03-14"}})
    options = AnonymiseOptions(date_mode=DateMode.RELATIVE, reference_date=ANCHOR)
    out = anonymise("Party on 14th March, cake on 14/03/2009.", known, options=options).text
    assert out.count("[date of birth]") == 2


def test_only_one_anonymisation_policy_exists() -> None:
    """The export's second copy of pseudonyms, dates and bands is gone."""
    import importlib.util

    assert importlib.util.find_spec("mentorjournal.export.pseudonyms") is None
    assert importlib.util.find_spec("mentorjournal.export.dates") is None
