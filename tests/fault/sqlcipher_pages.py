"""Decrypt SQLCipher 4 pages with the raw data key, to look for residue a SELECT cannot show.

Deleted rows live on in free pages and slack space unless secure_delete zeroes them; the only
way to prove it did is to read every page as plaintext. SQLCipher 4 defaults: 4096-byte pages,
each AES-256-CBC encrypted with a random 16-byte IV stored in the page's 80-byte reserved tail
(IV 16 + HMAC-SHA512 64); page 1 starts with the 16-byte salt instead of the SQLite header.
A raw 32-byte key (``x'...'``) is the AES key itself. Used only by tests.
"""

from __future__ import annotations

from collections.abc import Iterator

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
IV_SIZE = 16
SALT_SIZE = 16


def decrypt_pages(data: bytes, key: bytes, *, page_size: int = PAGE_SIZE) -> Iterator[bytes]:
    """Yield the plaintext of every whole page in ``data`` (a database file's bytes)."""
    for offset in range(0, len(data) - page_size + 1, page_size):
        page = data[offset : offset + page_size]
        start = SALT_SIZE if offset == 0 else 0
        iv = page[page_size - RESERVE : page_size - RESERVE + IV_SIZE]
        body = page[start : page_size - RESERVE]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        yield decryptor.update(body) + decryptor.finalize()


def wal_frames(data: bytes, *, page_size: int = PAGE_SIZE) -> bytes:
    """The page images inside a WAL file (32-byte file header, 24-byte frame headers)."""
    frames = bytearray()
    offset = 32
    while offset + 24 + page_size <= len(data):
        frames += data[offset + 24 : offset + 24 + page_size]
        offset += 24 + page_size
    return bytes(frames)


def plaintext_contains(data: bytes, key: bytes, needle: bytes) -> bool:
    """True when any decrypted page holds ``needle`` (UTF-8 text as SQLite stores it)."""
    return any(needle in page for page in decrypt_pages(data, key))
