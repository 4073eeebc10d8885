"""Seeded synthetic demo data covering every kind of record (never real people).

``generate_demo`` is pure: given counts, a seed and a base date it returns the same domain
values every time. ``populate_demo`` writes them through ``storage.bulk`` in one transaction,
indexes them through the same search index the journal uses, and records one bulk ``import``
audit event. Prose is composed from template sentences with slots (``demo_text``) so tens of
thousands of notes read differently from each other.

Demo vaults are unlocked with ``DEMO_PASSPHRASE``: published, deliberately not secret, and
only ever used for a separate vault flagged ``is_demo = 1`` that the UI labels DEMO.
"""

from __future__ import annotations

import functools
import random
import string
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mentorjournal import demo_text as T
from mentorjournal.clock import UTC_ZONE, Clock, LocalZone, local_today
from mentorjournal.demo_records import DEMO_SETTINGS, insert_record_settings
from mentorjournal.domain import (
    Addendum,
    AgendaItem,
    Consent,
    ConsentMethod,
    Contact,
    ContactRole,
    CopingPlanVersion,
    CpdEntry,
    Goal,
    GoalProgress,
    GoalStatus,
    GoalStep,
    Mentee,
    MenteeStatus,
    NoteTemplate,
    Place,
    PlaceKind,
    PlanSection,
    Reflection,
    ReflectionModel,
    Resource,
    SelfCareCheck,
    SessionMode,
    SessionNote,
    SourceKind,
    SupervisionAction,
    SupervisionFocus,
    SupervisionFunction,
    SupervisionSession,
    chain_addendum,
    sign_note,
)
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.session_header import PlanGoalLine, SessionHeader
from mentorjournal.domain.settings import RecordSettings, prepare_for_signing
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, meta
from mentorjournal.storage.bulk import RecordSet, insert_records
from mentorjournal.storage.connection import Connection, transaction

#: The published passphrase of every demo vault. Demo vaults hold synthetic data only.
DEMO_PASSPHRASE = "demo only - mentor journal sample data"
DAYS_SPAN = 730
SIGN_AFTER_DAYS = 14
X = TypeVar("X")

if TYPE_CHECKING:
    from mentorjournal.journal import Journal


#: The demo records: the same batch type the bulk writer takes.
DemoData = RecordSet


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind a demo run wrote, and how long it took."""

    counts: dict[str, int]
    seconds: float = 0.0

    @property
    def sessions(self) -> int:
        return self.counts.get("notes", 0)


_SLOT_POOLS: dict[str, tuple[str, ...]] = {
    "person": T.PEOPLE,
    "place": T.PLACES,
    "activity": T.ACTIVITIES,
    "feeling": T.FEELINGS,
    "hard": T.HARD_FEELINGS,
    "strategy": T.STRATEGIES,
    "service": T.SERVICES,
    "topic": T.TOPICS,
    "day": T.DAYS,
    "goal": T.GOALS,
}


@functools.cache
def _slots(template: str) -> tuple[str, ...]:
    """The slot names a template uses, in order (parsed once per template)."""
    return tuple(
        field for _text, field, _spec, _conv in string.Formatter().parse(template) if field
    )


class _Writer:
    """Composes prose from the templates, with one seeded RNG for the whole run."""

    def __init__(self, rng: random.Random, zone: LocalZone = UTC_ZONE) -> None:
        self.rng = rng
        self.zone = zone

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """The instant of ``hour:minute`` on ``day`` on the mentor's wall clock."""
        return self.zone.instant(day, time(hour, minute))

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def pick(self, options: Sequence[X]) -> X:
        return options[int(self.rng.random() * len(options))]

    def fill(self, template: str, name: str, goal: str = "") -> str:
        """``template`` with each slot it uses filled (only those: fewer draws, same variety)."""
        values: dict[str, str] = {"name": name}
        for slot in _slots(template):
            if slot == "goal" and goal:
                values[slot] = goal
            elif slot != "name":
                values[slot] = self.pick(_SLOT_POOLS[slot])
        return template.format_map(values)

    def para(self, pool: Sequence[str], name: str, low: int = 1, high: int = 3) -> str:
        """A few different sentences from ``pool`` (never the same template twice)."""
        count = min(len(pool), self.rng.randint(low, high))
        return " ".join(self.fill(template, name) for template in self.rng.sample(pool, count))


