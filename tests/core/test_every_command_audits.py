"""Every change command of the journal facade writes an audit event.

The commands are found by introspection: every public method of ``Journal`` whose return type
is ``Changed[...]``. Each must have a way to call it in ``CALLS`` below (a new command fails
``test_every_command_has_a_call_here`` until it is added) and each call must add at least one
event to the audit log, in the same transaction as its change.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentorjournal import domain as d
from mentorjournal.changes import Changes
from mentorjournal.journal import Journal
from mentorjournal.journal.command import UnauditedCommand, run_command
from mentorjournal.storage import audit
from mentorjournal.storage.connection import open_database
from tests.fixtures.journal_fixtures import (
    TEST_DB_KEY,
    db_of,
    make_goal,
    make_mentee,
    make_note,
    make_reflection,
)


@dataclass(frozen=True)
class Ctx:
    """What a call may need besides the journal."""

    tmp_path: Path
    passphrase: str


def _mentee(j: Journal) -> str:
    return make_mentee(j, f"M-{d.new_id()[:6]}").id


def _signed_note(j: Journal) -> d.SessionNote:
    return make_note(j, make_mentee(j, f"S-{d.new_id()[:6]}"), sign=True)


def _supervision() -> d.SupervisionSession:
    return d.SupervisionSession(d.new_id(), date(2026, 1, 2), "Dr Example")


def _contact(j: Journal) -> d.Contact:
    return d.Contact(d.new_id(), _mentee(j), "Jo Example", d.ContactRole.PARENT)


def _place(j: Journal) -> d.Place:
    return d.Place(d.new_id(), _mentee(j), "Riverside College", d.PlaceKind.SCHOOL)


def _consent(j: Journal) -> d.Consent:
    return d.Consent(
        d.new_id(), _mentee(j), "Share progress", "Key worker", date(2026, 1, 5),
        d.ConsentMethod.WRITTEN,
    )  # fmt: skip


def _resource(j: Journal) -> d.Resource:
    return d.Resource(d.new_id(), _mentee(j), "Food bank", "food", "0808 000 000", None)


def _closed_mentee(j: Journal) -> str:
    mentee_id = _mentee(j)
    j.set_mentee_status(mentee_id, d.MenteeStatus.CLOSED)
    return mentee_id


def _addendum(j: Journal) -> d.Addendum:
    note = _signed_note(j)
    return d.chain_addendum(
        note, None, addendum_id=d.new_id(), written_at=j.clock.now(), text="later detail"
    )


def _plan_version(j: Journal) -> d.CopingPlanVersion:
    return d.CopingPlanVersion(
        d.new_id(), _mentee(j), 1, j.clock.now(), {d.PlanSection.SELF_COPING: ["Music"]}
    )


def _progress(j: Journal) -> d.GoalProgress:
    goal = make_goal(j, make_mentee(j, f"G-{d.new_id()[:6]}"))
    return d.GoalProgress(d.new_id(), goal.id, date(2026, 1, 5), gas_level=1)


#: Each command, as a setup that returns the call to audit (setup's own events are not counted).
Call = Callable[[Journal, Ctx], Callable[[], object]]
CALLS: dict[str, Call] = {}


def call(setup: Call) -> Call:
    """Register ``setup`` as the way to call the command of the same name."""
    CALLS[setup.__name__] = setup
    return setup


@call
def add_mentee(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.add_mentee("NEW-1")


@call
def insert_mentee(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee = d.Mentee(
        d.new_id(), "NEW-2", started_on=date(2026, 1, 1), status_since=date(2026, 1, 1)
    )
    return lambda: j.insert_mentee(mentee)


@call
def update_mentee(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee = make_mentee(j, "UPD-1")
    return lambda: j.update_mentee(replace(mentee, first_name="Sam"))


@call
def set_mentee_status(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.set_mentee_status(mentee_id, d.MenteeStatus.PAUSED)


@call
def archive_mentee(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _closed_mentee(j)
    return lambda: j.archive_mentee(mentee_id, date(2033, 1, 1))


@call
def close_and_archive(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.close_and_archive(mentee_id, date(2033, 1, 1))


@call
def erase_mentee(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _closed_mentee(j)
    return lambda: j.erase_mentee(mentee_id)


@call
def save_contact(j: Journal, c: Ctx) -> Callable[[], object]:
    contact = _contact(j)
    return lambda: j.save_contact(contact)


@call
def delete_contact(j: Journal, c: Ctx) -> Callable[[], object]:
    contact = j.save_contact(_contact(j)).value
    return lambda: j.delete_contact(contact.id)


@call
def save_place(j: Journal, c: Ctx) -> Callable[[], object]:
    place = _place(j)
    return lambda: j.save_place(place)


@call
def delete_place(j: Journal, c: Ctx) -> Callable[[], object]:
    place = j.save_place(_place(j)).value
    return lambda: j.delete_place(place.id)


@call
def save_consent(j: Journal, c: Ctx) -> Callable[[], object]:
    consent = _consent(j)
    return lambda: j.save_consent(consent)


@call
def delete_consent(j: Journal, c: Ctx) -> Callable[[], object]:
    consent = j.save_consent(_consent(j)).value
    return lambda: j.delete_consent(consent.id)


@call
def save_resource(j: Journal, c: Ctx) -> Callable[[], object]:
    resource = _resource(j)
    return lambda: j.save_resource(resource)


@call
def delete_resource(j: Journal, c: Ctx) -> Callable[[], object]:
    resource = j.save_resource(_resource(j)).value
    return lambda: j.delete_resource(resource.id)


@call
def new_note(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.new_note(mentee_id)


@call
def insert_note(j: Journal, c: Ctx) -> Callable[[], object]:
    note = d.SessionNote(
        id=d.new_id(), mentee_id=_mentee(j), started_at=j.clock.now(), sections={"Body": "x"}
    )
    return lambda: j.insert_note(note)


@call
def save_draft(j: Journal, c: Ctx) -> Callable[[], object]:
    note = make_note(j, make_mentee(j, "DRAFT-1"))
    return lambda: j.save_draft(replace(note, next_actions="call on Friday"))


@call
def sign_note(j: Journal, c: Ctx) -> Callable[[], object]:
    note = make_note(j, make_mentee(j, "SIGN-1"))
    return lambda: j.sign_note(note.id)


@call
def add_addendum(j: Journal, c: Ctx) -> Callable[[], object]:
    note = _signed_note(j)
    return lambda: j.add_addendum(note.id, "later")


@call
def request_review(j: Journal, c: Ctx) -> Callable[[], object]:
    note = _signed_note(j)
    return lambda: j.request_review(note.id)


@call
def add_cosignature(j: Journal, c: Ctx) -> Callable[[], object]:
    note = _signed_note(j)
    return lambda: j.add_cosignature(
        note.id, name="Dr Example", role="Supervisor", cosigned_on=j.today()
    )


def _logged_meeting(j: Journal) -> d.SupervisionSession:
    session = replace(
        _supervision(),
        held_on=j.today(),
        minutes=60,
        functions=frozenset({d.SupervisionFunction.NORMATIVE}),
        actions=(d.SupervisionAction(d.new_id(), "Read the policy"),),
    )
    j.save_supervision(session)
    return session


@call
def save_supervision_agreement(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.supervision_ledger import SupervisionAgreement

    agreement = SupervisionAgreement(
        d.new_id(), "Dr Example", date(2026, 1, 2), "Practice", "Monthly", "Here", "Risk"
    )
    return lambda: j.save_supervision_agreement(agreement)


@call
def sign_off_supervision(j: Journal, c: Ctx) -> Callable[[], object]:
    meeting = _logged_meeting(j)
    return lambda: j.sign_off_supervision(meeting.id, name="Dr Example", signed_on=j.today())


@call
def set_supervision_action_done(j: Journal, c: Ctx) -> Callable[[], object]:
    meeting = _logged_meeting(j)
    return lambda: j.set_supervision_action_done(meeting.actions[0].id, True)


@call
def insert_addendum(j: Journal, c: Ctx) -> Callable[[], object]:
    addendum = _addendum(j)
    return lambda: j.insert_addendum(addendum)


@call
def flag_note(j: Journal, c: Ctx) -> Callable[[], object]:
    note = make_note(j, make_mentee(j, "FLAG-1"))
    return lambda: j.flag_note(note.id, True)


@call
def delete_draft(j: Journal, c: Ctx) -> Callable[[], object]:
    note = make_note(j, make_mentee(j, "DEL-1"))
    return lambda: j.delete_draft(note.id)


@call
def add_goal(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.add_goal(mentee_id, "Get to college")


@call
def insert_goal(j: Journal, c: Ctx) -> Callable[[], object]:
    goal = d.Goal(d.new_id(), _mentee(j), "Cook a meal")
    return lambda: j.insert_goal(goal)


@call
def update_goal(j: Journal, c: Ctx) -> Callable[[], object]:
    goal = make_goal(j, make_mentee(j, "GOAL-1"))
    return lambda: j.update_goal(replace(goal, specific="Twice a week"))


@call
def delete_goal(j: Journal, c: Ctx) -> Callable[[], object]:
    goal = make_goal(j, make_mentee(j, "GOAL-2"))
    return lambda: j.delete_goal(goal.id)


@call
def add_progress(j: Journal, c: Ctx) -> Callable[[], object]:
    goal = make_goal(j, make_mentee(j, "GOAL-3"))
    return lambda: j.add_progress(goal.id, gas_level=0)


@call
def insert_progress(j: Journal, c: Ctx) -> Callable[[], object]:
    entry = _progress(j)
    return lambda: j.insert_progress(entry)


@call
def delete_progress(j: Journal, c: Ctx) -> Callable[[], object]:
    entry = j.insert_progress(_progress(j)).value
    return lambda: j.delete_progress(entry.id)


@call
def save_plan(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.save_plan(mentee_id, {d.PlanSection.SELF_COPING: ["Music"]})


@call
def insert_plan_version(j: Journal, c: Ctx) -> Callable[[], object]:
    version = _plan_version(j)
    return lambda: j.insert_plan_version(version)


@call
def add_reflection(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.add_reflection("A hard week")


@call
def save_reflection(j: Journal, c: Ctx) -> Callable[[], object]:
    reflection = make_reflection(j)
    return lambda: j.save_reflection(replace(reflection, title="A better week"))


@call
def delete_reflection(j: Journal, c: Ctx) -> Callable[[], object]:
    reflection = make_reflection(j)
    return lambda: j.delete_reflection(reflection.id)


@call
def save_supervision(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.save_supervision(_supervision())


@call
def delete_supervision(j: Journal, c: Ctx) -> Callable[[], object]:
    session = j.save_supervision(_supervision()).value
    return lambda: j.delete_supervision(session.id)


@call
def save_cpd(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.save_cpd(d.CpdEntry(d.new_id(), "Course", date(2026, 1, 3), 2.0))


@call
def add_cpd(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.add_cpd("Reading group", date(2026, 1, 4), 1.5)


@call
def delete_cpd(j: Journal, c: Ctx) -> Callable[[], object]:
    entry = j.add_cpd("Workshop", date(2026, 1, 4), 3.0).value
    return lambda: j.delete_cpd(entry.id)


@call
def set_cpd_scheme(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind

    return lambda: j.set_cpd_scheme(CpdScheme(SchemeKind.UMHAN, date(2025, 9, 1)))


@call
def record_disclosure(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.disclosure import Disclosure, DisclosureBasis, ShareMethod

    entry = Disclosure(
        d.new_id(), _mentee(j), j.clock.now(), DisclosureBasis.RISK_TO_SELF, "Plan to harm",
        "Crisis team", ShareMethod.PHONE, "Risk to life",
    )  # fmt: skip
    return lambda: j.record_disclosure(entry)


@call
def set_record_settings(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.service_profile import ServiceProfileKind
    from mentorjournal.domain.session_header import Signer
    from mentorjournal.domain.settings import RecordSettings

    settings = RecordSettings(ServiceProfileKind.UK_DSA, Signer("Sam Example", "Mentor"))
    return lambda: j.set_record_settings(settings)


@call
def record_access_request(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.record_access_request(mentee_id, date(2026, 1, 2))


@call
def answer_subject_access(j: Journal, c: Ctx) -> Callable[[], object]:
    request = j.record_access_request(_mentee(j)).value
    return lambda: j.answer_subject_access(request.id, "files=pdf,docx,json")


@call
def erase_past_retention(j: Journal, c: Ctx) -> Callable[[], object]:
    from datetime import UTC, datetime

    from mentorjournal.domain.retention import RecordType

    mentee = make_mentee(j, f"R-{d.new_id()[:6]}", started_on=date(2009, 1, 5))
    j.add_appointment(mentee.id, datetime(2009, 6, 1, 10, tzinfo=UTC))
    j.set_mentee_status(mentee.id, d.MenteeStatus.CLOSED, on=date(2010, 1, 4))
    return lambda: j.erase_past_retention(mentee.id, RecordType.APPOINTMENTS, "Period ended")


@call
def change_passphrase(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.change_passphrase(c.passphrase, "another long passphrase for the audit walk")


@call
def reset_passphrase(j: Journal, c: Ctx) -> Callable[[], object]:
    # The fixture unlocked with the passphrase; a recovery-key unlock is what allows a reset.
    j._unlocked_vault().unlocked_via_recovery = True
    return lambda: j.reset_passphrase("a passphrase set again with the recovery key")


@call
def regenerate_recovery_key(j: Journal, c: Ctx) -> Callable[[], object]:
    return j.regenerate_recovery_key


@call
def recalibrate_kdf(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.recalibrate_kdf(c.passphrase)


@call
def backup_now(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.backup_now(c.tmp_path / "backups", keep=2)


def _appointment(j: Journal) -> d.Appointment:
    from datetime import UTC, datetime

    mentee_id = _mentee(j)
    return j.add_appointment(mentee_id, datetime(2026, 2, 2, 10, tzinfo=UTC)).value


def _scale(j: Journal) -> d.TrackedScale:
    return j.add_scale(_mentee(j), "Sleep").value


@call
def add_appointment(j: Journal, c: Ctx) -> Callable[[], object]:
    from datetime import UTC, datetime

    mentee_id = _mentee(j)
    return lambda: j.add_appointment(mentee_id, datetime(2026, 2, 2, 10, tzinfo=UTC))


@call
def insert_appointment(j: Journal, c: Ctx) -> Callable[[], object]:
    from datetime import UTC, datetime

    mentee_id = _mentee(j)
    made = d.Appointment(d.new_id(), mentee_id, datetime(2026, 2, 3, 10, tzinfo=UTC))
    return lambda: j.insert_appointment(made)


@call
def update_appointment(j: Journal, c: Ctx) -> Callable[[], object]:
    appointment = _appointment(j)
    return lambda: j.update_appointment(replace(appointment, minutes=45))


@call
def set_appointment_status(j: Journal, c: Ctx) -> Callable[[], object]:
    appointment = _appointment(j)
    return lambda: j.set_appointment_status(appointment.id, d.AppointmentStatus.DID_NOT_ATTEND)


@call
def record_outcome(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.attendance import Outcome

    appointment = _appointment(j)
    outcome = Outcome(d.AppointmentStatus.CANCELLED_BY_SERVICE, "Building closed")
    return lambda: j.record_outcome(appointment.id, outcome)


@call
def set_hour_allocation(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation

    allocation = HourAllocation(_mentee(j), 600, AllocationPeriod.TERM)
    return lambda: j.set_hour_allocation(allocation)


@call
def clear_hour_allocation(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation

    mentee_id = _mentee(j)
    j.set_hour_allocation(HourAllocation(mentee_id, 600, AllocationPeriod.MONTH))
    return lambda: j.clear_hour_allocation(mentee_id)


@call
def delete_appointment(j: Journal, c: Ctx) -> Callable[[], object]:
    appointment = _appointment(j)
    return lambda: j.delete_appointment(appointment.id)


@call
def note_from_appointment(j: Journal, c: Ctx) -> Callable[[], object]:
    appointment = _appointment(j)
    return lambda: j.note_from_appointment(appointment.id)


@call
def add_measure(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.add_measure(mentee_id, d.Instrument.GAD7, [1] * 7)


@call
def insert_measure(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    result = d.MeasureResult(d.new_id(), mentee_id, d.Instrument.PHQ9, date(2026, 1, 5), (0,) * 9)
    return lambda: j.insert_measure(result)


@call
def delete_measure(j: Journal, c: Ctx) -> Callable[[], object]:
    result = j.add_measure(_mentee(j), d.Instrument.GAD7, [0] * 7).value
    return lambda: j.delete_measure(result.id)


@call
def add_scale(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.add_scale(mentee_id, "Confidence")


@call
def save_scale(j: Journal, c: Ctx) -> Callable[[], object]:
    scale = _scale(j)
    return lambda: j.save_scale(replace(scale, name="Sleeping through"))


@call
def delete_scale(j: Journal, c: Ctx) -> Callable[[], object]:
    scale = _scale(j)
    return lambda: j.delete_scale(scale.id)


@call
def rate_scale(j: Journal, c: Ctx) -> Callable[[], object]:
    scale = _scale(j)
    return lambda: j.rate_scale(scale.id, 6)


@call
def open_followup(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.open_followup(mentee_id, "Said things were very hard this week.")


@call
def close_followup(j: Journal, c: Ctx) -> Callable[[], object]:
    followup = j.open_followup(_mentee(j), "Check in by phone.").value
    return lambda: j.close_followup(followup.id, "Phoned; safe and has the plan.")


@call
def record_export(j: Journal, c: Ctx) -> Callable[[], object]:
    mentee_id = _mentee(j)
    return lambda: j.record_export("mentee_record", "sessions=0;format=md", mentee_id)


@call
def export_json(j: Journal, c: Ctx) -> Callable[[], object]:
    _mentee(j)
    return lambda: j.export_json(c.tmp_path / "vault.json")


@call
def import_json(j: Journal, c: Ctx) -> Callable[[], object]:
    """An import goes into a new, empty vault (as ``j`` is): export another one to import."""
    exported = c.tmp_path / "import.json"
    source = Journal(open_database(c.tmp_path / "source.db", TEST_DB_KEY, create=True), j.clock)
    try:
        source.add_mentee("SRC-1")
        source.export_json(exported)
    finally:
        source.lock()
    return lambda: j.import_json(exported)


@call
def fill_demo(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.fill_demo(mentees=1, sessions=2, seed=3)


def _other_device(j: Journal, c: Ctx, name: str) -> tuple[Journal, str, Path]:
    """A second vault on the same clock, for the sync commands; locked at the end of the test."""
    from mentorjournal.paths import VaultPaths
    from tests.fixtures.vault_fixtures import TEST_KDF

    state = c.tmp_path / f"state-{name}"
    state.mkdir()
    other, recovery = Journal.create(
        VaultPaths(c.tmp_path / name), c.passphrase, clock=j.clock, state_dir=state, kdf=TEST_KDF
    )
    folder = c.tmp_path / "sync-folder"
    folder.mkdir(exist_ok=True)
    OTHERS.append(other)
    return other, recovery, folder


#: Extra vaults the sync calls open, locked by ``_lock_others``.
OTHERS: list[Journal] = []


@pytest.fixture(autouse=True)
def _lock_others() -> Iterator[None]:
    yield
    while OTHERS:
        OTHERS.pop().lock()


@call
def sync_setup(j: Journal, c: Ctx) -> Callable[[], object]:
    folder = c.tmp_path / "sync-folder"
    folder.mkdir()
    return lambda: j.sync_setup(folder)


@call
def sync_adopt(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.sync import engine

    first, recovery, folder = _other_device(j, c, "first")
    make_mentee(first, "SYNC-1")
    first.sync_setup(folder)
    journal_id = engine.find_journal(folder, None)
    key = engine.open_journal_key(folder, journal_id, recovery)
    return lambda: j.sync_adopt(folder, journal_id, key, recovery)


@call
def sync_join(j: Journal, c: Ctx) -> Callable[[], object]:
    first, recovery, folder = _other_device(j, c, "first")
    make_mentee(first, "SYNC-3")
    first.sync_setup(folder)
    return lambda: j.sync_join(folder, recovery)


@call
def sync_now(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.sync import engine

    other, recovery, folder = _other_device(j, c, "other")
    other.sync_setup(folder)
    journal_id = engine.find_journal(folder, None)
    j.sync_adopt(
        folder, journal_id, engine.open_journal_key(folder, journal_id, recovery), recovery
    )
    make_mentee(other, "SYNC-2")
    other.sync_now()
    return j.sync_now


@call
def sync_approve(j: Journal, c: Ctx) -> Callable[[], object]:
    from mentorjournal.sync import engine, pairing

    folder = c.tmp_path / "sync-folder"
    folder.mkdir()
    j.sync_setup(folder)
    journal_id = engine.find_journal(folder, None)
    pending = pairing.request(folder, journal_id, c.tmp_path / "staging")
    return lambda: j.sync_approve(pending.code)


@call
def resolve_sync_conflict(j: Journal, c: Ctx) -> Callable[[], object]:
    return lambda: j.resolve_sync_conflict("no-such-conflict")


def change_commands() -> list[str]:
    """Public methods of the facade whose declared result is ``Changed[...]``."""
    found = []
    for name, member in inspect.getmembers(Journal, inspect.isfunction):
        if name.startswith("_"):
            continue
        returns = inspect.signature(member).return_annotation
        if str(returns).startswith("Changed["):
            found.append(name)
    return sorted(found)


def test_the_walk_finds_the_commands() -> None:
    found = change_commands()
    assert {"add_mentee", "save_contact", "sign_note", "change_passphrase"} <= set(found)
    assert "list_contacts" not in found and "search" not in found


def test_every_command_has_a_call_here() -> None:
    missing = sorted(set(change_commands()) - set(CALLS))
    assert not missing, f"add a call to CALLS for the new journal command(s): {missing}"
    stale = sorted(set(CALLS) - set(change_commands()))
    assert not stale, f"CALLS names methods that are no longer commands: {stale}"


@pytest.mark.parametrize("name", change_commands())
def test_command_writes_an_audit_event(
    name: str, journal: Journal, tmp_path: Path, passphrase: str
) -> None:
    if name not in CALLS:
        pytest.fail(f"no call for {name} in CALLS")
    journal.clock.advance(1)  # type: ignore[attr-defined]
    call = CALLS[name](journal, Ctx(tmp_path, passphrase))
    before = audit.events(db_of(journal), limit=100_000)
    call()
    after = audit.events(db_of(journal), limit=100_000)
    assert len(after) > len(before), f"{name} changed the journal without an audit event"
    assert audit.verify_chain(db_of(journal)).ok


def test_a_command_without_an_audit_event_is_rolled_back(journal: Journal) -> None:
    mentee = make_mentee(journal)
    conn = db_of(journal)
    with (
        pytest.raises(UnauditedCommand),
        run_command(conn, journal.clock, Changes(mentees=True)) as command,
    ):
        command.conn.execute(
            "UPDATE mentees SET first_name = 'Unaudited' WHERE id = ?", (mentee.id,)
        )
    assert journal.get_mentee(mentee.id).first_name is None


def test_autosave_audits_one_edit_per_run_of_saves(journal: Journal) -> None:
    """Autosave logs one edit per run of saves, and a new edit once anything else happened."""
    note = make_note(journal, make_mentee(journal, "AUTO-1"))
    journal.save_draft(replace(note, next_actions="one"))
    journal.save_draft(replace(note, next_actions="two"))
    edits = [e for e in audit.events(db_of(journal), limit=1000) if e.record_id == note.id]
    assert [e.action for e in edits].count("edit") == 1
    journal.flag_note(note.id, True)
    journal.clock.advance(timedelta(days=1).total_seconds())  # type: ignore[attr-defined]
    journal.save_draft(replace(note, next_actions="three"))
    edits = [e for e in audit.events(db_of(journal), limit=1000) if e.record_id == note.id]
    assert [e.action for e in edits].count("edit") == 3  # draft, flag, draft again
