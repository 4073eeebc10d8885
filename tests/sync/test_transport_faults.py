"""Sync through a misbehaving folder transport: every fault a sync engine or cloud client can
make, and the journal still converges without losing or inventing anything."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.sync import hlc
from mentorjournal.sync.folder import segment_files
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note
from tests.sync.harness import Device, Net, contents


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def _pair(net: Net) -> tuple[Device, Device]:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    b = net.join("b", a)
    return a, b


def _segments(net: Net, device: Device) -> list[Path]:
    files = segment_files(device.view, net.journal_id, device.device_id)
    return [f.path.relative_to(device.view) for f in files]


def _mentee(device: Device) -> str:
    found = device.journal.find_mentee("M-001")
    assert found is not None
    return found.id


def test_segments_delivered_newest_first_wait_for_their_predecessors(net: Net) -> None:
    a, b = _pair(net)
    mentee = a.journal.get_mentee(_mentee(a))
    notes = []
    for i in range(3):
        notes.append(make_note(a.journal, mentee, text=f"Session {i} orchard"))
        a.sync()
    newest_first = list(reversed(_segments(net, a)))
    net.deliver(a, b, newest_first[:2])  # seq 4 and 3 arrive; 2 is late
    report = b.sync()
    assert report.applied_segments == 0 and report.waiting_segments == 2
    net.deliver(a, b, newest_first)  # everything, the early ones a second time
    report = b.sync()
    assert report.applied_segments == 3
    assert {h.record_id for h in b.journal.search("orchard")} == {n.id for n in notes}
    assert b.sync().applied_segments == 0  # duplicates change nothing
    assert contents(a.journal) == contents(b.journal)


def test_a_truncated_segment_waits_and_a_placeholder_waits(net: Net) -> None:
    a, b = _pair(net)
    make_note(a.journal, a.journal.get_mentee(_mentee(a)), text="Cut short")
    a.sync()
    rel = _segments(net, a)[-1]
    whole = (a.view / rel).read_bytes()
    net.put(b.view, rel, b"")  # a cloud placeholder: name there, content not yet
    assert b.sync().waiting_segments == 1
    net.put(b.view, rel, whole[: len(whole) // 2])  # half copied
    report = b.sync()
    assert report.applied_segments == 0 and report.waiting_segments == 1
    assert report.quarantined == ()
    net.put(b.view, rel, whole)
    assert b.sync().applied_segments == 1
    assert b.journal.search("Cut short")


def test_a_tampered_segment_is_quarantined_reported_and_never_applied(net: Net) -> None:
    a, b = _pair(net)
    make_note(a.journal, a.journal.get_mentee(_mentee(a)), text="Tamper target")
    a.sync()
    rel = _segments(net, a)[-1]
    data = bytearray((a.view / rel).read_bytes())
    data[-5] ^= 0x01  # one bit of ciphertext
    net.put(b.view, rel, bytes(data))
    report = b.sync()
    assert report.applied_segments == 0
    assert len(report.quarantined) == 1 and "authentication" in report.quarantined[0]
    assert b.journal.sync_status().quarantined
    assert not b.journal.search("Tamper target")
    assert b.sync().quarantined == ()  # reported once, still refused
    net.put(b.view, rel, (a.view / rel).read_bytes())  # the engine fixes the file
    assert b.sync().applied_segments == 1
    assert b.journal.search("Tamper target")


def test_a_segment_from_another_journal_key_is_quarantined(net: Net) -> None:
    a, b = _pair(net)
    other = Net(net.root / "other")
    (net.root / "other").mkdir()
    stranger = other.first("x", lambda j: make_mentee(j, "X-001"))
    try:
        forged = _segments(other, stranger)[0]
        target = Path(net.journal_id) / "devices" / a.device_id / "00000009-0000000000000000.seg"
        net.put(b.view, target, (stranger.view / forged).read_bytes())
        report = b.sync()
        assert report.applied_segments == 0
        assert b.journal.find_mentee("X-001") is None
    finally:
        stranger.journal.lock()


def test_conflict_copies_temp_files_and_placeholders_are_ignored(net: Net) -> None:
    a, b = _pair(net)
    make_note(a.journal, a.journal.get_mentee(_mentee(a)), text="Genuine words")
    a.sync()
    rel = _segments(net, a)[-1]
    data = (a.view / rel).read_bytes()
    folder = rel.parent
    junk = {
        folder / (rel.stem + ".sync-conflict-20260105-090000-ABCDEFG.seg"): data,
        folder / f".syncthing.{rel.name}.tmp": data[:10],
        folder / (rel.stem + " (conflicted copy 2026-01-05).seg"): data,
        folder / f".{rel.name}.icloud": b"",
        folder / "~$lock.seg": b"x",
        folder / "desktop.ini": b"[.ShellClassInfo]",
    }
    for path, content in junk.items():
        net.put(b.view, path, content)
    report = b.sync()
    assert report.applied_segments == 0 and report.quarantined == ()
    net.deliver(a, b, [rel])
    assert b.sync().applied_segments == 1
    assert len(b.journal.search("Genuine")) == 1


def test_a_clock_hours_ahead_is_not_followed_and_is_reported(net: Net) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    skewed = dataclasses.replace(a.clock)
    skewed.advance(5 * 3600)
    b = net.join("b", a, clock=skewed)
    goal = make_goal(b.journal, b.journal.get_mentee(_mentee(b)), "Walk every day")
    b.sync()
    net.copy_all(b, a)
    report = a.sync()
    assert report.applied_ops >= 1 and report.warnings
    assert "ahead" in report.warnings[0]
    assert a.journal.sync_status().warnings
    own_clock = db_of(a.journal).execute("SELECT hlc FROM sync_state").fetchone()[0]
    now_ms = int(a.clock.now().timestamp() * 1000)
    assert hlc.wall_ms(own_clock) <= now_ms + hlc.MAX_AHEAD_MS
    a.journal.update_goal(dataclasses.replace(a.journal.get_goal(goal.id), specific="edited on A"))
    net.mesh()
    assert contents(a.journal) == contents(b.journal)


def test_a_device_offline_for_months_catches_up(net: Net) -> None:
    a, b = _pair(net)
    c = net.join("c", a)
    net.mesh()
    mentee = a.journal.get_mentee(_mentee(a))
    for day in range(120):
        a.clock.advance(86400)
        make_note(a.journal, mentee, text=f"Day {day} heron")
        if day % 7 == 0:
            a.sync()
            net.copy_all(a, b)
            b.sync()
    a.sync()
    c.clock.advance(120 * 86400)
    net.mesh()
    assert contents(c.journal) == contents(a.journal) == contents(b.journal)
    assert len(c.journal.search("heron", limit=500)) == 120


def test_a_partition_heals_into_one_journal(net: Net) -> None:
    a, b = _pair(net)
    c = net.join("c", a)
    net.mesh()
    mentee_a = a.journal.get_mentee(_mentee(a))
    note = make_note(a.journal, mentee_a, text="Shared draft")
    net.mesh()
    # a and b talk; c is cut off and keeps writing
    a.journal.save_draft(
        dataclasses.replace(a.journal.get_note(note.id), next_actions="call the college")
    )
    make_mentee(c.journal, "M-900")
    c.journal.save_draft(
        dataclasses.replace(c.journal.get_note(note.id), risk_followup="check in friday")
    )
    for _ in range(2):
        a.sync(), b.sync()
        net.copy_all(a, b), net.copy_all(b, a)
    c.sync()
    assert b.journal.find_mentee("M-900") is None
    net.mesh()
    assert contents(a.journal) == contents(b.journal) == contents(c.journal)
    merged = b.journal.get_note(note.id)
    assert merged.next_actions == "call the college"  # different fields: both edits kept
    assert merged.risk_followup == "check in friday"
    assert b.journal.find_mentee("M-900") is not None


def test_an_erased_mentee_stays_erased_whatever_arrives_later(net: Net) -> None:
    a, b = _pair(net)
    mentee = a.journal.get_mentee(_mentee(a))
    note = make_note(a.journal, mentee, text="Signed words", sign=True)
    net.mesh()
    b.journal.add_addendum(note.id, "A late addendum")
    a.journal.erase_mentee(mentee.id)
    net.mesh()
    for device in (a, b):
        assert device.journal.find_mentee("M-001") is None
        assert not device.journal.search("Signed")
        assert not device.journal.search("addendum")
    assert contents(a.journal) == contents(b.journal)
    from mentorjournal.storage import audit

    erased = {
        (e.kind, e.record_id)
        for e in audit.events(db_of(b.journal), limit=1000)
        if e.action == "erase"
    }
    assert ("note", note.id) in erased  # b's log names what the erasure from a took
    assert any(kind == "addendum" for kind, _id in erased)
    for device in (a, b):
        status = device.journal.sync_status()
        assert status.conflicts == 0 and status.parked_ops == 0


def test_one_code_made_on_two_computers_keeps_both_mentees(net: Net) -> None:
    a, b = _pair(net)
    first = make_mentee(a.journal, "M-777")
    b.clock.advance(60)
    second = make_mentee(b.journal, "M-777")
    make_note(b.journal, second, text="Belongs to the second")
    net.mesh()
    assert contents(a.journal) == contents(b.journal)
    assert a.journal.get_mentee(first.id).code == "M-777"
    assert a.journal.get_mentee(second.id).code.startswith("M-777-")
    assert a.journal.search("Belongs")
    assert any(c.field == "code" for c in a.journal.sync_conflicts())


def test_a_vault_copied_instead_of_joined_is_reported_not_merged_silently(
    net: Net, tmp_path: Path
) -> None:
    import shutil

    from mentorjournal.journal import Journal
    from mentorjournal.paths import VaultPaths
    from tests.fixtures.vault_fixtures import TEST_PASSPHRASE

    a, b = _pair(net)
    a.journal.lock()
    shutil.copytree(tmp_path / "vault-a", tmp_path / "vault-copy")
    state = tmp_path / "state-copy"
    state.mkdir()
    a.journal = Journal.open(
        VaultPaths(tmp_path / "vault-a"), TEST_PASSPHRASE, clock=a.clock,
        state_dir=tmp_path / "state-a",
    )  # fmt: skip
    copy = Journal.open(
        VaultPaths(tmp_path / "vault-copy"), TEST_PASSPHRASE, clock=a.clock, state_dir=state
    )
    try:
        from mentorjournal.storage import sync_log

        copy_view = tmp_path / "view-copy"  # the copy's computer has its own sync folder
        shutil.copytree(a.view, copy_view)
        sync_log.set_folder(db_of(copy), str(copy_view))
        make_mentee(a.journal, "FROM-A")
        make_mentee(copy, "FROM-COPY")
        a.sync()
        copy.sync_now()  # both write the next segment number, not knowing of each other
        net.deliver(Device("copy", copy, copy_view, a.clock), b, net.files(copy_view))
        net.copy_all(a, b)
        report = b.sync()
        assert any("same number" in q for q in report.quarantined)
        assert b.journal.sync_status().quarantined
    finally:
        copy.lock()


def test_verify_sync_checks_each_merged_chain_against_the_folder(net: Net) -> None:
    a, b = _pair(net)
    make_note(a.journal, a.journal.get_mentee(_mentee(a)), text="Checked later")
    a.sync()
    net.copy_all(a, b)
    b.sync()
    assert a.journal.verify_sync() == [] and b.journal.verify_sync() == []
    rel = _segments(net, a)[-1]
    data = bytearray((b.view / rel).read_bytes())
    data[-3] ^= 0xFF
    net.put(b.view, rel, bytes(data))
    problems = b.journal.verify_sync()
    assert len(problems) == 1 and "no longer authenticates" in problems[0]
    (b.view / rel).unlink()
    assert "no longer in the sync folder" in b.journal.verify_sync()[0]


def test_records_made_elsewhere_for_an_erased_mentee_go_with_it_everywhere(net: Net) -> None:
    a, b = _pair(net)
    c = net.join("c", a)
    net.mesh()
    mentee_b = b.journal.get_mentee(_mentee(b))
    goal = make_goal(b.journal, mentee_b, "Back to college")
    b.journal.add_progress(goal.id, gas_level=1, note="first step taken")
    b.sync()
    net.copy_all(b, c)
    c.sync()  # c has the goal; a does not yet
    a.journal.erase_mentee(_mentee(a))
    c.journal.update_goal(dataclasses.replace(c.journal.get_goal(goal.id), specific="later edit"))
    net.mesh(rounds=4)
    first, *others = [contents(d.journal) for d in (a, b, c)]
    assert all(other == first for other in others)
    assert first["goals"] == [] and first["goal_progress"] == []
    for device in (a, b, c):
        assert device.journal.sync_status().parked_ops == 0