_SECTION_POOLS: dict[str, tuple[str, ...]] = {
    "Subjective": T.SUBJECTIVE,
    "Objective": T.OBJECTIVE,
    "Assessment": T.ASSESSMENT,
    "Plan": T.PLAN,
    "Data": T.SUBJECTIVE + T.OBJECTIVE,
    "Behaviour": T.BEHAVIOUR,
    "Intervention": T.INTERVENTION,
    "Response": T.RESPONSE,
    "Body": T.SUBJECTIVE + T.INTERVENTION + T.PLAN,
}


def _mentee_people(
    w: _Writer, mentee: Mentee, start: date
) -> tuple[list[Contact], list[Place], list[Consent], list[Resource]]:
    mid = mentee.id
    contacts = [
        Contact(
            w.uid(),
            mid,
            f"{w.pick(T.FIRST_NAMES)} {w.pick(T.SURNAMES)}",
            role,
            relation=role.value,
            phone=f"07700 900{w.rng.randint(0, 999):03d}",
        )
        for role in w.rng.sample(list(ContactRole), 2)
    ]
    places = [
        Place(w.uid(), mid, w.pick(T.TOWNS), PlaceKind.TOWN),
        Place(w.uid(), mid, w.pick(T.SCHOOLS), PlaceKind.SCHOOL)
        if w.rng.random() < 0.5
        else Place(w.uid(), mid, w.pick(T.WORKPLACES), PlaceKind.WORKPLACE),
    ]
    consents = [
        Consent(
            w.uid(),
            mid,
            w.fill(what, mentee.code),
            with_whom=w.pick(T.SERVICES),
            given_on=start,
            how=w.pick(list(ConsentMethod)),
            review_on=start + timedelta(days=180),
        )
        for what in w.rng.sample(T.CONSENTS, 2)
    ]
    resources = [
        Resource(
            w.uid(),
            mid,
            w.pick(T.SERVICES).capitalize(),
            kind=w.pick(T.RESOURCE_KINDS),
            contact="0800 000 0000 (demo)",
            referred_on=start + timedelta(days=w.rng.randint(7, 60)),
            outcome=w.pick(T.OUTCOMES),
        )
        for _ in range(w.rng.randint(1, 2))
    ]
    return contacts, places, consents, resources


def _mentees(w: _Writer, count: int, first_day: date) -> list[Mentee]:
    found: list[Mentee] = []
    for i in range(count):
        start = first_day + timedelta(days=w.rng.randint(0, 60))
        closed = i % 7 == 6
        found.append(
            Mentee(
                w.uid(),
                f"M-{i + 1:03d}",
                first_name=w.pick(T.FIRST_NAMES),
                last_name=w.pick(T.SURNAMES),
                preferred_name=None,
                date_of_birth=date(1970 + w.rng.randint(0, 38), w.rng.randint(1, 12), 1),
                phone=f"07700 900{w.rng.randint(0, 999):03d}",
                email=f"demo.mentee{i + 1}@example.org",
                notes="Synthetic demo person.",
                status=MenteeStatus.CLOSED if closed else MenteeStatus.ACTIVE,
                started_on=start,
                status_since=start,
                closed_on=start + timedelta(days=DAYS_SPAN - 90) if closed else None,
            )
        )
    return found


