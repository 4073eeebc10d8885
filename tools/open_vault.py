"""Open a Mentor Journal vault without Mentor Journal: the reference reader of docs/vault-format.md.

    python tools/open_vault.py VAULT --passphrase-file FILE --sql STATEMENT [--sql STATEMENT ...]
    python tools/open_vault.py VAULT --recovery-key-file FILE --sql STATEMENT [...]

Runs the statements in order, in one transaction, and prints each statement's rows as one JSON
array per line (a row is an array of values; BLOBs are printed as lowercase hex text). The
transaction commits when every statement succeeded and rolls back otherwise.

It imports only the standard library, ``cryptography`` and ``sqlcipher3`` - never the app - so
it keeps working when the app is gone, and it is deliberately all in one file a mentor (or an
archivist) can read. It is also how the integrity tests tamper with a vault the way someone who
holds the key would: statements here bypass the app, and whatever triggers still stand.

Exit codes: 0 done, 2 usage, 3 wrong passphrase or recovery key, 4 damaged or unknown format,
5 the vault is open in the app, 1 a statement failed (nothing was changed).
"""

from __future__ import annotations

import argparse
import base64
import fcntl
import hashlib
import hmac
import json
import os
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = "MENTORJOURNAL-KEYFILE"
KEYFILE_VERSIONS = (1, 2)
SLOT_FORMAT = 1
#: The most a key file may ask for (the app never writes more): refuse before deriving.
MAX_MEMORY_KIB = 256 * 1024
MAX_ITERATIONS = 12
MAX_LANES = 4
RECOVERY_BYTES = 20
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Failure(Exception):
    """A problem to report as one line, with its exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise Failure("the key file is damaged (a field is not base64 text)", 4)
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise Failure("the key file is damaged (bad base64)", 4) from None


def hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def read_keyfile(path: Path) -> tuple[int, dict[str, Any]]:
    """The key file's version and its JSON body, after the magic and checksum checks."""
    try:
        text = path.read_bytes().decode("ascii")
    except OSError as exc:
        raise Failure(f"cannot read {path}: {exc.strerror}", 4) from None
    except UnicodeDecodeError:
        raise Failure("the key file is damaged (not ASCII text)", 4) from None
    lines = text.split("\n")
    if len(lines) != 4 or lines[3] != "":
        raise Failure("the key file is damaged (wrong layout)", 4)
    magic, _, version_text = lines[0].partition(" ")
    if magic != MAGIC or not version_text.isdigit():
        raise Failure("this is not a Mentor Journal key file", 4)
    signed = f"{lines[0]}\n{lines[1]}\n".encode()
    if lines[2] != "sha256:" + hashlib.sha256(signed).hexdigest():
        raise Failure("the key file is damaged (checksum mismatch)", 4)
    version = int(version_text)
    if version not in KEYFILE_VERSIONS:
        raise Failure(f"key file format {version} is not one this reader knows", 4)
    return version, json.loads(lines[1])


def slot_ad(vault_id: str, slot: str, extra: dict[str, Any]) -> bytes:
    return canonical({"format": SLOT_FORMAT, "vault_id": vault_id, "slot": slot, **extra})


def unwrap(kek: bytes, wrapped: list[str], ad: bytes) -> bytes:
    try:
        return AESGCM(kek).decrypt(unb64(wrapped[0]), unb64(wrapped[1]), ad)
    except InvalidTag:
        raise Failure("the passphrase or recovery key is not correct", 3) from None


def data_key_from_passphrase(body: dict[str, Any], passphrase: str) -> bytes:
    header = body["header"]
    slot = header["passphrase"]
    memory, iterations, lanes = slot["memory_kib"], slot["iterations"], slot["lanes"]
    if not (0 < memory <= MAX_MEMORY_KIB and 0 < iterations <= MAX_ITERATIONS
            and 0 < lanes <= MAX_LANES):  # fmt: skip
        raise Failure("the key file is damaged (its key-derivation cost is out of range)", 4)
    salt = unb64(slot["salt"])
    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    kek = Argon2id(
        salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory
    ).derive(secret)
    params = {"kdf": "argon2id", "memory_kib": memory, "iterations": iterations, "lanes": lanes}
    ad = slot_ad(header["vault_id"], "passphrase", {**params, "salt": slot["salt"]})
    return unwrap(kek, body["wrapped"]["passphrase"], ad)


