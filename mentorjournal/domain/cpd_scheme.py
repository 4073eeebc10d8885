"""CPD counted against the mentor's scheme: categories, the schemes' rules, and cycle progress.

Credentialing bodies renew a mentor only when the CPD logged in the current cycle meets their
rule: so many hours per cycle, some of them in named categories, sometimes a minimum number of
separate activities. The rules of the schemes the journal knows are written here once, with
the source each comes from, so the progress the app shows, the CLI prints and the renewal
export lists is computed by one function (``scheme_progress``). Days are the mentor's local
days: the caller passes "today" as a local date, never a UTC instant.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from mentorjournal.domain.cpd import HOURS_MAX, CpdCategory, CpdEntry
from mentorjournal.domain.validation import require_date, require_max_len, require_text
from mentorjournal.errors import ValidationError

#: Hours are summed in floats; a cycle's requirement counts as met within this much.
HOURS_EPSILON = 1e-6
MAX_CYCLE_MONTHS = 120
MAX_ACTIVITIES = 1000


#: How an entry logged before categories existed is shown and counted (towards totals only).
UNCATEGORISED_LABEL = "Not categorised"


class SchemeKind(Enum):
    """The schemes the journal knows the rules of, plus the mentor's own."""

    NONE = "none"
    ICRC_PEER_RECOVERY = "icrc_peer_recovery"
    CALIFORNIA_PEER = "california_peer"
    UMHAN = "umhan"
    CUSTOM = "custom"


@dataclass(frozen=True)
class CategoryMinimum:
    """At least ``hours`` per cycle from activities in any of ``categories``."""

    label: str
    categories: frozenset[CpdCategory]
    hours: float

    def __post_init__(self) -> None:
        require_text(self.label, "Requirement name", max_len=200)
        if not self.categories or not all(isinstance(c, CpdCategory) for c in self.categories):
            raise ValidationError("A category minimum needs at least one category.")
        _require_hours(self.hours, "Category minimum hours")


@dataclass(frozen=True)
class CpdRule:
    """One scheme's renewal rule: per cycle of ``cycle_months``, the hours and minimums."""

    name: str
    cycle_months: int
    total_hours: float
    minimums: tuple[CategoryMinimum, ...] = ()
    min_activities: int = 0
    source: str = ""

    def __post_init__(self) -> None:
        require_text(self.name, "Scheme name", max_len=200)
        if (
            isinstance(self.cycle_months, bool)
            or not isinstance(self.cycle_months, int)
            or not 1 <= self.cycle_months <= MAX_CYCLE_MONTHS
        ):
            raise ValidationError(f"A cycle must be 1 to {MAX_CYCLE_MONTHS} months long.")
        _require_hours(self.total_hours, "Hours per cycle")
        for minimum in self.minimums:
            if minimum.hours > self.total_hours + HOURS_EPSILON:
                raise ValidationError(
                    f"The {minimum.label} minimum is more than the hours per cycle."
                )
        if (
            isinstance(self.min_activities, bool)
            or not isinstance(self.min_activities, int)
            or not 0 <= self.min_activities <= MAX_ACTIVITIES
        ):
            raise ValidationError(f"Activities per cycle must be 0 to {MAX_ACTIVITIES}.")
        require_max_len(self.source, "Source", 500)


