"""CPD against a scheme: each known scheme's rule, the current cycle, and what is still missing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorjournal.domain import CpdEntry, new_id
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import (
    CategoryMinimum,
    CpdRule,
    CpdScheme,
    SchemeKind,
    add_months,
    current_cycle,
    hours_by_category,
    scheme_progress,
)
from mentorjournal.errors import ValidationError


def _entry(on: date, hours: float, category: CpdCategory | None = None) -> CpdEntry:
    return CpdEntry(new_id(), "Training day", on, hours, category=category)


def test_icrc_needs_twenty_hours_in_two_years_with_six_of_ethics() -> None:
    scheme = CpdScheme(SchemeKind.ICRC_PEER_RECOVERY, date(2025, 3, 1))
    entries = [
        _entry(date(2025, 4, 1), 15, CpdCategory.CLINICAL_SKILLS),
        _entry(date(2026, 1, 10), 5, CpdCategory.LAW),
        _entry(date(2025, 2, 28), 6, CpdCategory.ETHICS),  # before the cycle: not counted
    ]
    progress = scheme_progress(scheme, entries, date(2026, 6, 1))
    assert progress is not None
    assert (progress.cycle_start, progress.cycle_end) == (date(2025, 3, 1), date(2027, 2, 28))
    assert progress.hours.done == 20 and progress.hours.met
    assert [(m.label, m.done, m.met) for m in progress.minimums] == [("Ethics", 0, False)]
    assert not progress.met
    assert progress.shortfalls() == ["6 more hours of ethics"]


def test_california_counts_law_and_ethics_together() -> None:
    scheme = CpdScheme(SchemeKind.CALIFORNIA_PEER, date(2025, 3, 1))
    entries = [
        _entry(date(2025, 4, 1), 14, CpdCategory.SAFEGUARDING),
        _entry(date(2025, 5, 1), 3, CpdCategory.LAW),
        _entry(date(2025, 6, 1), 3, CpdCategory.ETHICS),
    ]
    progress = scheme_progress(scheme, entries, date(2025, 7, 1))
    assert progress is not None and progress.met
    assert progress.minimums[0].done == 6


def test_umhan_needs_thirty_hours_a_year_across_six_activities() -> None:
    scheme = CpdScheme(SchemeKind.UMHAN, date(2025, 9, 1))
    entries = [_entry(date(2025, 10, d), 6) for d in (1, 2, 3, 4, 5)]
    progress = scheme_progress(scheme, entries, date(2026, 8, 31))
    assert progress is not None
    assert progress.hours.met and not progress.activities_met and not progress.met
    assert progress.shortfalls() == ["1 more separate activity"]
    assert progress.days_left == 0
    # The next day is a new cycle: last year's activities no longer count.
    fresh = scheme_progress(scheme, entries, date(2026, 9, 1))
    assert fresh is not None
    assert (fresh.cycle_start, fresh.hours.done, fresh.activities_done) == (date(2026, 9, 1), 0, 0)
    assert fresh.shortfalls() == ["30 more hours in all", "6 more separate activities"]


def test_uncategorised_entries_count_towards_hours_but_no_minimum() -> None:
    scheme = CpdScheme(SchemeKind.ICRC_PEER_RECOVERY, date(2025, 1, 1))
    progress = scheme_progress(scheme, [_entry(date(2025, 2, 1), 20)], date(2025, 3, 1))
    assert progress is not None
    assert progress.hours.met and not progress.minimums[0].met
    assert [(c.label, c.hours) for c in progress.by_category] == [("Not categorised", 20)]


def test_a_custom_rule_is_the_mentors_own() -> None:
    rule = CpdRule(
        "Trust bank staff",
        12,
        10,
        (CategoryMinimum("Safeguarding", frozenset({CpdCategory.SAFEGUARDING}), 3),),
        min_activities=2,
    )
    scheme = CpdScheme(SchemeKind.CUSTOM, date(2026, 1, 1), rule)
    entries = [
        _entry(date(2026, 2, 1), 7, CpdCategory.OTHER),
        _entry(date(2026, 3, 1), 3, CpdCategory.SAFEGUARDING),
    ]
    progress = scheme_progress(scheme, entries, date(2026, 4, 1))
    assert progress is not None and progress.met and progress.scheme == "Trust bank staff"


def test_no_scheme_has_no_progress() -> None:
    assert (
        scheme_progress(CpdScheme(SchemeKind.NONE, date(2026, 1, 1)), [], date(2026, 2, 1)) is None
    )


@pytest.mark.parametrize(
    ("kind", "custom"),
    [
        (SchemeKind.CUSTOM, None),
        (SchemeKind.UMHAN, CpdRule("Mine", 12, 10)),
    ],
)
def test_only_a_custom_scheme_carries_a_rule(kind: SchemeKind, custom: CpdRule | None) -> None:
    with pytest.raises(ValidationError):
        CpdScheme(kind, date(2026, 1, 1), custom)


@pytest.mark.parametrize(
    "make",
    [
        lambda: CpdRule("Mine", 0, 10),
        lambda: CpdRule("Mine", 12, 0),
        lambda: CpdRule("", 12, 10),
        lambda: CpdRule("Mine", 12, 10, min_activities=-1),
        lambda: CpdRule(
            "Mine", 12, 5, (CategoryMinimum("Ethics", frozenset({CpdCategory.ETHICS}), 6),)
        ),
        lambda: CategoryMinimum("Ethics", frozenset(), 6),
    ],
)
def test_a_rule_that_cannot_be_met_or_read_is_refused(make: object) -> None:
    with pytest.raises(ValidationError):
        make()  # type: ignore[operator]


def test_months_clamp_to_the_end_of_a_short_month() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 2) == date(2026, 1, 15)


def test_before_the_start_the_first_cycle_is_current() -> None:
    assert current_cycle(date(2026, 5, 1), 24, date(2026, 1, 1)) == (
        date(2026, 5, 1),
        date(2028, 5, 1),
    )


@given(
    start=st.dates(date(2000, 1, 1), date(2040, 1, 1)),
    months=st.integers(1, 36),
    today=st.dates(date(2000, 1, 1), date(2060, 1, 1)),
)
def test_the_current_cycle_holds_today_once_it_has_begun(
    start: date, months: int, today: date
) -> None:
    first, end = current_cycle(start, months, today)
    assert first < end
    if today >= start:
        assert first <= today < end
        assert first >= start


def test_hours_by_category_follow_the_category_order() -> None:
    rows = hours_by_category(
        [
            _entry(date(2026, 1, 1), 1.5, CpdCategory.SAFEGUARDING),
            _entry(date(2026, 1, 2), 2, None),
            _entry(date(2026, 1, 3), 3, CpdCategory.ETHICS),
            _entry(date(2026, 1, 4), 1.5, CpdCategory.SAFEGUARDING),
        ]
    )
    assert [(r.label, r.hours, r.activities) for r in rows] == [
        ("Ethics", 3, 1),
        ("Safeguarding", 3, 2),
        ("Not categorised", 2, 1),
    ]
