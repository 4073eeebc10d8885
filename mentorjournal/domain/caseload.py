"""The caseload: per active mentee, what tells a mentor "who needs me this week".

The rules for "due" live here as named constants so the CLI, the home page and the docs agree:
a goal is due for review when its target date is within a week (or past) or it has not been
rated for six weeks; a coping plan when its latest version is older than 90 days; a consent
when its review date is within two weeks; a draft note counts once its session is a day old;
a risk-flagged note counts as an open follow-up for four weeks unless taken to supervision;
a disclosure shared in the last four weeks that the mentee has "not yet" been told of needs
the mentor (telling them, or recording why not, is part of the record).
Days are the mentor's local days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from mentorjournal.domain.appointments import Appointment
from mentorjournal.domain.measures import Instrument

GOAL_REVIEW_AHEAD_DAYS = 7
GOAL_RATING_STALE_DAYS = 42
PLAN_REVIEW_AFTER_DAYS = 90
CONSENT_REVIEW_AHEAD_DAYS = 14
DRAFT_GRACE_DAYS = 1
NOTE_RISK_OPEN_DAYS = 28
NOT_SEEN_DAYS = 28
DISCLOSURE_RECENT_DAYS = 28
#: A change of five points or more on PHQ-9 or GAD-7 is the usual threshold for a real change.
MEANINGFUL_CHANGE = 5


def local_today(now: datetime, zone: tzinfo | None = None) -> date:
    """The mentor's local day at ``now`` (``zone`` None: the system's time zone)."""
    return now.astimezone(zone).date()


def local_midnight(day: date, zone: tzinfo | None = None) -> datetime:
    """The aware instant a local day starts (``zone`` None: the system's time zone)."""
    if zone is None:
        return datetime.combine(day, time()).astimezone()
    return datetime.combine(day, time(), tzinfo=zone)


@dataclass(frozen=True)
class LatestMeasure:
    """A mentee's latest total on one instrument, and its change from the one before."""

    instrument: Instrument
    taken_on: date
    score: int
    band: str
    change: int | None

    @property
    def worsened(self) -> bool:
        return self.change is not None and self.change >= MEANINGFUL_CHANGE

    def describe(self) -> str:
        """``PHQ-9 11 (moderate), down 4``: a score with its direction, never a diagnosis."""
        text = f"{self.instrument.label} {self.score} ({self.band})"
        if self.change is None:
            return text
        if self.change == 0:
            return f"{text}, no change"
        return f"{text}, {'up' if self.change > 0 else 'down'} {abs(self.change)}"


@dataclass(frozen=True)
class AttentionItem:
    """One reason a mentee needs the mentor, and the kind of record it is about
    (``risk_followup``, ``disclosure``, ``appointment``, ``note``, ``measure``, ``goal``,
    ``plan``, ``consent``)."""

    kind: str
    text: str


@dataclass(frozen=True)
class CaseloadEntry:
    """One active mentee's line on the caseload home."""

    mentee_id: str
    mentee_code: str
    status: str
    last_session: date | None
    days_since_last_session: int | None
    next_appointment: Appointment | None
    open_risk_followups: int
    unsigned_drafts: int
    goals_review_due: int
    plan_review_due: bool
    consent_reviews_due: int
    latest_measures: tuple[LatestMeasure, ...]
    gas_t_score: float | None
    #: Standing disclosures shared in the last four weeks the mentee has not been told of yet.
    disclosures_untold: int = 0

    def attention_items(self) -> tuple[AttentionItem, ...]:
        """Why this mentee may need the mentor this week, most urgent first (empty: none).

        Each reason names the kind of record it is about, so the home page can open it."""
        items: list[AttentionItem] = []
        if self.open_risk_followups:
            items.append(
                AttentionItem("risk_followup", f"{self.open_risk_followups} open risk follow-up(s)")
            )
        if self.disclosures_untold:
            items.append(
                AttentionItem("disclosure", f"{self.disclosures_untold} disclosure(s) not yet told")
            )
        if self.next_appointment is None:
            items.append(AttentionItem("appointment", "no next appointment"))
        if self.days_since_last_session is None or self.days_since_last_session > NOT_SEEN_DAYS:
            items.append(AttentionItem("note", "not seen for over four weeks"))
        items += [
            AttentionItem("measure", f"{m.instrument.label} up {m.change}")
            for m in self.latest_measures
            if m.worsened
        ]
        if self.unsigned_drafts:
            items.append(AttentionItem("note", f"{self.unsigned_drafts} unsigned draft(s)"))
        if self.goals_review_due:
            items.append(AttentionItem("goal", f"{self.goals_review_due} goal(s) to review"))
        if self.plan_review_due:
            items.append(AttentionItem("plan", "coping plan to review"))
        if self.consent_reviews_due:
            items.append(
                AttentionItem("consent", f"{self.consent_reviews_due} consent(s) to review")
            )
        return tuple(items)

    def attention_reasons(self) -> tuple[str, ...]:
        """The reasons alone, most urgent first (what the CLI and the printed list show)."""
        return tuple(item.text for item in self.attention_items())

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention_reasons())


@dataclass(frozen=True)
class CaseloadCutoffs:
    """The instants and days the caseload's rules compare against, from one local day."""

    today: date
    now: datetime
    draft_before: datetime
    risk_note_since: datetime
    goal_target_by: date
    goal_rated_since: date
    plan_saved_since: datetime
    consent_review_by: date
    disclosed_since: datetime

    @classmethod
    def for_day(cls, today: date, now: datetime, zone: tzinfo | None = None) -> CaseloadCutoffs:
        start = local_midnight(today, zone)
        return cls(
            today=today,
            now=now,
            draft_before=now - timedelta(days=DRAFT_GRACE_DAYS),
            risk_note_since=start - timedelta(days=NOTE_RISK_OPEN_DAYS),
            goal_target_by=today + timedelta(days=GOAL_REVIEW_AHEAD_DAYS),
            goal_rated_since=today - timedelta(days=GOAL_RATING_STALE_DAYS),
            plan_saved_since=start - timedelta(days=PLAN_REVIEW_AFTER_DAYS),
            consent_review_by=today + timedelta(days=CONSENT_REVIEW_AHEAD_DAYS),
            disclosed_since=start - timedelta(days=DISCLOSURE_RECENT_DAYS),
        )


def sort_key(entry: CaseloadEntry) -> tuple[int, int, str]:
    """Default order: most reasons first, then longest unseen, then code."""
    return (
        -len(entry.attention_reasons()),
        -(entry.days_since_last_session or 10_000),
        entry.mentee_code,
    )


def needing_attention(entries: Sequence[CaseloadEntry]) -> list[CaseloadEntry]:
    return [e for e in entries if e.needs_attention]


@dataclass(frozen=True)
class GoalSession:
    """A session that worked on a goal (the goal's story)."""

    note_id: str
    started_at: datetime
    title: str
    signed: bool


def gas_t_series(
    ratings: Sequence[tuple[str, float, date, int]],
) -> tuple[tuple[date, float], ...]:
    """The GAS T-score after each rating day: each goal at its latest level so far.

    ``ratings`` are (goal id, weight, day, level), oldest first. Goals join the score from their
    first rating on, so the series shows how the whole goal set moved over time.
    """
    from mentorjournal.domain.goals import gas_t_score

    latest: dict[str, tuple[int, float]] = {}
    series: dict[date, float] = {}
    for goal_id, weight, day, level in ratings:
        latest[goal_id] = (level, weight)
        score = gas_t_score(list(latest.values()))
        if score is not None:
            series[day] = round(score, 1)
    return tuple(sorted(series.items()))
