"""No plaintext anywhere: canary words written through every feature never reach a file unencrypted.

Unique canary words go through notes, addenda, goals, progress, plans, contacts, consents,
reflections, supervision, CPD, a search query, a supervision export that is prepared but not
chosen, and the anonymiser. After locking, every file under the test's HOME, XDG folders and
TMPDIR (which hold the vault and the rollback state) is scanned: zero hits. A second test
decrypts every database page with the data key to show secure delete left no residue of a
deleted note, erased mentee or their index entries, and proves the scan can see what remains.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from mentorjournal import domain as d
from mentorjournal.anonymise import Known, anonymise
from mentorjournal.domain.notes import FREE_SECTION
from mentorjournal.export.supervision_summary import SupervisionOptions, prepare
from mentorjournal.journal import Journal
from tests.conftest import TEST_ROOT
from tests.fault.sqlcipher_pages import plaintext_contains, wal_frames
from tests.fixtures.vault_fixtures import CreatedVault


def _canary(tag: str) -> str:
    return f"zq{tag}canary{uuid.uuid4().hex[:10]}"


def _files_containing(root: Path, needles: list[bytes]) -> list[tuple[Path, bytes]]:
    hits: list[tuple[Path, bytes]] = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        hits.extend((path, n) for n in needles if n in data)
    return hits


def _needles(words: list[str]) -> list[bytes]:
    return [w.encode("utf-8") for w in words] + [w.encode("utf-16-le") for w in words]


def _journal(new_vault: CreatedVault) -> Journal:
    return Journal(new_vault.vault.connection, new_vault.clock, vault=new_vault.vault)


def _write_everywhere(journal: Journal, words: dict[str, str]) -> None:
    mentee = journal.add_mentee("M-042", first_name=words["name"]).value
    journal.save_contact(
        d.Contact(d.new_id(), mentee.id, words["contact"], d.ContactRole.PARENT, "mum")
    )
    note = journal.new_note(mentee.id, sections={FREE_SECTION: f"We talked. {words['note']}"}).value
    journal.sign_note(note.id)
    journal.add_addendum(note.id, f"Later: {words['addendum']}")
    goal = journal.add_goal(mentee.id, f"I want {words['goal']}").value
    journal.add_progress(goal.id, percent=40, note=words["progress"])
    journal.save_plan(mentee.id, {d.PlanSection.WARNING_SIGNS: [words["plan"]]})
    journal.add_reflection(
        "After a hard day",
        sections={"Reflection": words["reflection"]},
        tags=(words["tag"],),
        flagged_for_supervision=True,
    )
    journal.add_cpd(words["cpd"], date(2026, 1, 3), 2.5)
    assert journal.search(words["note"][:8]), "positive control: the note is searchable"
    journal.search(words["query"])
    draft = prepare(journal, SupervisionOptions(date(2025, 1, 1), date(2027, 1, 1)))
    assert draft is not None  # prepared, previewed, never written: "an export not chosen"
    anonymise(f"{words['anon']} met her friend", Known.from_dict({}))


def test_canaries_never_reach_disk_in_plaintext(new_vault: CreatedVault) -> None:
    tags = [
        "name",
        "contact",
        "note",
        "addendum",
        "goal",
        "progress",
        "plan",
        "reflection",
        "tag",
        "cpd",
        "query",
        "anon",
    ]
    words = {t: _canary(t) for t in tags}
    journal = _journal(new_vault)
    _write_everywhere(journal, words)
    # While unlocked the WAL may hold pages; they are encrypted too, so scan now and after lock.
    assert _files_containing(TEST_ROOT, _needles(list(words.values()))) == []
    journal.lock()
    assert _files_containing(TEST_ROOT, _needles(list(words.values()))) == []
    assert not new_vault.paths.root.joinpath("journal.db-wal").exists() or (
        new_vault.paths.root.joinpath("journal.db-wal").stat().st_size == 0
    )


def test_secure_delete_leaves_no_residue_in_decrypted_pages(new_vault: CreatedVault) -> None:
    keep, deleted_note, erased = _canary("keep"), _canary("deleted"), _canary("erased")
    key = bytes(new_vault.vault.data_key_view())
    journal = _journal(new_vault)
    staying = journal.add_mentee("M-001").value
    journal.new_note(staying.id, sections={FREE_SECTION: f"kept words {keep}"})
    draft = journal.new_note(staying.id, sections={FREE_SECTION: f"draft {deleted_note}"}).value
    leaving = journal.add_mentee("M-002", first_name=erased).value
    note = journal.new_note(leaving.id, sections={FREE_SECTION: f"about {erased} today"}).value
    journal.sign_note(note.id)
    journal.add_goal(leaving.id, f"I want to see {erased} again")
    journal.save_plan(leaving.id, {d.PlanSection.PEOPLE_TO_ASK: [erased]})
    journal.delete_draft(draft.id)
    journal.erase_mentee(leaving.id)
    assert journal.search(erased) == []
    journal.lock()
    db = new_vault.paths.database.read_bytes()
    wal = new_vault.paths.root / "journal.db-wal"
    pages = db + (wal_frames(wal.read_bytes()) if wal.exists() else b"")
    assert plaintext_contains(pages, key, keep.encode()), "positive control: kept text is visible"
    assert not plaintext_contains(pages, key, deleted_note.encode())
    assert not plaintext_contains(pages, key, erased.encode())
