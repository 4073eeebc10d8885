"""Sync under faults: a crash between a segment landing in the folder and the database
forgetting its operations, and a full disk while writing a segment. Nothing is lost and
nothing is applied twice."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.errors import DiskFull
from mentorjournal.storage import sync_log
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note
from tests.sync.harness import Net, contents


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def test_a_crash_after_the_segment_landed_republishes_and_applies_once(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    b = net.join("b", a)
    mentee = a.journal.find_mentee("M-001")
    assert mentee is not None
    make_note(a.journal, mentee, text="Written before the crash")

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the process dies right after the rename

    with monkeypatch.context() as patch:
        patch.setattr(sync_log, "drop_outbox_upto", crash)
        with pytest.raises(KeyboardInterrupt):
            a.sync()
    assert sync_log.outbox_count(db_of(a.journal)) == 1  # not forgotten
    a.sync()  # publishes again, as the next segment
    net.copy_all(a, b)
    report = b.sync()
    assert report.applied_segments == 2
    assert len(b.journal.search("crash")) == 1
    assert contents(a.journal) == contents(b.journal)


def test_a_full_disk_while_writing_a_segment_loses_nothing(
    net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = net.first("a", lambda j: make_mentee(j, "M-001"))
    b = net.join("b", a)
    mentee = a.journal.find_mentee("M-001")
    assert mentee is not None
    make_note(a.journal, mentee, text="Kept through a full disk")
    before = sorted(p.name for p in a.view.rglob("*") if p.is_file())

    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", full)
        with pytest.raises(DiskFull, match="saved on this computer"):
            a.sync()
    assert sorted(p.name for p in a.view.rglob("*") if p.is_file()) == before  # no partial file
    assert sync_log.outbox_count(db_of(a.journal)) == 1
    a.sync()
    net.copy_all(a, b)
    b.sync()
    assert b.journal.search("full disk")