def recovery_secret(text: str) -> bytes:
    cleaned = "".join(c for c in text.upper() if c not in " -\t\r\n_")
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 36 or any(c not in _B32 for c in cleaned):
        raise Failure("the recovery key is not nine groups of four letters and digits", 3)
    secret = base64.b32decode(cleaned[:32])
    check = hashlib.sha256(b"mentorjournal recovery check\x00" + secret).digest()
    if base64.b32encode(check)[:4].decode("ascii") != cleaned[32:]:
        raise Failure("the recovery key has a typo: its last group does not match", 3)
    return secret


def data_key_from_recovery(body: dict[str, Any], recovery_key: str) -> bytes:
    header = body["header"]
    salt_text = header["recovery"]["salt"]
    kek = hkdf(recovery_secret(recovery_key), b"mentorjournal recovery kek v1", unb64(salt_text))
    ad = slot_ad(header["vault_id"], "recovery", {"kdf": "hkdf-sha256", "salt": salt_text})
    return unwrap(kek, body["wrapped"]["recovery"], ad)


def check_keyfile_mac(body: dict[str, Any], data_key: bytes) -> None:
    mac_key = hkdf(data_key, b"mentorjournal keyfile mac v1")
    signed = canonical({"header": body["header"], "wrapped": body["wrapped"]})
    expected = hmac.new(mac_key, signed, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, unb64(body["mac"])):
        raise Failure("the key file has been altered (its authentication code does not match)", 4)


def lock_vault(folder: Path) -> int:
    """Hold the app's single-instance lock so the app and this tool never write at once."""
    fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise Failure("the vault is open in Mentor Journal; close it first", 5) from None
    return fd


def open_database(path: Path, data_key: bytes) -> Any:
    if not path.is_file() or path.stat().st_size < 1024:
        raise Failure(f"the database {path} is missing or truncated", 4)
    conn = sqlcipher3.connect(f"file:{path.as_posix()}?mode=rw", uri=True, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise Failure("the database cannot be read: damaged, or not this key file's", 4) from None
    for pragma in ("foreign_keys = ON", "secure_delete = ON", "temp_store = MEMORY"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def json_value(value: object) -> object:
    return value.hex() if isinstance(value, bytes | bytearray | memoryview) else value


def run(conn: Any, statements: Sequence[str]) -> list[str]:
    """Every statement in one transaction; the output lines, or a rollback and ``Failure``."""
    lines: list[str] = []
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number, statement in enumerate(statements, start=1):
            try:
                rows = conn.execute(statement).fetchall()
            except sqlcipher3.Error as exc:
                raise Failure(f"statement {number} failed: {exc}; nothing was changed", 1) from None
            lines.append(json.dumps([[json_value(v) for v in row] for row in rows],
                                    ensure_ascii=False))  # fmt: skip
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return lines


def first_line(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError):
        raise Failure(f"cannot read the {what} file {path}", 2) from None


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="open_vault.py", description=__doc__.split("\n\n")[0], allow_abbrev=False
    )
    parser.add_argument("vault", metavar="VAULT", help="the vault folder (vault.key, journal.db)")
    secret = parser.add_mutually_exclusive_group(required=True)
    secret.add_argument("--passphrase-file", metavar="FILE", help="passphrase on the first line")
    secret.add_argument("--recovery-key-file", metavar="FILE", help="recovery key, first line")
    parser.add_argument(
        "--sql", metavar="STATEMENT", action="append", required=True,
        help="a statement to run (repeat; all run in order in one transaction)",
    )  # fmt: skip
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    folder = Path(args.vault)
    try:
        version, body = read_keyfile(folder / "vault.key")
        try:
            if args.passphrase_file:
                data_key = data_key_from_passphrase(
                    body, first_line(args.passphrase_file, "passphrase")
                )
            else:
                data_key = data_key_from_recovery(
                    body, first_line(args.recovery_key_file, "recovery key")
                )
            check_keyfile_mac(body, data_key)
        except (KeyError, TypeError, ValueError, IndexError):
            raise Failure(
                f"the key file (format {version}) is damaged (a field is missing)", 4
            ) from None
        fd = lock_vault(folder)
        try:
            conn = open_database(folder / "journal.db", data_key)
            try:
                lines = run(conn, args.sql)
            finally:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()
        finally:
            os.close(fd)
    except Failure as failure:
        print(f"open_vault: {failure}", file=sys.stderr)
        return failure.code
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
