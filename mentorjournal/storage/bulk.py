"""Fast bulk insertion of ready-made domain values (demo data), one ``executemany`` per table.

The journal's repositories insert one record at a time with its search entry and audit event;
for tens of thousands of records that costs minutes. Here each table gets a single
``executemany`` and the search index one ``index_many``, inside the caller's transaction, with
the same column encodings as the repositories (``codec``), so the rows are indistinguishable.
Signed notes keep their real signature hashes; triggers still check every row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from mentorjournal.domain import (
    Addendum,
    Consent,
    Contact,
    CopingPlanVersion,
    CpdEntry,
    Goal,
    GoalProgress,
    Mentee,
    Place,
    Reflection,
    Resource,
    SessionNote,
    SupervisionSession,
)
from mentorjournal.storage import sealing, search, session_headers
from mentorjournal.storage.codec import (
    KIND_ADDENDUM,
    KIND_GOAL,
    KIND_NOTE,
    KIND_PLAN,
    KIND_PROGRESS,
    KIND_REFLECTION,
    KIND_SUPERVISION,
    date_text,
    dt_text,
    to_json,
)
from mentorjournal.storage.connection import Connection
from mentorjournal.storage.search import IndexDoc
from mentorjournal.storage.sessions import note_body, note_title


@dataclass(frozen=True)
class RecordSet:
    """A batch of records of every kind, in an order that satisfies foreign keys."""

    mentees: tuple[Mentee, ...] = ()
    contacts: tuple[Contact, ...] = ()
    places: tuple[Place, ...] = ()
    consents: tuple[Consent, ...] = ()
    resources: tuple[Resource, ...] = ()
    goals: tuple[Goal, ...] = ()
    notes: tuple[SessionNote, ...] = ()
    addenda: tuple[Addendum, ...] = ()
    progress: tuple[GoalProgress, ...] = ()
    plan_versions: tuple[CopingPlanVersion, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    supervision: tuple[SupervisionSession, ...] = ()
    cpd: tuple[CpdEntry, ...] = ()

    def counts(self) -> dict[str, int]:
        return {f.name: len(getattr(self, f.name)) for f in fields(self)}


def _ins(conn: Connection, table: str, columns: str, rows: Iterable[tuple[Any, ...]]) -> None:
    width = columns.count(",") + 1
    marks = ", ".join("?" * width)
    conn.executemany(f"INSERT INTO {table}({columns}) VALUES ({marks})", rows)


def _people(conn: Connection, r: RecordSet, now: str) -> None:
    _ins(
        conn,
        "mentees",
        "id, code, legal_name, first_name, last_name, preferred_name, date_of_birth, phone,"
        " email, notes, status, started_on, status_since, closed_on, archived, retention_until,"
        " created_at, updated_at",
        (
            (m.id, m.code, m.legal_name, m.first_name, m.last_name, m.preferred_name,
             date_text(m.date_of_birth), m.phone, m.email, m.notes, m.status.value,
             date_text(m.started_on), date_text(m.status_since), date_text(m.closed_on),
             int(m.archived), date_text(m.retention_until), now, now)
            for m in r.mentees
        ),
    )  # fmt: skip
    _ins(
        conn,
        "contacts",
        "id, mentee_id, name, role, relation, phone, email, notes",
        ((c.id, c.mentee_id, c.name, c.role.value, c.relation, c.phone, c.email, c.notes)
         for c in r.contacts),
    )  # fmt: skip
    _ins(
        conn,
        "places",
        "id, mentee_id, name, kind, notes",
        ((p.id, p.mentee_id, p.name, p.kind.value, p.notes) for p in r.places),
    )
    _ins(
        conn,
        "consents",
        "id, mentee_id, what, with_whom, given_on, how, withdrawn_on, review_on, notes",
        ((c.id, c.mentee_id, c.what, c.with_whom, date_text(c.given_on), c.how.value,
          date_text(c.withdrawn_on), date_text(c.review_on), c.notes) for c in r.consents),
    )  # fmt: skip
    _ins(
        conn,
        "resources",
        "id, mentee_id, name, kind, contact, referred_on, outcome",
        ((x.id, x.mentee_id, x.name, x.kind, x.contact, date_text(x.referred_on), x.outcome)
         for x in r.resources),
    )  # fmt: skip


def _goals(conn: Connection, r: RecordSet, now: str) -> None:
    _ins(
        conn,
        "goals",
        "id, mentee_id, mentee_words, specific, measurable, achievable, relevant, time_bound,"
        " gas_levels, status, weight, created_at, updated_at",
        ((g.id, g.mentee_id, g.mentee_words, g.specific, g.measurable, g.achievable,
          g.relevant, date_text(g.time_bound), to_json([list(x) for x in g.gas_levels]),
          g.status.value, g.weight, now, now) for g in r.goals),
    )  # fmt: skip
    _ins(
        conn,
        "goal_steps",
        "id, goal_id, position, text, due_on, done",
        ((s.id, g.id, i, s.text, date_text(s.due_on), int(s.done))
         for g in r.goals for i, s in enumerate(g.steps)),
    )  # fmt: skip


def _notes(conn: Connection, r: RecordSet, now: str) -> None:
    _ins(
        conn,
        "session_notes",
        "id, mentee_id, started_at, duration_minutes, mode, template, sections, first_line,"
        " mood_before, mood_after, risk_flag, risk_followup, goal_ids, coping_items_used,"
        " next_actions, flagged_for_supervision, created_at, updated_at, signed_at, signature",
        ((n.id, n.mentee_id, dt_text(n.started_at), n.duration_minutes, n.mode.value,
          n.template.value, to_json([[a, b] for a, b in n.sections]), n.first_line,
          n.mood_before, n.mood_after, int(n.risk_flag), n.risk_followup,
          to_json(list(n.goal_ids)), to_json(list(n.coping_items_used)), n.next_actions,
          int(n.flagged_for_supervision), now, now,
          None if n.signed_at is None else dt_text(n.signed_at), n.signature)
         for n in r.notes),
    )  # fmt: skip
    for note in r.notes:
        if note.header is not None:
            session_headers.put(conn, note.id, note.mentee_id, note.header)
    mentee_of = {n.id: n.mentee_id for n in r.notes}
    _ins(
        conn,
        "addenda",
        "id, note_id, mentee_id, seq, written_at, text, prev_hash, hash",
        ((a.id, a.note_id, mentee_of[a.note_id], a.seq, dt_text(a.written_at), a.text,
          a.prev_hash, a.hash) for a in r.addenda),
    )  # fmt: skip
    _ins(
        conn,
        "goal_progress",
        "id, goal_id, on_date, gas_level, percent, note, session_id, created_at",
        ((p.id, p.goal_id, date_text(p.on), p.gas_level, p.percent, p.note, p.session_id, now)
         for p in r.progress),
    )  # fmt: skip


def _mentor(conn: Connection, r: RecordSet, now: str) -> None:
    _ins(
        conn,
        "coping_plan_versions",
        "id, mentee_id, version, saved_at, sections, note",
        ((v.id, v.mentee_id, v.version, dt_text(v.saved_at),
          to_json([[s.value, list(items)] for s, items in v.sections]), v.note)
         for v in r.plan_versions),
    )  # fmt: skip
    _ins(
        conn,
        "reflections",
        "id, mentee_id, session_id, written_at, title, model, sections, tags,"
        " flagged_for_supervision, energy, stress, boundaries, created_at, updated_at",
        ((x.id, x.mentee_id, x.session_id, dt_text(x.written_at), x.title, x.model.value,
          to_json([[a, b] for a, b in x.sections]), to_json(list(x.tags)),
          int(x.flagged_for_supervision), x.self_care.energy, x.self_care.stress,
          x.self_care.boundaries, now, now) for x in r.reflections),
    )  # fmt: skip
    _supervision(conn, r, now)
    _ins(
        conn,
        "cpd_entries",
        "id, activity, on_date, hours, kind, learning, evidence, category, created_at",
        ((c.id, c.activity, date_text(c.on), float(c.hours), c.kind, c.learning, c.evidence,
          None if c.category is None else c.category.value, now) for c in r.cpd),
    )  # fmt: skip


def _supervision(conn: Connection, r: RecordSet, now: str) -> None:
    mentee_of: dict[str, str | None] = {x.id: x.mentee_id for x in r.reflections}
    mentee_of.update({n.id: n.mentee_id for n in r.notes})
    _ins(
        conn,
        "supervision_sessions",
        "id, held_on, supervisor, discussion, created_at, updated_at",
        ((s.id, date_text(s.held_on), s.supervisor, s.discussion, now, now)
         for s in r.supervision),
    )  # fmt: skip
    _ins(
        conn,
        "supervision_items",
        "id, supervision_id, position, question, function, focus, source_kind, source_id,"
        " mentee_id",
        ((i.id, s.id, n, i.question, i.function.value, None if i.focus is None else i.focus.value,
          i.source_kind.value, i.source_id, mentee_of.get(i.source_id or ""))
         for s in r.supervision for n, i in enumerate(s.agenda)),
    )  # fmt: skip
    _ins(
        conn,
        "supervision_actions",
        "id, supervision_id, position, text, owner, due_on, done",
        ((a.id, s.id, n, a.text, a.owner, date_text(a.due_on), int(a.done))
         for s in r.supervision for n, a in enumerate(s.actions)),
    )  # fmt: skip


def _sections_text(sections: Iterable[tuple[str, str]]) -> str:
    return "\n".join(text for _name, text in sections if text)


def index_docs(r: RecordSet, *, today: date) -> Iterator[IndexDoc]:
    """The search entries for a record set, shaped exactly as the repositories shape them.

    As in the journal: goals are dated by when they were written (``today``), only a mentee's
    latest coping-plan version is searchable, progress without a note and CPD entries are not
    indexed.
    """
    goal_mentee = {g.id: g.mentee_id for g in r.goals}
    note_of = {n.id: n for n in r.notes}
    for n in r.notes:
        yield IndexDoc(KIND_NOTE, n.id, n.mentee_id, n.started_at.date(), note_title(n),
                       note_body(n))  # fmt: skip
    for a in r.addenda:
        yield IndexDoc(KIND_ADDENDUM, a.id, note_of[a.note_id].mentee_id, a.written_at.date(),
                       f"Addendum {a.seq}", a.text)  # fmt: skip
    for g in r.goals:
        body = [g.specific, g.measurable, g.achievable, g.relevant]
        body += [text for _level, text in g.gas_levels] + [s.text for s in g.steps]
        yield IndexDoc(KIND_GOAL, g.id, g.mentee_id, today, g.mentee_words,
                       "\n".join(t for t in body if t))  # fmt: skip
    for p in r.progress:
        if p.note:
            yield IndexDoc(KIND_PROGRESS, p.id, goal_mentee.get(p.goal_id), p.on,
                           "Goal progress", p.note)  # fmt: skip
    latest: dict[str, CopingPlanVersion] = {}
    for v in r.plan_versions:
        if v.mentee_id not in latest or v.version > latest[v.mentee_id].version:
            latest[v.mentee_id] = v
    for v in latest.values():
        items = "\n".join(f"{s.label}: {item}" for s, section in v.sections for item in section)
        yield IndexDoc(KIND_PLAN, v.id, v.mentee_id, v.saved_at.date(),
                       f"Coping plan version {v.version}", items)  # fmt: skip
    for x in r.reflections:
        body = [*(t for _n, t in x.sections if t), " ".join(x.tags)]
        yield IndexDoc(KIND_REFLECTION, x.id, x.mentee_id, x.written_at.date(), x.title,
                       "\n".join(body))  # fmt: skip
    for s in r.supervision:
        body = [s.discussion, *(i.question for i in s.agenda), *(a.text for a in s.actions)]
        yield IndexDoc(KIND_SUPERVISION, s.id, None, s.held_on,
                       f"Supervision with {s.supervisor}", "\n".join(body))  # fmt: skip


def insert_records(conn: Connection, records: RecordSet, *, now: datetime) -> int:
    """Insert and index every record inside the caller's transaction; returns rows indexed."""
    stamp = dt_text(now)
    _people(conn, records, stamp)
    _goals(conn, records, stamp)
    _notes(conn, records, stamp)
    sealing.seal_unsealed(conn, "here")  # this app's own records, signed by the generator
    _mentor(conn, records, stamp)
    indexed = search.index_many(conn, index_docs(records, today=now.date()))
    search.optimize(conn)
    return indexed
