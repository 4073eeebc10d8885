"""The sync CLI contract with two vault folders sharing one sync folder (issue "Done when").

A canary written on one computer is found by ``search`` on the other after ``sync now`` on
both, and in no byte of the sync folder; concurrent edits of one draft leave both texts
reachable; ``verify`` passes on both.
"""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]
CANARY = "Quillfeather7Canary"


def _ok(result: CliResult) -> CliResult:
    assert result.code == 0, result.stderr
    return result


def _last_line(result: CliResult) -> str:
    return _ok(result).stdout.strip().splitlines()[-1]


@pytest.fixture
def devices(
    new_vault: CreatedVault, passphrase_file: Path, run_cli: Run, tmp_path: Path
) -> tuple[Run, Run, Path, CreatedVault]:
    """Device A (an existing vault, sync set up) and device B (joined with the recovery key)."""
    new_vault.vault.lock()
    folder = tmp_path / "Sync"
    folder.mkdir()
    vault_b = tmp_path / "vault-b"

    def on(root: Path) -> Run:
        def run(*args: str | os.PathLike[str], stdin: str | None = None) -> CliResult:
            return run_cli(
                *args, "--vault", root, "--passphrase-file", passphrase_file, stdin=stdin
            )

        return run

    a, b = on(new_vault.paths.root), on(vault_b)
    _ok(a("mentee", "add", "--code", "M-101"))
    _ok(a("sync", "setup", "--folder", folder))
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(new_vault.recovery_key + "\n", encoding="utf-8")
    _ok(b("sync", "join", "--folder", folder, "--recovery-key-file", key_file))
    return a, b, folder, new_vault


def _all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