def _require_hours(value: float, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= HOURS_MAX:
        raise ValidationError(f"{field} must be more than 0 and at most {HOURS_MAX:g}.")


#: The rules as each body publishes them (docs/record-keeping.md cites the pages).
KNOWN_RULES: dict[SchemeKind, CpdRule] = {
    SchemeKind.ICRC_PEER_RECOVERY: CpdRule(
        "IC&RC Peer Recovery",
        24,
        20.0,
        (CategoryMinimum("Ethics", frozenset({CpdCategory.ETHICS}), 6.0),),
        source="IC&RC Peer Recovery standards: recertification",
    ),
    SchemeKind.CALIFORNIA_PEER: CpdRule(
        "California Medi-Cal Peer Support Specialist",
        24,
        20.0,
        (CategoryMinimum("Law and ethics", frozenset({CpdCategory.LAW, CpdCategory.ETHICS}), 6.0),),
        source="CalMHSA certification renewal and continuing education requirements",
    ),
    SchemeKind.UMHAN: CpdRule(
        "UMHAN accredited practitioner",
        12,
        30.0,
        min_activities=6,
        source="UMHAN supervision and CPD requirements for accredited members",
    ),
}


@dataclass(frozen=True)
class CpdScheme:
    """The mentor's chosen scheme and the day their current run of cycles began.

    ``custom`` holds the rule for ``SchemeKind.CUSTOM`` and nothing else; the known schemes'
    rules come from ``KNOWN_RULES`` so a stored vault never carries a stale copy of them.
    """

    kind: SchemeKind
    cycle_start: date
    custom: CpdRule | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.kind, SchemeKind):
            raise ValidationError("Unknown CPD scheme.")
        require_date(self.cycle_start, "Cycle start")
        if self.cycle_start is None:
            raise ValidationError("A CPD scheme needs the day its cycle starts.")
        if (self.kind is SchemeKind.CUSTOM) != (self.custom is not None):
            raise ValidationError("Only a custom scheme carries its own rule, and it must.")

    @property
    def rule(self) -> CpdRule | None:
        """The rule to meet, or None when the mentor follows no scheme."""
        if self.kind is SchemeKind.CUSTOM:
            return self.custom
        return KNOWN_RULES.get(self.kind)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def current_cycle(start: date, cycle_months: int, today: date) -> tuple[date, date]:
    """The cycle holding ``today``: (first day, first day of the next cycle).

    Cycles run back to back from ``start``; before ``start`` the first cycle is "current", so a
    mentor who enters next month's renewal date sees the cycle they are working towards.
    """
    if today < start:
        return start, add_months(start, cycle_months)
    months = (today.year - start.year) * 12 + today.month - start.month
    k = max(0, months // cycle_months)
    begin = add_months(start, k * cycle_months)
    while begin > today:
        k -= 1
        begin = add_months(start, k * cycle_months)
    while add_months(start, (k + 1) * cycle_months) <= today:
        k += 1
        begin = add_months(start, k * cycle_months)
    return begin, add_months(start, (k + 1) * cycle_months)


@dataclass(frozen=True)
class CategoryHours:
    """Hours and activities in one category (``category`` None: not categorised)."""

    category: CpdCategory | None
    hours: float
    activities: int

    @property
    def label(self) -> str:
        return UNCATEGORISED_LABEL if self.category is None else self.category.label


@dataclass(frozen=True)
class MinimumProgress:
    label: str
    required: float
    done: float

    @property
    def met(self) -> bool:
        return self.done + HOURS_EPSILON >= self.required

    @property
    def remaining(self) -> float:
        return max(0.0, round(self.required - self.done, 2))


@dataclass(frozen=True)
class SchemeProgress:
    """How far the current cycle's CPD goes towards the scheme's rule."""

    scheme: str
    cycle_start: date
    cycle_end: date  # the last day of the cycle, inclusive
    today: date
    hours: MinimumProgress
    minimums: tuple[MinimumProgress, ...]
    activities_required: int
    activities_done: int
    by_category: tuple[CategoryHours, ...]

    @property
    def days_left(self) -> int:
        return max(0, (self.cycle_end - self.today).days)

    @property
    def activities_met(self) -> bool:
        return self.activities_done >= self.activities_required

    @property
    def met(self) -> bool:
        return self.hours.met and self.activities_met and all(m.met for m in self.minimums)

    def shortfalls(self) -> list[str]:
        """What is still missing, one plain line each (empty when the cycle's rule is met)."""
        lines = [
            f"{m.remaining:g} more hours of {m.label.lower()}" for m in self.minimums if not m.met
        ]
        if not self.hours.met:
            lines.insert(0, f"{self.hours.remaining:g} more hours in all")
        if not self.activities_met:
            missing = self.activities_required - self.activities_done
            lines.append(f"{missing} more separate activit{'y' if missing == 1 else 'ies'}")
        return lines


def hours_by_category(entries: Iterable[CpdEntry]) -> tuple[CategoryHours, ...]:
    """Hours and activity counts per category, in the categories' order, uncategorised last."""
    hours: dict[CpdCategory | None, float] = {}
    counts: dict[CpdCategory | None, int] = {}
    for entry in entries:
        hours[entry.category] = hours.get(entry.category, 0.0) + float(entry.hours)
        counts[entry.category] = counts.get(entry.category, 0) + 1
    order: list[CpdCategory | None] = [*CpdCategory, None]
    return tuple(CategoryHours(c, round(hours[c], 2), counts[c]) for c in order if c in hours)


def entries_in(entries: Iterable[CpdEntry], first: date, end: date) -> list[CpdEntry]:
    """The entries dated from ``first`` up to but not including ``end``."""
    return [e for e in entries if first <= e.on < end]


def scheme_progress(
    scheme: CpdScheme, entries: Sequence[CpdEntry], today: date
) -> SchemeProgress | None:
    """Progress in the cycle holding ``today`` (a local date); None when no scheme is followed."""
    rule = scheme.rule
    if rule is None:
        return None
    first, end = current_cycle(scheme.cycle_start, rule.cycle_months, today)
    cycle = entries_in(entries, first, end)
    total = round(sum(float(e.hours) for e in cycle), 2)
    minimums = tuple(
        MinimumProgress(
            m.label,
            m.hours,
            round(sum(float(e.hours) for e in cycle if e.category in m.categories), 2),
        )
        for m in rule.minimums
    )
    return SchemeProgress(
        scheme=rule.name,
        cycle_start=first,
        cycle_end=end - timedelta(days=1),
        today=today,
        hours=MinimumProgress("All CPD", rule.total_hours, total),
        minimums=minimums,
        activities_required=rule.min_activities,
        activities_done=len(cycle),
        by_category=hours_by_category(cycle),
    )
