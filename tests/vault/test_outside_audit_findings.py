"""Each finding of the outside audit that lives in the vault, CLI and file code, replayed.

Every test here failed before its fix: the predictable export temp name, ``init`` over a stray
creation marker, unauthenticated KDF cost, lax umask, argument abbreviations that echo a
secret, tracebacks instead of one line, and padded-common-word passphrases.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from mentorjournal.backup import create_backup
from mentorjournal.clock import ManualClock
from mentorjournal.demo import DEMO_PASSPHRASE
from mentorjournal.errors import VaultCorrupt, WeakPassphrase
from mentorjournal.paths import VaultPaths
from mentorjournal.vault import kdf
from mentorjournal.vault.keyfile import parse, serialise
from mentorjournal.vault.passphrase import PUBLISHED_PASSPHRASES, check_passphrase
from mentorjournal.vault.unlocked import create_vault, unlock_vault
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]


def _one_plain_line(result: CliResult) -> None:
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line]
    assert lines and all(line.startswith("mentorjournal: ") for line in lines), result.stderr
    assert len(lines) <= 2  # the message, and at most one line of advice


@pytest.fixture
def locked(new_vault: CreatedVault) -> CreatedVault:
    new_vault.vault.lock()
    return new_vault


@pytest.fixture
def lax_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


# --- 1: export --json in a folder others can write ----------------------------------------


def test_export_json_never_follows_a_planted_temp_name(
    run_cli: Run, locked: CreatedVault, passphrase_file: Path, tmp_path: Path, lax_umask: None
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    target = shared / "out.json"
    # The old temp name was predictable (".NAME.tmp-<pid>"); an attacker plants a symlink there.
    (shared / f".out.json.tmp-{os.getpid()}").symlink_to(victim)
    result = run_cli(
        "--vault", locked.paths.root, "export", "--json", target, "--passphrase-file",
        passphrase_file,
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "mentorjournal-export"
    leftovers = [p.name for p in shared.iterdir() if p.name.endswith(".part")]
    assert leftovers == []


# --- 2: a stray creation marker never costs a journal -----------------------------------------


@pytest.mark.parametrize("marker_text", [b"", b"not a vault id", None])
def test_init_over_a_vault_with_a_stray_creation_marker_is_refused(
    run_cli: Run, locked: CreatedVault, passphrase_file: Path, marker_text: bytes | None
) -> None:
    marker = locked.paths.root / ".creating"
    if marker_text is None:
        # Even a marker naming this very vault: it has been unlocked since, so it holds notes.
        unlock_vault(
            locked.paths, locked.passphrase, clock=locked.clock, state_dir=locked.state_dir
        ).lock()
        kf = parse(locked.paths.keyfile.read_bytes())
        marker_text = kf.vault_id.encode()
    marker.write_bytes(marker_text)
    before = locked.paths.database.read_bytes()
    result = run_cli("--vault", locked.paths.root, "init", "--passphrase-file", passphrase_file)
    assert result.code == 1
    assert "already exists" in result.stderr
    assert locked.paths.database.read_bytes() == before
    unlock_vault(
        locked.paths, locked.passphrase, clock=locked.clock, state_dir=locked.state_dir
    ).lock()


# --- 5: the KDF cost in the key file is capped before it is used --------------------------


def _with_cost(keyfile_bytes: bytes, memory_kib: int, iterations: int) -> bytes:
    kf = parse(keyfile_bytes)
    # KdfParams itself allows these (they are legal Argon2id costs); only the cap refuses them.
    params = kdf.KdfParams(memory_kib, iterations, kf.passphrase.params.lanes)
    return serialise(replace(kf, passphrase=replace(kf.passphrase, params=params)))


@pytest.mark.parametrize(
    ("memory_kib", "iterations"), [(1024, 1000), (4 * 1024 * 1024, 1), (512 * 1024, 3)]
)
def test_a_key_file_asking_for_an_absurd_kdf_cost_is_refused_at_once_as_damaged(
    run_cli: Run,
    locked: CreatedVault,
    passphrase_file: Path,
    memory_kib: int,
    iterations: int,
) -> None:
    keyfile = locked.paths.keyfile
    keyfile.write_bytes(_with_cost(keyfile.read_bytes(), memory_kib, iterations))
    result = run_cli("--vault", locked.paths.root, "verify", "--passphrase-file", passphrase_file)
    assert result.code == 4
    assert "damaged" in result.stderr
    _one_plain_line(result)


def _rewrite_backup_keyfile(backup: Path, change: Callable[[bytes], bytes]) -> None:
    data = backup.read_bytes()
    head = struct.Struct(">8sHI")
    magic, version, key_len = head.unpack_from(data)
    keyfile = data[head.size : head.size + key_len]
    rest = data[head.size + key_len : -32]
    new_key = change(keyfile)
    body = head.pack(magic, version, len(new_key)) + new_key + rest
    backup.write_bytes(body + hashlib.sha256(body).digest())


def test_a_backup_asking_for_an_absurd_kdf_cost_is_refused_as_damaged(
    run_cli: Run, new_vault: CreatedVault, passphrase_file: Path, tmp_path: Path
) -> None:
    backup = create_backup(new_vault.vault, tmp_path / "backups", clock=new_vault.clock)
    new_vault.vault.lock()
    _rewrite_backup_keyfile(backup, lambda kf: _with_cost(kf, 1024, 1000))
    result = run_cli(
        "--vault", new_vault.paths.root, "restore", backup, "--passphrase-file", passphrase_file
    )
    assert result.code == 4
    assert "damaged" in result.stderr
    _one_plain_line(result)


# --- 9: folders the app makes are private whatever the umask ---------------------------------


def test_every_folder_made_for_a_vault_is_0700_under_umask_000(
    fast_kdf: kdf.KdfParams, passphrase: str, tmp_path: Path, lax_umask: None
) -> None:
    paths = VaultPaths(tmp_path / "a" / "b" / "vault")
    state = tmp_path / "s1" / "s2"
    vault, _ = create_vault(paths, passphrase, clock=ManualClock(), state_dir=state)
    vault.lock()
    for folder in (tmp_path / "a", tmp_path / "a" / "b", paths.root, tmp_path / "s1", state):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


# --- 10: no abbreviations, and no secret echoed ------------------------------------------------


def test_a_secret_typed_after_a_wrong_option_is_neither_used_nor_echoed(
    run_cli: Run, locked: CreatedVault
) -> None:
    secret = "my secret passphrase words"
    result = run_cli("--vault", locked.paths.root, "verify", "--passphrase", secret)
    assert result.code == 2
    assert secret not in result.stdout + result.stderr
    assert "--passphrase" in result.stderr
    joined = run_cli("--vault", locked.paths.root, "verify", f"--passphrase={secret}")
    assert joined.code == 2
    assert secret not in joined.stdout + joined.stderr


# --- 11: one plain line instead of a traceback -------------------------------------------------


def test_export_json_to_a_folder_target_or_a_missing_folder_is_one_line(
    run_cli: Run, locked: CreatedVault, passphrase_file: Path, tmp_path: Path
) -> None:
    taken = tmp_path / "a-folder"
    taken.mkdir()
    for target in (taken, tmp_path / "missing" / "out.json"):
        result = run_cli(
            "--vault", locked.paths.root, "export", "--json", target, "--passphrase-file",
            passphrase_file,
        )  # fmt: skip
        assert result.code == 1, result.stderr
        _one_plain_line(result)
    assert list(taken.iterdir()) == []


def test_a_key_file_that_is_a_folder_is_reported_as_damaged(
    run_cli: Run, locked: CreatedVault, passphrase_file: Path
) -> None:
    locked.paths.keyfile.unlink()
    locked.paths.keyfile.mkdir()
    result = run_cli("--vault", locked.paths.root, "verify", "--passphrase-file", passphrase_file)
    assert result.code == 4
    _one_plain_line(result)
    with pytest.raises(VaultCorrupt):
        unlock_vault(
            locked.paths, locked.passphrase, clock=locked.clock, state_dir=locked.state_dir
        )


def test_running_out_of_memory_is_one_line(
    run_cli: Run,
    locked: CreatedVault,
    passphrase_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "export.json"
    source.write_text('{"format": "mentorjournal-export"}', encoding="utf-8")

    def exhausted(*_args: object, **_kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(json, "loads", exhausted)  # the machine, not our code, runs out
    result = run_cli(
        "--vault", locked.paths.root, "import", "--json", source, "--passphrase-file",
        passphrase_file,
    )  # fmt: skip
    assert result.code == 1
    assert "memory" in result.stderr
    _one_plain_line(result)


def test_a_damaged_database_gives_no_sqlcipher_log_noise(
    run_cli_process: Run, locked: CreatedVault, passphrase_file: Path
) -> None:
    database = locked.paths.database
    data = bytearray(database.read_bytes())
    data[4096 + 100] ^= 0xFF  # inside page 2: its HMAC no longer matches
    database.write_bytes(bytes(data))
    result = run_cli_process(
        "--vault", locked.paths.root, "verify", "--passphrase-file", passphrase_file
    )
    assert result.code == 4
    assert "ERROR" not in result.stderr
    _one_plain_line(result)


# --- 12: the passphrase policy --------------------------------------------------------------


@pytest.mark.parametrize(
    "weak", ["Password1234567!", "Welcome2024!!!!!", "Summer2026Summer!", "Monkey!!1234567890"]
)
def test_one_common_word_with_padding_is_refused(weak: str) -> None:
    with pytest.raises(WeakPassphrase):
        check_passphrase(weak)


@pytest.mark.parametrize(
    "fine", ["blue giraffe 77 tractor", "Zq8#vL2!mW9@kR4x", "reset passphrase: river lantern"]
)
def test_several_words_or_random_letters_still_pass(fine: str) -> None:
    check_passphrase(fine)


def test_the_published_demo_passphrase_cannot_protect_a_real_vault(
    run_cli: Run, fast_kdf: kdf.KdfParams, tmp_path: Path
) -> None:
    assert DEMO_PASSPHRASE in PUBLISHED_PASSPHRASES
    secret = tmp_path / "demo-passphrase.txt"
    secret.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
    result = run_cli("--vault", tmp_path / "real", "init", "--passphrase-file", secret)
    assert result.code == 1
    assert "published" in result.stderr
    assert not (tmp_path / "real" / "vault.key").exists()
    check_passphrase(DEMO_PASSPHRASE, allow_published=True)  # the demo vault itself still opens