def _goals(w: _Writer, mentee: Mentee, start: date) -> list[Goal]:
    goals: list[Goal] = []
    for words in w.rng.sample(T.GOALS, w.rng.randint(1, 3)):
        goals.append(
            Goal(
                w.uid(),
                mentee.id,
                words,
                specific=f"{words[9:].capitalize()}, one small step at a time.",
                measurable=f"{w.pick(T.ACTIVITIES).capitalize()} at least twice a week.",
                achievable="Agreed together; starts small and builds up.",
                relevant=f"Matters because of {w.pick(T.TOPICS)}.",
                time_bound=start + timedelta(days=w.rng.randint(90, 365)),
                gas_levels=tuple(
                    (level, f"{label}: {w.pick(T.ACTIVITIES)}")
                    for level, label in (
                        (-2, "No change"),
                        (-1, "Some attempts"),
                        (0, "Regularly"),
                        (1, "Most days"),
                        (2, "Every day and helping others"),
                    )
                ),
                status=w.pick(list(GoalStatus)) if w.rng.random() < 0.3 else GoalStatus.ACTIVE,
                steps=tuple(
                    GoalStep(
                        w.uid(),
                        w.fill("Try {activity}", mentee.code),
                        due_on=start + timedelta(days=14 * (n + 1)),
                        done=n == 0,
                    )
                    for n in range(w.rng.randint(1, 4))
                ),
            )
        )
    return goals