def test_a_canary_crosses_over_and_is_never_in_clear_in_the_folder(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, folder, _vault = devices
    note_id = _last_line(a("note", "add", "--mentee", "M-101", stdin=f"Talked about {CANARY}."))
    assert _ok(b("search", CANARY, "--json")).stdout.strip() == "[]"
    _ok(a("sync", "now"))
    report = json.loads(_ok(b("sync", "now", "--json")).stdout)
    assert report["applied_ops"] >= 1
    hits = json.loads(_ok(b("search", CANARY, "--json")).stdout)
    assert [h["id"] for h in hits] == [note_id]
    files = _all_bytes(folder)
    assert any(p.suffix == ".seg" for p, _ in files)
    needles = [CANARY.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]
    needles += [CANARY.lower().encode(), b"M-101"]
    if len(platform.node()) >= 4:
        needles.append(platform.node().encode())  # device names are sealed too
    for path, data in files:
        for needle in needles:
            assert needle not in data, f"{needle!r} in clear text in {path}"


def test_verify_passes_on_both_after_syncing_both_ways(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, _folder, _vault = devices
    note_id = _last_line(b("note", "add", "--mentee", "M-101", stdin="Written on B."))
    _ok(b("note", "sign", note_id))
    _ok(b("sync", "now"))
    _ok(a("sync", "now"))
    assert "Written on B." in _ok(a("note", "show", note_id)).stdout
    _ok(a("note", "addendum", note_id, stdin="An addendum from A."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    assert "An addendum from A." in _ok(b("note", "show", note_id)).stdout
    _ok(a("verify"))
    _ok(b("verify"))


def test_concurrent_edits_of_one_draft_keep_both_texts(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, _folder, _vault = devices
    note_id = _last_line(a("note", "add", "--mentee", "M-101", stdin="First version."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    _ok(a("note", "edit", note_id, stdin="Edited at home."))
    _ok(b("note", "edit", note_id, stdin="Edited at the office."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    _ok(a("sync", "now"))
    for run in (a, b):
        shown = _ok(run("note", "show", note_id)).stdout
        conflicts = json.loads(_ok(run("sync", "conflicts", "--json")).stdout)
        assert len(conflicts) == 1 and conflicts[0]["record_id"] == note_id
        reachable = shown + conflicts[0]["other_value"] + conflicts[0]["current_value"]
        assert "Edited at home." in reachable and "Edited at the office." in reachable
        status = json.loads(_ok(run("sync", "status", "--json")).stdout)
        assert status["conflicts"] == 1
    texts = {_ok(run("note", "show", note_id)).stdout.count("Edited at") for run in (a, b)}
    assert texts == {1}  # both show the same winner; the other text is the conflict


def test_status_json_names_both_devices_and_what_is_pending(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, _folder, _vault = devices
    _ok(a("mentee", "add", "--code", "M-102"))
    status = json.loads(_ok(a("sync", "status", "--json")).stdout)
    assert status["enabled"] is True and status["pending_local_ops"] == 1
    assert len(status["devices"]) == 2
    assert sum(d["this_device"] for d in status["devices"]) == 1
    _ok(a("sync", "now"))
    status_b = json.loads(_ok(b("sync", "status", "--json")).stdout)
    other = [d for d in status_b["devices"] if not d["this_device"]]
    assert other[0]["pending_segments"] == 1
    _ok(b("sync", "now"))
    assert "M-102" in _ok(b("mentee", "list")).stdout
    named = json.loads(_ok(b("sync", "status", "--json")).stdout)["devices"]
    assert [d["name"] for d in named] == [platform.node()] * 2


def test_join_with_a_wrong_recovery_key_makes_no_vault(
    devices: tuple[Run, Run, Path, CreatedVault], run_cli: Run, tmp_path: Path,
    passphrase_file: Path,
) -> None:  # fmt: skip
    _a, _b, folder, _vault = devices
    wrong = tmp_path / "wrong.txt"
    from mentorjournal.vault.recovery import format_recovery_key

    wrong.write_text(format_recovery_key(bytes(20)) + "\n", encoding="utf-8")
    target = tmp_path / "vault-c"
    result = run_cli(
        "sync", "join", "--folder", folder, "--recovery-key-file", wrong,
        "--vault", target, "--passphrase-file", passphrase_file,
    )  # fmt: skip
    assert result.code == 3 and "recovery key" in result.stderr
    assert not target.exists()


def test_setup_refuses_a_missing_folder_and_a_vault_inside_the_folder(
    new_vault: CreatedVault, passphrase_file: Path, run_cli: Run, tmp_path: Path
) -> None:
    new_vault.vault.lock()
    base = ("--vault", new_vault.paths.root, "--passphrase-file", passphrase_file)
    missing = run_cli("sync", "setup", "--folder", tmp_path / "nowhere", *base)
    assert missing.code == 1 and "missing" in missing.stderr
    inside = run_cli("sync", "setup", "--folder", new_vault.paths.root.parent, *base)
    assert inside.code == 1 and "inside the sync folder" in inside.stderr
    assert "off" in _ok(run_cli("sync", "status", *base)).stdout


def test_a_json_export_carries_no_sync_key_and_imports_as_a_vault_that_does_not_sync(
    devices: tuple[Run, Run, Path, CreatedVault], run_cli: Run, tmp_path: Path,
    passphrase_file: Path,
) -> None:  # fmt: skip
    a, _b, _folder, vault = devices
    from mentorjournal.journal import Journal

    journal = Journal.open(
        vault.paths, vault.passphrase, clock=vault.clock, state_dir=vault.state_dir
    )
    try:
        key = bytes(db_of(journal).execute("SELECT sync_key FROM sync_state").fetchone()[0])
    finally:
        journal.lock()
    target = tmp_path / "export.json"
    _ok(a("export", "--json", target))
    data = target.read_bytes()
    import base64

    for form in (key, key.hex().encode(), base64.b64encode(key)):
        assert form not in data
    assert b'"sync_' not in data
    fresh = tmp_path / "imported"
    base = ("--vault", fresh, "--passphrase-file", passphrase_file)
    _ok(run_cli("init", *base))
    _ok(run_cli("import", "--json", target, *base))
    assert "M-101" in _ok(run_cli("mentee", "list", *base)).stdout
    assert "off" in _ok(run_cli("sync", "status", *base)).stdout


def test_verify_reports_a_merged_segment_changed_in_the_folder(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, folder, _vault = devices
    _ok(a("note", "add", "--mentee", "M-101", stdin="Verified words."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    assert "sync chains" in _ok(b("verify")).stdout
    newest = max(folder.rglob("*.seg"), key=lambda p: p.stat().st_mtime_ns)
    data = bytearray(newest.read_bytes())
    data[-1] ^= 0x01
    newest.write_bytes(bytes(data))
    result = b("verify")
    assert result.code == 4 and "no longer authenticates" in result.stderr


def test_taking_the_other_version_back_reaches_both_computers(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, _folder, _vault = devices
    note_id = _last_line(a("note", "add", "--mentee", "M-101", stdin="First version."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    _ok(a("note", "edit", note_id, stdin="Home words."))
    _ok(b("note", "edit", note_id, stdin="Office words."))
    for run in (a, b, a):
        _ok(run("sync", "now"))
    conflict = json.loads(_ok(a("sync", "conflicts", "--json")).stdout)[0]
    other = "Home words." if "Office" in conflict["current_value"] else "Office words."
    _ok(a("sync", "resolve", conflict["id"], "--keep-other"))
    assert json.loads(_ok(a("sync", "conflicts", "--json")).stdout) == []
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    for run in (a, b):
        assert other in _ok(run("note", "show", note_id)).stdout
        assert json.loads(_ok(run("search", other.split(maxsplit=1)[0], "--json")).stdout)
    assert a("sync", "resolve", conflict["id"]).code == 2  # settled once


def test_a_signed_note_refuses_the_other_version(
    devices: tuple[Run, Run, Path, CreatedVault],
) -> None:
    a, b, _folder, _vault = devices
    note_id = _last_line(a("note", "add", "--mentee", "M-101", stdin="Draft."))
    _ok(a("sync", "now"))
    _ok(b("sync", "now"))
    _ok(b("note", "edit", note_id, stdin="Late edit on the office computer."))
    _ok(a("note", "sign", note_id))
    for run in (a, b, a):
        _ok(run("sync", "now"))
    conflict = json.loads(_ok(b("sync", "conflicts", "--json")).stdout)[0]
    result = b("sync", "resolve", conflict["id"], "--keep-other")
    assert result.code == 6 and "signed" in result.stderr
    assert "Late edit" in conflict["other_value"] + conflict["current_value"]
