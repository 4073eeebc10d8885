"""After real use (writes, full-text index, backup, rekey, restore) no file anywhere under the
test root (vault, HOME, XDG folders, TMPDIR) holds a canary word or the data key in plaintext."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

from mentorjournal.backup import create_backup, restore_backup
from mentorjournal.storage.connection import transaction
from mentorjournal.vault.unlocked import unlock_vault
from tests.conftest import TEST_ROOT
from tests.fixtures.vault_fixtures import CreatedVault


def _files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            yield path


def _needles(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.upper().encode("utf-8")]


def _hits(needles: list[bytes]) -> list[str]:
    found = []
    for path in _files(TEST_ROOT):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        found += [f"{path} contains {n[:12]!r}" for n in needles if n in data]
    return found


def test_no_plaintext_canary_or_key_anywhere_after_use(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    canary = f"canary{uuid.uuid4().hex}"
    vault = new_vault.vault
    with transaction(vault.connection):
        vault.connection.execute("CREATE TABLE notes(body TEXT)")
        vault.connection.executemany(
            "INSERT INTO notes VALUES (?)", [(f"note {i} about {canary} zebra",) for i in range(50)]
        )
        vault.connection.execute(
            "INSERT INTO search_index(title, body, kind, record_id) VALUES (?, ?, 'note', 'x')",
            (canary, f"the body mentions {canary}"),
        )
    data_key = bytes(vault.data_key_view())
    vault.connection.execute("DELETE FROM notes WHERE rowid % 2 = 0")
    backup = create_backup(vault, tmp_path / "backups", clock=new_vault.clock)
    vault.change_passphrase(new_vault.passphrase, new_vault.passphrase + " and more")
    vault.lock()
    restore_backup(
        backup,
        new_vault.paths,
        new_vault.passphrase,
        clock=new_vault.clock,
        state_dir=new_vault.state_dir,
    )
    again = unlock_vault(
        new_vault.paths, new_vault.passphrase, clock=new_vault.clock, state_dir=new_vault.state_dir
    )
    count = again.connection.execute(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (f'"{canary}"',)
    ).fetchone()[0]
    assert count == 1  # the canary really is in there, readable with the key
    again.lock()
    assert any(TEST_ROOT in p.parents for p in _files(new_vault.paths.root))
    hits = _hits(
        [*_needles(canary), data_key, data_key.hex().encode(), data_key.hex().upper().encode()]
    )
    assert hits == []


def test_the_scan_can_fail(tmp_path: Path) -> None:
    """The scanner finds a plaintext canary when one exists (so a pass above means something)."""
    canary = f"canary{uuid.uuid4().hex}"
    (tmp_path / "leak.txt").write_text(f"oops {canary}", encoding="utf-16-le")
    assert len(_hits(_needles(canary))) == 1