def _sections(w: _Writer, template: NoteTemplate, code: str, goal: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    for name in template.sections:
        if name == "Goals":
            sections[name] = w.fill(w.pick(T.GIRP_GOALS), code, goal)
        else:
            longer = name == "Body"  # a free note is all in one section
            sections[name] = w.para(
                _SECTION_POOLS[name], code, 2 if longer else 1, 5 if longer else 3
            )
    return sections


_DEMO_PLACES = {
    SessionMode.IN_PERSON: 0,
    SessionMode.VIDEO: 1,
    SessionMode.PHONE: 2,
    SessionMode.TEXT: 2,
}
_DEMO_PROGRESS = (
    "Took the first small step we agreed.",
    "Talked it through; the next step is clearer.",
    "Did most of it; one part still feels too big.",
    "Not this week: a hard few days. Kept the goal as it is.",
)
_DEMO_OWN_WORDS = (
    "It helped to say it out loud.",
    "I did more than I thought I would.",
    "Still hard, but I came.",
)
DEMO_LATE_REASON = "Session ran into the evening; written up first thing next working day."


def _with_header(note: SessionNote, goal: Goal | None, settings: RecordSettings) -> SessionNote:
    """A session header made from the note itself (no random draws: the demo stays the same)."""
    turn = note.started_at.toordinal()
    places = settings.place_choices
    header = SessionHeader(
        ended_at=note.started_at + timedelta(minutes=note.duration_minutes),
        place=places[_DEMO_PLACES[note.mode] % len(places)],
        service=settings.service_choices[0][0],
        service_code=settings.service_choices[0][1],
        goals=(PlanGoalLine(goal.id, _DEMO_PROGRESS[turn % 4]),) if goal else (),
        written_with_mentee=turn % 3 != 0,
        own_words=_DEMO_OWN_WORDS[turn % 3] if turn % 3 != 0 else "",
        crisis=note.risk_flag,
    )
    return replace(note, header=header)


def _note(
    w: _Writer,
    mentee: Mentee,
    goals: list[Goal],
    day: date,
    today: date,
    *,
    settings: RecordSettings | None = None,
) -> tuple[SessionNote, list[Addendum]]:
    template = w.pick(list(NoteTemplate))
    name = mentee.first_name or mentee.code
    goal = w.pick(goals) if goals else None
    risk = w.rng.random() < 0.04
    before = w.rng.randint(2, 8)
    note = SessionNote(
        w.uid(),
        mentee.id,
        w.at(day, w.rng.randint(9, 17), w.pick((0, 15, 30, 45))),
        duration_minutes=w.pick((30, 45, 50, 60, 90)),
        mode=w.pick(list(SessionMode)),
        template=template,
        sections=tuple(_sections(w, template, name, goal.mentee_words if goal else "").items()),
        mood_before=before,
        mood_after=min(10, before + w.rng.randint(-1, 3)),
        risk_flag=risk,
        risk_followup=w.fill(w.pick(T.RISK_FOLLOWUP), name) if risk else "",
        goal_ids=(goal.id,) if goal else (),
        coping_items_used=(w.pick(T.STRATEGIES),) if w.rng.random() < 0.5 else (),
        next_actions=w.fill(w.pick(T.ACTIONS), name),
        flagged_for_supervision=risk or w.rng.random() < 0.02,
    )
    if settings is not None:
        note = _with_header(note, goal, settings)
    addenda: list[Addendum] = []
    if (today - day).days > SIGN_AFTER_DAYS and w.rng.random() < 0.7:
        signed_at = note.started_at + timedelta(hours=w.rng.randint(1, 48))
        if settings is not None:
            note = prepare_for_signing(note, settings, signed_at, w.zone, DEMO_LATE_REASON)
        note = sign_note(note, signed_at)
        previous: Addendum | None = None
        for n in range(2 if w.rng.random() < 0.05 else 0):
            previous = chain_addendum(
                note,
                previous,
                addendum_id=w.uid(),
                written_at=signed_at + timedelta(days=n + 1),
                text=w.fill(w.pick(T.ADDENDA), name),
            )
            addenda.append(previous)
    return note, addenda


def _plan_versions(w: _Writer, mentee: Mentee, start: date) -> list[CopingPlanVersion]:
    versions: list[CopingPlanVersion] = []
    items: dict[PlanSection, list[str]] = {
        PlanSection.WARNING_SIGNS: [],
        PlanSection.SELF_COPING: [],
        PlanSection.SOCIAL_DISTRACTION: [],
        PlanSection.PEOPLE_TO_ASK: [],
        PlanSection.PROFESSIONALS: list(T.CRISIS_LINES),
        PlanSection.SAFER_ENVIRONMENT: [],
        PlanSection.WHAT_MATTERS: [],
    }
    pools = {
        PlanSection.WARNING_SIGNS: T.WARNING_SIGNS,
        PlanSection.SELF_COPING: T.SELF_COPING,
        PlanSection.SOCIAL_DISTRACTION: T.SOCIAL,
        PlanSection.SAFER_ENVIRONMENT: T.SAFER,
        PlanSection.WHAT_MATTERS: T.WHAT_MATTERS,
    }
    for version in range(1, w.rng.randint(2, 4) + 1):
        for section, pool in pools.items():
            items[section].append(w.fill(w.pick(pool), mentee.code))
        items[PlanSection.PEOPLE_TO_ASK].append(
            f"{w.pick(T.FIRST_NAMES)} (demo) 07700 900{w.rng.randint(0, 999):03d}"
        )
        versions.append(
            CopingPlanVersion(
                w.uid(),
                mentee.id,
                version,
                w.at(start + timedelta(days=30 * version), 14),
                tuple((s, tuple(dict.fromkeys(v))) for s, v in items.items()),
                note="Reviewed together." if version > 1 else "First plan.",
            )
        )
    return versions


def _reflection(w: _Writer, day: date, note: SessionNote | None) -> Reflection:
    model = w.pick(list(ReflectionModel))
    code = "the mentee"
    return Reflection(
        w.uid(),
        w.at(day, 19),
        w.fill(w.pick(T.REFLECTION_TITLES), code).capitalize(),
        model=model,
        sections=tuple((name, w.para(T.REFLECTION, code)) for name in model.sections),
        mentee_id=note.mentee_id if note else None,
        session_id=note.id if note else None,
        tags=tuple(w.rng.sample(["boundaries", "self-care", "risk", "skills", "team"], 2)),
        flagged_for_supervision=w.rng.random() < 0.35,
        self_care=SelfCareCheck(w.rng.randint(3, 9), w.rng.randint(2, 8), w.rng.randint(4, 10)),
    )


def _supervision(w: _Writer, day: date, reflections: Sequence[Reflection]) -> SupervisionSession:
    agenda = [
        AgendaItem(
            w.uid(),
            w.fill(w.pick(T.SUPERVISION_QUESTIONS), "the mentee"),
            w.pick(list(SupervisionFunction)),
            focus=w.pick(list(SupervisionFocus)),
        )
    ]
    agenda += [
        AgendaItem(
            w.uid(),
            r.title,
            SupervisionFunction.RESTORATIVE,
            focus=SupervisionFocus.MENTOR,
            source_kind=SourceKind.REFLECTION,
            source_id=r.id,
        )
        for r in reflections[:2]
    ]
    return SupervisionSession(
        w.uid(),
        day,
        w.pick(T.SUPERVISORS),
        agenda=tuple(agenda),
        discussion=w.para(T.SUPERVISION_DISCUSSION, "the mentee", 2, 3),
        actions=(
            SupervisionAction(
                w.uid(),
                w.fill("Read up on {topic}", "the mentee"),
                owner="me",
                due_on=day + timedelta(days=28),
                done=w.rng.random() < 0.6,
            ),
        ),
    )


def _cpd(w: _Writer, on: date, i: int) -> CpdEntry:
    """One CPD entry; its category follows from the activity, so no extra random draw."""
    uid = w.uid()
    activity = w.pick(T.CPD_ACTIVITIES)
    return CpdEntry(
        uid,
        activity,
        on,
        hours=w.pick((1.5, 3.0, 6.0, 7.5)),
        kind=w.pick(("course", "workshop", "reading", "group")),
        learning=w.fill(w.pick(T.CPD_LEARNING), "the mentee"),
        evidence=f"certificate-{i + 1:03d}.pdf",
        category=CpdCategory(T.CPD_CATEGORY[activity]),
    )


def generate_demo(
    *,
    mentees: int,
    sessions: int,
    seed: int,
    today: date,
    zone: LocalZone = UTC_ZONE,
    settings: RecordSettings | None = None,
) -> RecordSet:
    """The demo records for ``seed``: identical for the same arguments, on every machine.

    ``today`` and the sessions' hours are on the mentor's wall clock in ``zone``. With
    ``settings`` every note gets a session header under that service profile, signed notes
    carry its signer, and those signed after their due time a late-entry reason.
    """
    if mentees < 1 or sessions < 0:
        raise ValueError("a demo needs at least one mentee and a non-negative session count")
    w = _Writer(random.Random(seed), zone)
    first_day = today - timedelta(days=DAYS_SPAN)
    people = _mentees(w, mentees, first_day)
    contacts: list[Contact] = []
    places: list[Place] = []
    consents: list[Consent] = []
    resources: list[Resource] = []
    goals_by_mentee: dict[str, list[Goal]] = {}
    plans: list[CopingPlanVersion] = []
    for mentee in people:
        start = mentee.started_on or first_day
        c, p, k, r = _mentee_people(w, mentee, start)
        contacts += c
        places += p
        consents += k
        resources += r
        goals_by_mentee[mentee.id] = _goals(w, mentee, start)
        plans += _plan_versions(w, mentee, start)
    notes: list[SessionNote] = []
    addenda: list[Addendum] = []
    progress: list[GoalProgress] = []
    span = max(1, DAYS_SPAN - 1)
    for n in range(sessions):
        mentee = people[n % mentees]
        day = first_day + timedelta(days=1 + (n * span) // max(1, sessions))
        goals = goals_by_mentee[mentee.id]
        note, extra = _note(w, mentee, goals, day, today, settings=settings)
        notes.append(note)
        addenda += extra
        if goals and n % 4 == 0:
            progress.append(
                GoalProgress(
                    w.uid(),
                    w.pick([g.id for g in goals]),
                    day,
                    gas_level=max(-2, min(2, -2 + (n * 5) // max(1, sessions))),
                    percent=min(100, (n * 100) // max(1, sessions)),
                    note=w.fill("Talked about {activity}.", mentee.code),
                    session_id=note.id,
                )
            )
    reflection_count = max(4, min(400, sessions // 25))
    reflections = [
        _reflection(
            w,
            first_day + timedelta(days=(i * span) // reflection_count + 1),
            notes[(i * 7) % len(notes)] if notes and i % 2 == 0 else None,
        )
        for i in range(reflection_count)
    ]
    flagged = [r for r in reflections if r.flagged_for_supervision]
    supervision = [
        _supervision(w, first_day + timedelta(days=28 * (i + 1)), flagged[i * 2 : i * 2 + 2])
        for i in range(max(3, min(DAYS_SPAN // 28, sessions // 50)))
    ]
    cpd = [_cpd(w, first_day + timedelta(days=45 * i + 3), i) for i in range(DAYS_SPAN // 45)]
    return RecordSet(
        tuple(people),
        tuple(contacts),
        tuple(places),
        tuple(consents),
        tuple(resources),
        tuple(g for m in people for g in goals_by_mentee[m.id]),
        tuple(notes),
        tuple(addenda),
        tuple(progress),
        tuple(plans),
        tuple(reflections),
        tuple(supervision),
        tuple(cpd),
    )


DEMO_FLAG = "is_demo"


def populate_demo(
    conn: Connection,
    *,
    mentees: int,
    sessions: int,
    seed: int,
    clock: Clock,
) -> DemoSummary:
    """Fill an open journal database with demo records in one transaction.

    Creation is audited as one bulk ``import`` event (kind ``demo``, detail = counts) rather
    than one event per record, which would double the cost and say nothing more.
    """
    started = clock.monotonic()
    from mentorjournal.demo_attendance import insert_allocations, with_outcomes
    from mentorjournal.demo_caseload import generate_caseload, insert_caseload, with_review_dates

    today = local_today(clock)
    data = generate_demo(
        mentees=mentees,
        sessions=sessions,
        seed=seed,
        today=today,
        zone=clock.zone,
        settings=DEMO_SETTINGS,
    )
    data = with_review_dates(data, seed=seed, today=today, settings=DEMO_SETTINGS, zone=clock.zone)
    caseload = generate_caseload(data, seed=seed, today=today)
    active = [m.id for m in data.mentees if m.status is MenteeStatus.ACTIVE]
    caseload, allocations = with_outcomes(caseload, active, seed=seed, now=clock.now())
    counts = data.counts() | caseload.counts() | {"hour_allocations": len(allocations)}
    with transaction(conn):
        insert_records(conn, data, now=clock.now())
        insert_caseload(conn, caseload, now=clock.now())
        insert_allocations(conn, allocations, now=clock.now())
        insert_record_settings(conn, today=today, now=clock.now())
        detail = ",".join(f"{name}={count}" for name, count in counts.items())
        audit.append(conn, at=clock.now(), action="import", kind="demo", record_id=None,
                     detail=f"seed={seed},{detail}")  # fmt: skip
    return DemoSummary(counts, clock.monotonic() - started)


def mark_demo(conn: Connection) -> None:
    """Flag the vault as a demo vault (vault_meta is_demo = 1); the UI shows it as DEMO."""
    with transaction(conn):
        meta.set_meta(conn, DEMO_FLAG, "1")


def is_demo_vault(conn: Connection) -> bool:
    return meta.get_meta(conn, DEMO_FLAG) == "1"


def create_demo_vault(
    paths: VaultPaths,
    *,
    clock: Clock,
    state_dir: Path,
    mentees: int = 12,
    sessions: int = 600,
    seed: int = 1,
    kdf: Any = None,
) -> tuple[Journal, str]:
    """Create a separate demo vault, flag it, fill it, and return it open with its passphrase.

    The passphrase is ``DEMO_PASSPHRASE`` (published; the data is synthetic). The recovery key
    is discarded: a demo vault can always be deleted and made again.
    """
    from mentorjournal.journal import Journal

    journal, _recovery = Journal.create(
        paths, DEMO_PASSPHRASE, clock=clock, state_dir=state_dir, kdf=kdf, is_demo=True
    )
    try:
        journal.fill_demo(mentees=mentees, sessions=sessions, seed=seed)
    except BaseException:
        journal.lock()
        raise
    return journal, DEMO_PASSPHRASE


def open_demo_vault(paths: VaultPaths, *, clock: Clock, state_dir: Path) -> Journal:
    """Unlock an existing demo vault with the published demo passphrase."""
    from mentorjournal.journal import Journal

    return Journal.open(paths, DEMO_PASSPHRASE, clock=clock, state_dir=state_dir, is_demo=True)
