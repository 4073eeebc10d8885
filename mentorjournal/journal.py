"""The facade the UI and the CLI use: one open vault, typed reads, commands with change sets.

Every command runs in one transaction that also writes the search index and the audit log, and
returns ``Changed(value, changes)`` so the UI worker can tell each view what to refresh. The
rules live in the domain values and the storage repositories; this module only sequences them.
A ``Journal`` is used from one thread at a time (the UI's worker thread, or the CLI).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from mentorjournal import domain as d
from mentorjournal.changes import Changed, Changes
from mentorjournal.clock import Clock
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit, search
from mentorjournal.storage import cpd as cpd_repo
from mentorjournal.storage import goals as goal_repo
from mentorjournal.storage import mentees as mentee_repo
from mentorjournal.storage import plans as plan_repo
from mentorjournal.storage import reflections as reflection_repo
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage import supervision as supervision_repo
from mentorjournal.storage.codec import (
    KIND_ADDENDUM,
    KIND_CPD,
    KIND_GOAL,
    KIND_NOTE,
    KIND_PLAN,
    KIND_PROGRESS,
    KIND_REFLECTION,
    KIND_SUPERVISION,
)
from mentorjournal.storage.connection import Connection, close_database, transaction
from mentorjournal.storage.schema import available_migrations, migrate
from mentorjournal.storage.search import SearchResults

if TYPE_CHECKING:
    from mentorjournal.vault.kdf import KdfParams
    from mentorjournal.vault.session import UnlockedVault

log = logging.getLogger(__name__)

KIND_MENTEE = "mentee"
NOTE_CHANGES = Changes(sessions=True, search=True)
MENTEE_CHANGES = Changes(mentees=True)
CONTACT_CHANGES = Changes(contacts=True)
GOAL_CHANGES = Changes(goals=True, search=True)
PLAN_CHANGES = Changes(plans=True, search=True)
REFLECTION_CHANGES = Changes(reflections=True, supervision=True, search=True)
SUPERVISION_CHANGES = Changes(supervision=True, search=True)
CPD_CHANGES = Changes(cpd=True)


def prepare_to_open() -> None:
    """Do now what the first open of a vault in this process would do after the KDF.

    Listing the shipped migrations the first time imports importlib's resource readers
    (zipfile and more, ~1-2 ms). The app calls this while the passphrase is typed; it reads
    no vault and holds nothing.
    """
    available_migrations()


class UnlockedVaultLike(Protocol):
    """What the journal needs from the vault layer's unlocked vault (engineer A's UnlockedVault)."""

    @property
    def connection(self) -> Connection: ...

    @property
    def vault_id(self) -> str: ...

    @property
    def rollback_warning(self) -> str | None: ...

    def lock(self) -> None: ...


class Journal:
    """An unlocked journal. Build it with ``create``/``open``; ``lock`` when done."""

    def __init__(
        self,
        connection: Connection,
        clock: Clock,
        *,
        vault: UnlockedVaultLike | None = None,
        is_demo: bool = False,
    ) -> None:
        """Wrap an open connection, bringing its schema up to date (migrations are idempotent)."""
        self._conn = connection
        self._clock = clock
        self._vault = vault
        self._is_demo = is_demo
        self._open = True
        migrate(connection)

    # --- opening and locking --------------------------------------------------------------

    @classmethod
    def create(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        kdf: KdfParams | None = None,
        is_demo: bool = False,
    ) -> tuple[Journal, str]:
        """Create a new vault and open it; returns the journal and the printable recovery key."""
        from mentorjournal.vault import session as vault_session

        vault, recovery_key = vault_session.create_vault(
            paths, passphrase, clock=clock, state_dir=state_dir, kdf=kdf
        )
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by=None), recovery_key

    @classmethod
    def open(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
    ) -> Journal:
        """Unlock an existing vault (``WrongPassphrase``, ``VaultMissing``... on failure)."""
        from mentorjournal.vault import session as vault_session

        vault = vault_session.unlock_vault(paths, passphrase, clock=clock, state_dir=state_dir)
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by="passphrase")

    @classmethod
    def open_with_recovery_key(
        cls,
        paths: VaultPaths,
        recovery_key: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
    ) -> Journal:
        from mentorjournal.vault import session as vault_session

        vault = vault_session.unlock_with_recovery_key(
            paths, recovery_key, clock=clock, state_dir=state_dir
        )
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by="recovery key")

    @classmethod
    def _wrap(
        cls, vault: UnlockedVaultLike, clock: Clock, *, is_demo: bool, unlocked_by: str | None
    ) -> Journal:
        """The journal over an unlocked vault; any failure locks the vault again.

        The unlock is audited once the vault holds history: a brand-new vault stays empty until
        its first record, so a JSON import (which replays the exported audit chain into an
        empty log) can still go into it.
        """
        try:
            journal = cls(vault.connection, clock, vault=vault, is_demo=is_demo)
            if unlocked_by is not None and audit.events(journal.connection, limit=1):
                with journal._tx() as conn:
                    audit.append(
                        conn,
                        at=clock.now(),
                        action="unlock",
                        kind="vault",
                        record_id=vault.vault_id,
                        detail=unlocked_by,
                    )
        except BaseException:
            vault.lock()
            raise
        return journal

    def lock(self) -> None:
        """Close the database and wipe the key (through the vault). Safe to call twice."""
        if not self._open:
            return
        try:
            self.flush_search()
        except Exception:  # locking must never fail on an index refresh; the marks persist
            log.warning("search index refresh failed before lock; it will run next time")
        self._open = False
        if self._vault is not None:
            self._vault.lock()
        else:
            close_database(self._conn)

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def vault_id(self) -> str | None:
        return None if self._vault is None else self._vault.vault_id

    @property
    def rollback_warning(self) -> str | None:
        return None if self._vault is None else self._vault.rollback_warning

    @property
    def open_notice(self) -> str | None:
        """A plain notice about this unlock (e.g. the disk is full: read-only until space returns)."""
        return getattr(self._vault, "open_notice", None)

    @property
    def is_demo(self) -> bool:
        return self._is_demo

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def connection(self) -> Connection:
        """For storage-layer collaborators (search, audit, export, backup); never the UI."""
        self._require_open()
        return self._conn

    @property
    def _db(self) -> Connection:
        """The connection for a read; a clear error once locked instead of a closed handle."""
        self._require_open()
        return self._conn

    def _require_open(self) -> None:
        if not self._open:
            raise RuntimeError("the journal is locked")

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        self._require_open()
        with transaction(self._conn) as conn:
            yield conn

    def _audit(self, conn: Connection, action: str, kind: str, record_id: str | None) -> None:
        audit.append(conn, at=self._clock.now(), action=action, kind=kind, record_id=record_id)

    def today(self) -> date:
        return self._clock.now().date()

    # --- mentees --------------------------------------------------------------------------

    def add_mentee(
        self,
        code: str,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        preferred_name: str | None = None,
        legal_name: str | None = None,
        started_on: date | None = None,
    ) -> Changed[d.Mentee]:
        """A new active mentee known by ``code``; names are optional and shown only on request."""
        start = started_on or self.today()
        mentee = d.Mentee(
            id=d.new_id(),
            code=code.strip(),
            first_name=first_name,
            last_name=last_name,
            preferred_name=preferred_name,
            legal_name=legal_name,
            started_on=start,
            status_since=start,
        )
        return self.insert_mentee(mentee)

    def insert_mentee(self, mentee: d.Mentee) -> Changed[d.Mentee]:
        """Store a fully built mentee (the UI's editor, JSON import)."""
        with self._tx() as conn:
            mentee_repo.insert(conn, mentee, self._clock.now())
            self._audit(conn, "create", KIND_MENTEE, mentee.id)
        return Changed(mentee, MENTEE_CHANGES)

    def update_mentee(self, mentee: d.Mentee) -> Changed[d.Mentee]:
        with self._tx() as conn:
            mentee_repo.update(conn, mentee, self._clock.now())
            self._audit(conn, "edit", KIND_MENTEE, mentee.id)
        return Changed(mentee, MENTEE_CHANGES)

    def get_mentee(self, mentee_id: str) -> d.Mentee:
        mentee = mentee_repo.get(self._db, mentee_id)
        if mentee is None:
            raise RecordNotFound("That mentee does not exist.")
        return mentee

    def find_mentee(self, code: str) -> d.Mentee | None:
        return mentee_repo.get_by_code(self._db, code.strip())

    def mentee_by_code(self, code: str) -> d.Mentee:
        mentee = self.find_mentee(code)
        if mentee is None:
            raise RecordNotFound(f"There is no mentee with the code {code.strip()}.")
        return mentee

    def list_mentees(
        self, *, status: d.MenteeStatus | None = None, archived: bool | None = None
    ) -> list[d.Mentee]:
        return mentee_repo.list_all(self._db, status=status, archived=archived)

    def mentee_listings(self) -> list[d.MenteeListing]:
        """Every mentee (archived too) as a list shows it: code, status, archive flag."""
        return mentee_repo.list_listings(self._db)

    def set_mentee_status(
        self, mentee_id: str, status: d.MenteeStatus, *, on: date | None = None
    ) -> Changed[d.Mentee]:
        """Pause, close or reopen; closing dates the closure, reopening clears it and the archive."""
        mentee = self.get_mentee(mentee_id)
        day = on or self.today()
        closed = status is d.MenteeStatus.CLOSED
        updated = replace(
            mentee,
            status=status,
            status_since=day,
            closed_on=day if closed else None,
            archived=mentee.archived and closed,
            retention_until=mentee.retention_until if closed else None,
        )
        return self.update_mentee(updated)

    def archive_mentee(self, mentee_id: str, retention_until: date) -> Changed[d.Mentee]:
        """Archive a closed mentee until ``retention_until``, after which erasure is offered."""
        mentee = self.get_mentee(mentee_id)
        if mentee.status is not d.MenteeStatus.CLOSED:
            raise ValidationError("Close the mentee's record before archiving it.")
        return self.update_mentee(replace(mentee, archived=True, retention_until=retention_until))

    def mentees_due_for_erasure(self, today: date | None = None) -> list[d.Mentee]:
        day = today or self.today()
        return [m for m in self.list_mentees(archived=True) if m.erasure_due(day)]

    def record_counts(self, mentee_id: str) -> dict[str, int]:
        """Rows per table that belong to the mentee: what an erasure would remove (for the prompt)."""
        return mentee_repo.record_counts(self._db, mentee_id)

    def erase_mentee(self, mentee_id: str) -> Changed[None]:
        """Erase the mentee and every record of theirs in one transaction, then checkpoint.

        Signed notes go too: erasure at the end of retention is the one lawful way a record
        leaves the vault. The audit log keeps only the event and the id.
        """
        with self._tx() as conn:
            touched = mentee_repo.supervision_sessions_touching(conn, mentee_id)
            mentee_repo.erase(conn, mentee_id)
            self._reindex_supervision(conn, touched)
            self._audit(conn, "erase", KIND_MENTEE, mentee_id)
        mentee_repo.checkpoint(self._conn)
        return Changed(None, Changes.all())

    def _reindex_supervision(self, conn: Connection, supervision_ids: Sequence[str]) -> None:
        """Re-index supervision records whose agenda lost the erased mentee's items."""
        for supervision_id in supervision_ids:
            session = supervision_repo.get(conn, supervision_id)
            if session is not None:
                supervision_repo.reindex(conn, session)

    # --- contacts, places, consents, resources --------------------------------------------

    def save_contact(self, contact: d.Contact) -> Changed[d.Contact]:
        with self._tx() as conn:
            mentee_repo.save_contact(conn, contact)
        return Changed(contact, CONTACT_CHANGES)

    def list_contacts(self, mentee_id: str) -> list[d.Contact]:
        return mentee_repo.list_contacts(self._db, mentee_id)

    def delete_contact(self, contact_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_contact(conn, contact_id)
        return Changed(None, CONTACT_CHANGES)

    def save_place(self, place: d.Place) -> Changed[d.Place]:
        with self._tx() as conn:
            mentee_repo.save_place(conn, place)
        return Changed(place, CONTACT_CHANGES)

    def list_places(self, mentee_id: str) -> list[d.Place]:
        return mentee_repo.list_places(self._db, mentee_id)

    def delete_place(self, place_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_place(conn, place_id)
        return Changed(None, CONTACT_CHANGES)

    def save_consent(self, consent: d.Consent) -> Changed[d.Consent]:
        with self._tx() as conn:
            mentee_repo.save_consent(conn, consent)
        return Changed(consent, CONTACT_CHANGES)

    def list_consents(self, mentee_id: str) -> list[d.Consent]:
        return mentee_repo.list_consents(self._db, mentee_id)

    def delete_consent(self, consent_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_consent(conn, consent_id)
        return Changed(None, CONTACT_CHANGES)

    def save_resource(self, resource: d.Resource) -> Changed[d.Resource]:
        with self._tx() as conn:
            mentee_repo.save_resource(conn, resource)
        return Changed(resource, CONTACT_CHANGES)

    def list_resources(self, mentee_id: str) -> list[d.Resource]:
        return mentee_repo.list_resources(self._db, mentee_id)

    def delete_resource(self, resource_id: str) -> Changed[None]:
        with self._tx() as conn:
            mentee_repo.delete_resource(conn, resource_id)
        return Changed(None, CONTACT_CHANGES)

    # --- session notes --------------------------------------------------------------------

    def new_note(
        self,
        mentee_id: str,
        *,
        template: d.NoteTemplate = d.NoteTemplate.FREE,
        started_at: datetime | None = None,
        duration_minutes: int = 60,
        mode: d.SessionMode = d.SessionMode.IN_PERSON,
        sections: Mapping[str, str] | Sequence[tuple[str, str]] = (),
    ) -> Changed[d.SessionNote]:
        """Start a draft note (sections default to empty) for a session starting ``started_at``."""
        note = d.SessionNote(
            id=d.new_id(),
            mentee_id=mentee_id,
            started_at=started_at or self._clock.now(),
            duration_minutes=duration_minutes,
            mode=mode,
            template=template,
            sections=d.normalise_sections(template, sections),
        )
        return self.insert_note(note)

    def insert_note(self, note: d.SessionNote) -> Changed[d.SessionNote]:
        """Store a built note; a signed one (import) must carry a signature that verifies."""
        if note.is_signed and not d.verify_note(note):
            raise ValidationError("The note's signature does not match its content.")
        with self._tx() as conn:
            session_repo.insert(conn, note, self._clock.now())
            self._audit(conn, "create", KIND_NOTE, note.id)
            if note.is_signed:
                self._audit(conn, "sign", KIND_NOTE, note.id)
        return Changed(note, NOTE_CHANGES)

    def save_draft(self, note: d.SessionNote) -> Changed[d.SessionNote]:
        """Autosave: overwrite the draft in one short transaction (``RecordSigned`` if signed).

        The search entry is refreshed lazily (before the next search, on signing, on lock):
        re-indexing a long note on every pause in typing would triple the autosave time.
        """
        with self._tx() as conn:
            session_repo.save_draft(conn, note, self._clock.now(), defer_index=True)
            if not session_repo.last_audit_was_edit_of(conn, note.id):
                self._audit(conn, "edit", KIND_NOTE, note.id)
        return Changed(note, NOTE_CHANGES)

    def get_note(self, note_id: str) -> d.SessionNote:
        note = session_repo.get(self._db, note_id)
        if note is None:
            raise RecordNotFound("That note does not exist.")
        return note

    def list_sessions(
        self,
        mentee_id: str | None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[d.NoteSummary]:
        """Light summaries, newest first, for list views (``None``: every mentee)."""
        return session_repo.list_summaries(
            self._db, mentee_id, since=since, until=until, limit=limit
        )

    def notes_for(
        self, mentee_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[d.SessionNote]:
        """Whole notes of one mentee, oldest first (exports, summaries)."""
        return session_repo.list_notes(self._db, mentee_id, since=since, until=until)

    def sign_note(self, note_id: str) -> Changed[d.SessionNote]:
        """Sign & lock: hash the stored content with the signing time; afterwards only addenda."""
        with self._tx() as conn:
            note = session_repo.get(conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            if note.is_signed:
                raise RecordSigned("This note is already signed.")
            signed = d.sign_note(note, self._clock.now())
            session_repo.sign(conn, signed)
            session_repo.flush_pending_index(conn)
            self._audit(conn, "sign", KIND_NOTE, note_id)
        return Changed(signed, NOTE_CHANGES)

    def add_addendum(self, note_id: str, text: str) -> Changed[d.Addendum]:
        """Append a dated addendum to a signed note, chained to the previous link."""
        with self._tx() as conn:
            note = session_repo.get(conn, note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            addendum = d.chain_addendum(
                note,
                session_repo.last_addendum(conn, note_id),
                addendum_id=d.new_id(),
                written_at=self._clock.now(),
                text=text,
            )
            session_repo.insert_addendum(conn, addendum, note.mentee_id)
            self._audit(conn, "addendum", KIND_ADDENDUM, addendum.id)
        return Changed(addendum, NOTE_CHANGES)

    def insert_addendum(self, addendum: d.Addendum) -> Changed[d.Addendum]:
        """Store a ready-made addendum (JSON import); it must extend the note's chain."""
        with self._tx() as conn:
            note = session_repo.get(conn, addendum.note_id)
            if note is None:
                raise RecordNotFound("That note does not exist.")
            chain = [*session_repo.list_addenda(conn, note.id), addendum]
            if d.verify_chain(note, chain) is not None:
                raise ValidationError("The addendum does not extend the note's hash chain.")
            session_repo.insert_addendum(conn, addendum, note.mentee_id)
            self._audit(conn, "addendum", KIND_ADDENDUM, addendum.id)
        return Changed(addendum, NOTE_CHANGES)

    def addenda(self, note_id: str) -> list[d.Addendum]:
        return session_repo.list_addenda(self._db, note_id)

    def verify_note(self, note_id: str) -> int | None:
        """``None`` when the signed note and its addenda are intact, else the first bad link."""
        note = self.get_note(note_id)
        return d.verify_chain(note, self.addenda(note_id))

    def flag_note(self, note_id: str, flagged: bool = True) -> Changed[None]:
        with self._tx() as conn:
            session_repo.set_flag(conn, note_id, flagged)
        return Changed(None, Changes(sessions=True, supervision=True))

    def delete_draft(self, note_id: str) -> Changed[None]:
        """Delete a draft note; a signed note raises ``RecordSigned``."""
        with self._tx() as conn:
            session_repo.delete_draft(conn, note_id)
            self._audit(conn, "delete", KIND_NOTE, note_id)
        return Changed(None, NOTE_CHANGES | Changes(goals=True))

    # --- goals ---------------------------------------------------------------------------

    def add_goal(
        self,
        mentee_id: str,
        mentee_words: str,
        *,
        specific: str = "",
        measurable: str = "",
        achievable: str = "",
        relevant: str = "",
        time_bound: date | None = None,
        gas_levels: Mapping[int, str] | Sequence[tuple[int, str]] = (),
        steps: Sequence[d.GoalStep] = (),
    ) -> Changed[d.Goal]:
        """A new active goal in the mentee's own words, SMART fields and GAS levels optional."""
        levels = tuple(gas_levels.items()) if isinstance(gas_levels, Mapping) else gas_levels
        goal = d.Goal(
            id=d.new_id(),
            mentee_id=mentee_id,
            mentee_words=mentee_words,
            specific=specific,
            measurable=measurable,
            achievable=achievable,
            relevant=relevant,
            time_bound=time_bound,
            gas_levels=tuple(levels),
            steps=tuple(steps),
        )
        return self.insert_goal(goal)

    def insert_goal(self, goal: d.Goal) -> Changed[d.Goal]:
        with self._tx() as conn:
            goal_repo.insert(conn, goal, self._clock.now())
            self._audit(conn, "create", KIND_GOAL, goal.id)
        return Changed(goal, GOAL_CHANGES)

    def update_goal(self, goal: d.Goal) -> Changed[d.Goal]:
        """Save the whole goal (fields, status, steps ticked or added)."""
        with self._tx() as conn:
            goal_repo.update(conn, goal, self._clock.now())
            self._audit(conn, "edit", KIND_GOAL, goal.id)
        return Changed(goal, GOAL_CHANGES)

    def get_goal(self, goal_id: str) -> d.Goal:
        goal = goal_repo.get(self._db, goal_id)
        if goal is None:
            raise RecordNotFound("That goal does not exist.")
        return goal

    def list_goals(self, mentee_id: str) -> list[d.Goal]:
        return goal_repo.list_goals(self._db, mentee_id)

    def goal_overviews(self, mentee_id: str) -> list[d.GoalOverview]:
        """Each goal with its latest progress, for list views."""
        return goal_repo.overviews(self._db, mentee_id)

    def delete_goal(self, goal_id: str) -> Changed[None]:
        with self._tx() as conn:
            goal_repo.delete(conn, goal_id)
            self._audit(conn, "delete", KIND_GOAL, goal_id)
        return Changed(None, GOAL_CHANGES)

    def add_progress(
        self,
        goal_id: str,
        *,
        on: date | None = None,
        gas_level: int | None = None,
        percent: int | None = None,
        note: str = "",
        session_id: str | None = None,
    ) -> Changed[d.GoalProgress]:
        entry = d.GoalProgress(
            id=d.new_id(),
            goal_id=goal_id,
            on=on or self.today(),
            gas_level=gas_level,
            percent=percent,
            note=note,
            session_id=session_id,
        )
        return self.insert_progress(entry)

    def insert_progress(self, entry: d.GoalProgress) -> Changed[d.GoalProgress]:
        with self._tx() as conn:
            goal = goal_repo.get(conn, entry.goal_id)
            if goal is None:
                raise RecordNotFound("That goal does not exist.")
            goal_repo.insert_progress(conn, entry, goal.mentee_id, self._clock.now())
            self._audit(conn, "create", KIND_PROGRESS, entry.id)
        return Changed(entry, GOAL_CHANGES)

    def delete_progress(self, progress_id: str) -> Changed[None]:
        with self._tx() as conn:
            goal_repo.delete_progress(conn, progress_id)
            self._audit(conn, "delete", KIND_PROGRESS, progress_id)
        return Changed(None, GOAL_CHANGES)

    def progress(self, goal_id: str) -> list[d.GoalProgress]:
        """A goal's progress entries, oldest first (for the chart)."""
        return goal_repo.list_progress(self._db, goal_id)

    def gas_t_score(self, mentee_id: str) -> float | None:
        """Kiresuk-Sherman T over the latest GAS rating of each goal (``None``: nothing rated)."""
        ratings: list[tuple[int, float]] = []
        for overview in self.goal_overviews(mentee_id):
            rated = [p for p in self.progress(overview.goal.id) if p.gas_level is not None]
            if rated and rated[-1].gas_level is not None:
                ratings.append((rated[-1].gas_level, float(overview.goal.weight)))
        return d.gas_t_score(ratings)

    # --- coping plans ---------------------------------------------------------------------

    def save_plan(
        self,
        mentee_id: str,
        sections: Mapping[d.PlanSection, Sequence[str]]
        | Sequence[tuple[d.PlanSection, Sequence[str]]],
        *,
        note: str = "",
    ) -> Changed[d.CopingPlanVersion]:
        """Save the plan as a new version (earlier versions are kept unchanged)."""
        with self._tx() as conn:
            if mentee_repo.get(conn, mentee_id) is None:
                raise RecordNotFound("That mentee does not exist.")
            version = d.CopingPlanVersion(
                id=d.new_id(),
                mentee_id=mentee_id,
                version=plan_repo.next_version_number(conn, mentee_id),
                saved_at=self._clock.now(),
                sections=d.normalise_plan_sections(sections),
                note=note,
            )
            plan_repo.insert(conn, version)
            self._audit(conn, "create", KIND_PLAN, version.id)
        return Changed(version, PLAN_CHANGES)

    def insert_plan_version(self, version: d.CopingPlanVersion) -> Changed[d.CopingPlanVersion]:
        """Store a ready-made version (JSON import); its number must be the next one."""
        with self._tx() as conn:
            if version.version != plan_repo.next_version_number(conn, version.mentee_id):
                raise ValidationError("Plan versions must be imported in order.")
            plan_repo.insert(conn, version)
            self._audit(conn, "create", KIND_PLAN, version.id)
        return Changed(version, PLAN_CHANGES)

    def plan(self, mentee_id: str) -> d.CopingPlan:
        """Every version, oldest first; ``.current`` is the latest."""
        return d.CopingPlan(mentee_id, tuple(plan_repo.list_versions(self._db, mentee_id)))

    def plan_versions(self, mentee_id: str) -> list[d.CopingPlanVersion]:
        return plan_repo.list_versions(self._db, mentee_id)

    def plan_version(self, mentee_id: str, version: int) -> d.CopingPlanVersion:
        found = plan_repo.get_version(self._db, mentee_id, version)
        if found is None:
            raise RecordNotFound(f"The plan has no version {version}.")
        return found

    def current_plan(self, mentee_id: str) -> d.CopingPlanVersion | None:
        return plan_repo.current(self._db, mentee_id)

    # --- reflections ----------------------------------------------------------------------

    def add_reflection(
        self,
        title: str,
        *,
        model: d.ReflectionModel = d.ReflectionModel.FREE,
        sections: Mapping[str, str] | Sequence[tuple[str, str]] = (),
        mentee_id: str | None = None,
        session_id: str | None = None,
        tags: Sequence[str] = (),
        flagged_for_supervision: bool = False,
        self_care: d.SelfCareCheck | None = None,
        written_at: datetime | None = None,
    ) -> Changed[d.Reflection]:
        reflection = d.Reflection(
            id=d.new_id(),
            written_at=written_at or self._clock.now(),
            title=title,
            model=model,
            sections=tuple(sections.items()) if isinstance(sections, Mapping) else tuple(sections),
            mentee_id=mentee_id,
            session_id=session_id,
            tags=tuple(tags),
            flagged_for_supervision=flagged_for_supervision,
            self_care=self_care or d.SelfCareCheck(),
        )
        return self.save_reflection(reflection, action="create")

    def save_reflection(
        self, reflection: d.Reflection, *, action: str = "edit"
    ) -> Changed[d.Reflection]:
        """Insert or update. A reflection on a session also belongs to that session's mentee."""
        with self._tx() as conn:
            if reflection.session_id is not None:
                note = session_repo.get(conn, reflection.session_id)
                if note is None:
                    raise RecordNotFound("That session does not exist.")
                if reflection.mentee_id not in (None, note.mentee_id):
                    raise ValidationError("The session belongs to another mentee.")
                reflection = replace(reflection, mentee_id=note.mentee_id)
            reflection_repo.save(conn, reflection, self._clock.now())
            self._audit(conn, action, KIND_REFLECTION, reflection.id)
        return Changed(reflection, REFLECTION_CHANGES)

    def get_reflection(self, reflection_id: str) -> d.Reflection:
        found = reflection_repo.get(self._db, reflection_id)
        if found is None:
            raise RecordNotFound("That reflection does not exist.")
        return found

    def list_reflections(
        self,
        *,
        mentee_id: str | None = None,
        flagged_only: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> list[d.Reflection]:
        return reflection_repo.list_reflections(
            self._db, mentee_id=mentee_id, flagged_only=flagged_only, since=since, until=until
        )

    def delete_reflection(self, reflection_id: str) -> Changed[None]:
        with self._tx() as conn:
            reflection_repo.delete(conn, reflection_id)
            self._audit(conn, "delete", KIND_REFLECTION, reflection_id)
        return Changed(None, REFLECTION_CHANGES)

    # --- supervision ----------------------------------------------------------------------

    def save_supervision(self, session: d.SupervisionSession) -> Changed[d.SupervisionSession]:
        """Insert or update a supervision session with its agenda and actions."""
        with self._tx() as conn:
            existed = supervision_repo.get(conn, session.id) is not None
            supervision_repo.save(conn, session, self._clock.now())
            self._audit(conn, "edit" if existed else "create", KIND_SUPERVISION, session.id)
        return Changed(session, SUPERVISION_CHANGES)

    def get_supervision(self, supervision_id: str) -> d.SupervisionSession:
        found = supervision_repo.get(self._db, supervision_id)
        if found is None:
            raise RecordNotFound("That supervision session does not exist.")
        return found

    def list_supervision(self) -> list[d.SupervisionSession]:
        """Newest first."""
        return supervision_repo.list_sessions(self._db)

    def delete_supervision(self, supervision_id: str) -> Changed[None]:
        with self._tx() as conn:
            supervision_repo.delete(conn, supervision_id)
            self._audit(conn, "delete", KIND_SUPERVISION, supervision_id)
        return Changed(None, SUPERVISION_CHANGES)

    def agenda_candidates(self, *, include_taken: bool = False) -> list[d.AgendaCandidate]:
        """Flagged reflections and flagged or risk-flagged notes, newest first.

        Items already on a supervision agenda are left out unless ``include_taken``.
        """
        taken = set() if include_taken else supervision_repo.sources_on_agendas(self._db)
        found: list[d.AgendaCandidate] = []
        for r in self.list_reflections(flagged_only=True):
            if r.id not in taken:
                found.append(
                    d.AgendaCandidate(
                        d.SourceKind.REFLECTION,
                        r.id,
                        r.mentee_id,
                        r.written_at,
                        r.title,
                        "flagged reflection",
                    )
                )
        for n in session_repo.flagged_or_risky(self._db):
            if n.id not in taken:
                reasons = [
                    text
                    for on, text in ((n.flagged_for_supervision, "flagged"), (n.risk_flag, "risk"))
                    if on
                ]
                found.append(
                    d.AgendaCandidate(
                        d.SourceKind.NOTE,
                        n.id,
                        n.mentee_id,
                        n.started_at,
                        session_repo.note_title(n),
                        " and ".join(reasons) + " note",
                    )
                )
        found.sort(key=lambda c: c.when, reverse=True)
        return found

    # --- CPD ------------------------------------------------------------------------------

    def save_cpd(self, entry: d.CpdEntry) -> Changed[d.CpdEntry]:
        with self._tx() as conn:
            existed = cpd_repo.get(conn, entry.id) is not None
            cpd_repo.save(conn, entry, self._clock.now())
            self._audit(conn, "edit" if existed else "create", KIND_CPD, entry.id)
        return Changed(entry, CPD_CHANGES)

    def add_cpd(
        self,
        activity: str,
        on: date,
        hours: float,
        *,
        kind: str = "",
        learning: str = "",
        evidence: str = "",
    ) -> Changed[d.CpdEntry]:
        return self.save_cpd(d.CpdEntry(d.new_id(), activity, on, hours, kind, learning, evidence))

    def list_cpd(self, *, year: int | None = None) -> list[d.CpdEntry]:
        return cpd_repo.list_entries(self._db, year=year)

    def delete_cpd(self, entry_id: str) -> Changed[None]:
        with self._tx() as conn:
            cpd_repo.delete(conn, entry_id)
            self._audit(conn, "delete", KIND_CPD, entry_id)
        return Changed(None, CPD_CHANGES)

    def cpd_totals(self) -> list[d.CpdYearTotal]:
        """Hours and entries per calendar year, oldest year first."""
        return cpd_repo.yearly_totals(self._db)

    # --- timeline -------------------------------------------------------------------------

    def timeline(
        self,
        mentee_id: str,
        *,
        since: date | None = None,
        until: date | None = None,
    ) -> list[d.TimelineEntry]:
        """Sessions, goal progress and reflections of one mentee merged by date, oldest first."""
        entries = [
            d.TimelineEntry(
                d.TimelineKind.SESSION,
                s.id,
                s.mentee_id,
                s.started_at,
                s.started_at.date(),
                s.first_line or f"{s.template.label} session",
            )
            for s in self.list_sessions(mentee_id, since=since, until=until)
        ]
        for entry, words in goal_repo.progress_for_mentee(
            self._db, mentee_id, since=since, until=until
        ):
            when = datetime.combine(entry.on, datetime.min.time(), tzinfo=UTC)
            level = f"GAS {entry.gas_level:+d}" if entry.gas_level is not None else ""
            pct = f"{entry.percent}%" if entry.percent is not None else ""
            detail = ", ".join(x for x in (level, pct) if x)
            entries.append(
                d.TimelineEntry(
                    d.TimelineKind.PROGRESS,
                    entry.id,
                    mentee_id,
                    when,
                    entry.on,
                    f"{words}: {detail}",
                )
            )
        entries += [
            d.TimelineEntry(
                d.TimelineKind.REFLECTION,
                r.id,
                r.mentee_id,
                r.written_at,
                r.written_at.date(),
                r.title,
            )
            for r in self.list_reflections(mentee_id=mentee_id, since=since, until=until)
        ]
        entries.sort(key=lambda e: (e.when, e.kind.value))
        return entries

    # --- search ---------------------------------------------------------------------------

    # --- vault actions (keys and backups) -------------------------------------------------

    def _unlocked_vault(self) -> UnlockedVault:
        self._require_open()
        if self._vault is None:
            raise RuntimeError("this journal was opened without a vault")
        return self._vault  # type: ignore[return-value]

    def change_passphrase(self, old: str, new: str) -> Changed[None]:
        """Rewrap the data key under a new passphrase; the database is not rewritten."""
        self._unlocked_vault().change_passphrase(old, new)
        return Changed(None, Changes())

    def regenerate_recovery_key(self) -> Changed[str]:
        """A new recovery key (returned once, to be shown); the old one stops working."""
        return Changed(self._unlocked_vault().regenerate_recovery_key(), Changes())

    def recalibrate_kdf(self, passphrase: str) -> Changed[KdfParams]:
        """Measure this machine and rewrap the passphrase slot to take about a second again."""
        from mentorjournal.vault.kdf import calibrate

        params = calibrate(self._clock)
        self._unlocked_vault().recalibrate_passphrase_slot(passphrase, params)
        return Changed(params, Changes())

    def backup_now(self, folder: Path, keep: int) -> Changed[Path]:
        """Write one verified backup file into ``folder``, keep the newest ``keep``; audited."""
        from mentorjournal.backup import create_backup, rotate_backups

        vault = self._unlocked_vault()
        self.flush_search()
        with self._tx() as conn:
            self._audit(conn, "backup", "vault", None)
        made = create_backup(vault, folder, clock=self._clock)
        rotate_backups(folder, keep, vault_id=vault.vault_id)
        return Changed(made, Changes())

    def daily_backup(self, folder: Path, keep: int) -> Path | None:
        """After a change: a backup if this vault has none from today yet (then rotate)."""
        from mentorjournal.backup import maybe_daily_backup

        vault = self._unlocked_vault()
        made = maybe_daily_backup(vault, folder, keep, self._clock)
        if made is not None:
            with self._tx() as conn:
                self._audit(conn, "backup", "vault", None)
        return made

    def flush_search(self) -> int:
        """Re-index drafts autosave marked stale (cheap when none); returns how many."""
        self._require_open()
        if not session_repo.has_pending_index(self._db):
            return 0
        with self._tx() as conn:
            return session_repo.flush_pending_index(conn)

    def search(
        self,
        query: str,
        *,
        mentee_id: str | None = None,
        kinds: Sequence[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
    ) -> list[search.SearchHit]:
        """Ranked hits with highlighted snippets (see ``storage.search``)."""
        return list(
            self.search_results(
                query,
                mentee_id=mentee_id,
                kinds=kinds,
                date_from=date_from,
                date_to=date_to,
                limit=limit,
            ).hits
        )

    def search_results(
        self,
        query: str,
        *,
        mentee_id: str | None = None,
        kinds: Sequence[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
    ) -> SearchResults:
        """The hits and whether ranking was limited to the most recent matches.

        Brings autosaved drafts' entries up to date first, so what was typed is findable.
        """
        self.flush_search()
        return search.search_results(
            self._conn,
            query,
            mentee_id=mentee_id,
            kinds=kinds,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        )
