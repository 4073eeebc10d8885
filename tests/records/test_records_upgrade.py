"""The record-keeping migrations upgrade a vault written by the schema before them.

tests/storage/test_migrations_golden.py proves every golden vault upgrades keeping every row;
these tests prove what each new record kind looks like on an upgraded vault.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind
from mentorjournal.journal import Journal
from mentorjournal.storage.connection import open_database
from tests.fixtures.make_golden_vaults import (
    CPD_SCHEME_SCHEMA,
    CREATED_AT,
    GOLDEN_KEY,
    golden_path,
    manifest_path,
)


def _upgraded(version: int, tmp_path: Path) -> Journal:
    copy = tmp_path / "journal.db"
    shutil.copyfile(golden_path(version), copy)
    return Journal(open_database(copy, GOLDEN_KEY), ManualClock(CREATED_AT))


@pytest.fixture
def before_cpd_scheme(tmp_path: Path) -> Iterator[Journal]:
    journal = _upgraded(CPD_SCHEME_SCHEMA - 1, tmp_path)
    yield journal
    journal.lock()


def test_cpd_logged_before_categories_is_kept_uncategorised(before_cpd_scheme: Journal) -> None:
    journal = before_cpd_scheme
    manifest = json.loads(manifest_path(CPD_SCHEME_SCHEMA - 1).read_text(encoding="utf-8"))
    old_rows = manifest["tables"]["cpd_entries"]["rows"]
    entries = journal.list_cpd()
    assert len(entries) == len(old_rows) > 0
    assert all(e.category is None for e in entries)
    assert journal.cpd_scheme() is None
    journal.set_cpd_scheme(CpdScheme(SchemeKind.ICRC_PEER_RECOVERY, entries[-1].on))
    first = entries[-1]
    journal.save_cpd(replace(first, category=CpdCategory.ETHICS))
    progress = journal.cpd_progress(date(2026, 1, 5))
    assert progress is not None
    assert progress.minimums[0].done == first.hours


def test_the_golden_custom_scheme_reads_back(tmp_path: Path) -> None:
    journal = _upgraded(CPD_SCHEME_SCHEMA, tmp_path)
    try:
        scheme = journal.cpd_scheme()
        assert scheme is not None and scheme.rule is not None
        assert (scheme.rule.name, scheme.rule.min_activities) == ("Golden scheme", 3)
        assert all(e.category is not None for e in journal.list_cpd())
    finally:
        journal.lock()


def test_a_vault_from_before_disclosures_takes_one_and_its_erasure_still_works(
    tmp_path: Path,
) -> None:
    from mentorjournal.domain import new_id
    from mentorjournal.domain.disclosure import Disclosure, DisclosureBasis, ShareMethod
    from tests.fixtures.make_golden_vaults import DISCLOSURE_SCHEMA

    journal = _upgraded(DISCLOSURE_SCHEMA - 1, tmp_path)
    try:
        mentee = journal.list_mentees()[0]
        assert journal.list_disclosures(mentee.id) == []
        entry = Disclosure(
            new_id(), mentee.id, CREATED_AT, DisclosureBasis.RISK_TO_OTHERS, "Threat",
            "Police non-emergency", ShareMethod.PHONE, "Named person at risk",
        )  # fmt: skip
        journal.record_disclosure(entry)
        assert journal.disclosure_counts() == {mentee.id: 1}
        journal.set_mentee_status(mentee.id, journal.get_mentee(mentee.id).status.CLOSED)
        journal.erase_mentee(mentee.id)
        assert journal.disclosure_counts() == {}
    finally:
        journal.lock()


def test_the_golden_disclosure_and_its_correction_read_back(tmp_path: Path) -> None:
    from tests.fixtures.make_golden_vaults import DISCLOSURE_SCHEMA

    journal = _upgraded(DISCLOSURE_SCHEMA, tmp_path)
    try:
        (mentee_id,) = journal.disclosure_counts()
        history = journal.list_disclosures(mentee_id)
        assert [e.reference for e in history] == ["", "ASC-1"]
        assert journal.list_disclosures(mentee_id, current_only=True) == [history[1]]
    finally:
        journal.lock()


def test_a_vault_from_before_session_headers_signs_old_notes_unchanged_and_new_ones_stamped(
    tmp_path: Path,
) -> None:
    from datetime import timedelta

    from mentorjournal.domain import verify_note
    from mentorjournal.domain.service_profile import ServiceProfileKind
    from mentorjournal.domain.session_header import SessionHeader, Signer
    from mentorjournal.domain.settings import RecordSettings
    from tests.fixtures.make_golden_vaults import SESSION_HEADER_SCHEMA

    journal = _upgraded(SESSION_HEADER_SCHEMA - 1, tmp_path)
    try:
        mentee = journal.list_mentees()[0]
        old = journal.notes_for(mentee.id)
        assert old and all(n.header is None for n in old)
        assert all(verify_note(n) for n in old if n.is_signed)
        signer = Signer("Upgraded Mentor", "Peer worker")
        journal.set_record_settings(RecordSettings(ServiceProfileKind.VOLUNTEER, signer))
        note = journal.new_note(mentee.id, started_at=CREATED_AT - timedelta(hours=1)).value
        end = SessionHeader(ended_at=CREATED_AT - timedelta(minutes=5))
        journal.save_draft(replace(note, header=end))
        signed = journal.sign_note(note.id).value
        assert signed.header is not None and signed.header.signer == signer
        assert signed.duration_minutes == 55 and journal.verify_note(note.id) is None
    finally:
        journal.lock()


def test_the_golden_header_and_settings_read_back(tmp_path: Path) -> None:
    from mentorjournal.domain.service_profile import ServiceProfileKind
    from tests.fixtures.make_golden_vaults import SESSION_HEADER_SCHEMA

    journal = _upgraded(SESSION_HEADER_SCHEMA, tmp_path)
    try:
        settings = journal.record_settings()
        assert settings.profile is ServiceProfileKind.UK_DSA
        assert settings.signer is not None and settings.signer.credentials == "MHFA"
        assert settings.place_choices == ("Golden library", "Video")
        headed = [n for m in journal.list_mentees() for n in journal.notes_for(m.id) if n.header]
        assert len(headed) == 1 and headed[0].header is not None
        assert headed[0].header.own_words == "Golden words"
        assert headed[0].duration_minutes == 50
    finally:
        journal.lock()


def test_a_vault_from_before_cosignatures_keeps_its_seals_and_takes_a_cosignature(
    tmp_path: Path,
) -> None:
    from mentorjournal.storage import proofs, sealing
    from mentorjournal.storage.connection import close_database
    from tests.fixtures.journal_fixtures import db_of
    from tests.fixtures.make_golden_vaults import COSIGNATURE_SCHEMA

    copy = tmp_path / "before" / "journal.db"
    copy.parent.mkdir()
    shutil.copyfile(golden_path(COSIGNATURE_SCHEMA - 1), copy)
    before = open_database(copy, GOLDEN_KEY)
    try:
        old_seals = sealing.origin_counts(before)
    finally:
        close_database(before)
    journal = _upgraded(COSIGNATURE_SCHEMA - 1, tmp_path)
    try:
        conn = db_of(journal)
        assert old_seals and sealing.origin_counts(conn) == old_seals  # the rebuilt table kept all
        assert proofs.verify_records(conn, None) == []
        assert journal.awaiting_cosignature() == []
        note = next(
            n for m in journal.list_mentees() for n in journal.notes_for(m.id) if n.is_signed
        )
        journal.request_review(note.id)
        assert note.signed_at is not None
        journal.add_cosignature(
            note.id, name="Dr A", role="Supervisor", cosigned_on=journal.today()
        )
        assert sealing.seal_origin(conn, "cosignature", note.id) == "here"
        assert proofs.verify_records(conn, None) == []
        with pytest.raises(Exception, match="append-only"):
            conn.execute("DELETE FROM record_seals WHERE kind = 'cosignature'")
    finally:
        journal.lock()


def test_the_golden_cosignature_and_review_request_read_back_and_verify(tmp_path: Path) -> None:
    from mentorjournal.storage import proofs
    from tests.fixtures.journal_fixtures import db_of
    from tests.fixtures.make_golden_vaults import COSIGNATURE_SCHEMA

    journal = _upgraded(COSIGNATURE_SCHEMA, tmp_path)
    try:
        (waiting,) = journal.awaiting_cosignature()
        assert waiting.requested_at == CREATED_AT
        cosigned = [
            c for m in journal.list_mentees() for c in journal.cosignatures_for(m.id).values()
        ]
        assert [(c.name, c.comment) for c in cosigned] == [("Golden Supervisor", "Golden comment")]
        assert proofs.verify_records(db_of(journal), None) == []
    finally:
        journal.lock()


def test_a_vault_from_before_the_ledger_logs_and_signs_off_its_old_meetings(
    tmp_path: Path,
) -> None:
    from mentorjournal.domain.supervision import SupervisionFunction
    from mentorjournal.storage import proofs
    from tests.fixtures.journal_fixtures import db_of
    from tests.fixtures.make_golden_vaults import SUPERVISION_LEDGER_SCHEMA

    journal = _upgraded(SUPERVISION_LEDGER_SCHEMA - 1, tmp_path)
    try:
        old = journal.list_supervision()
        assert old and all(s.minutes is None and not s.functions for s in old)
        assert journal.supervision_agreements() == [] and journal.supervision_signoffs() == {}
        meeting = replace(old[0], minutes=75, functions=frozenset({SupervisionFunction.NORMATIVE}))
        journal.save_supervision(meeting)
        journal.sign_off_supervision(meeting.id, name="Dr A", signed_on=meeting.held_on)
        assert proofs.verify_records(db_of(journal), None) == []
        assert journal.supervision_hours(meeting.held_on.year).minutes >= 75
    finally:
        journal.lock()


def test_the_golden_agreement_and_signed_off_meeting_read_back_and_verify(
    tmp_path: Path,
) -> None:
    from mentorjournal.errors import RecordSigned
    from mentorjournal.storage import proofs
    from tests.fixtures.journal_fixtures import db_of
    from tests.fixtures.make_golden_vaults import SUPERVISION_LEDGER_SCHEMA

    journal = _upgraded(SUPERVISION_LEDGER_SCHEMA, tmp_path)
    try:
        (agreement,) = journal.supervision_agreements()
        assert (agreement.purpose, agreement.target_hours_per_month) == ("Golden purpose", 1.5)
        ((meeting_id, signoff),) = journal.supervision_signoffs().items()
        assert signoff.name == "Golden Supervisor"
        meeting = journal.get_supervision(meeting_id)
        assert meeting.minutes == 90 and len(meeting.functions) == 3
        with pytest.raises(RecordSigned):
            journal.save_supervision(replace(meeting, discussion="Rewritten"))
        assert proofs.verify_records(db_of(journal), None) == []
    finally:
        journal.lock()


def test_a_vault_from_before_retention_keeps_its_profile_and_takes_the_new_records(
    tmp_path: Path,
) -> None:
    from mentorjournal.domain.retention import RecordType
    from mentorjournal.domain.rule_overrides import RuleOverride
    from mentorjournal.domain.service_profile import ServiceProfileKind
    from mentorjournal.domain.settings import RecordSettings
    from tests.fixtures.make_golden_vaults import RETENTION_SCHEMA

    journal = _upgraded(RETENTION_SCHEMA - 1, tmp_path)
    try:
        settings = journal.record_settings()
        uk = ServiceProfileKind.UK_DSA
        assert settings.profile is uk and settings.places == ("Golden library", "Video")
        assert settings.overrides == {} and settings.rules == uk.rules
        assert settings.retention_policy.years(RecordType.SESSION_NOTES) == 20
        assert journal.records_past_retention(date(2026, 1, 5)) == []
        mentee = journal.list_mentees()[0]
        request = journal.record_access_request(mentee.id, date(2025, 5, 30)).value
        assert journal.access_requests(mentee.id) == [request]
        override = RuleOverride(frozenset(), due_business_days=5)
        stored = RecordSettings(
            uk, settings.signer, settings.places, overrides={uk: override},
            retention={uk: {RecordType.MEASURES: 10}},
        )  # fmt: skip
        journal.set_record_settings(stored)
        assert journal.record_settings() == stored
    finally:
        journal.lock()


def test_the_golden_retention_records_read_back(tmp_path: Path) -> None:
    from mentorjournal.domain.retention import RecordType
    from mentorjournal.domain.service_profile import ServiceProfileKind
    from tests.fixtures.make_golden_vaults import RETENTION_SCHEMA

    journal = _upgraded(RETENTION_SCHEMA, tmp_path)
    try:
        settings = journal.record_settings()
        assert settings.rules.due_hours == 48
        assert settings.retention_for(ServiceProfileKind.UK_DSA).years(RecordType.APPOINTMENTS) == 3
        (request,) = journal.open_access_requests()
        assert request.due_on == date(2026, 1, 29)
        (erased,) = journal.retention_erasures()
        assert erased.reason == "Golden retention period ended"
    finally:
        journal.lock()
