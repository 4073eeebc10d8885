"""Walking one JSON text a value at a time, so a large import never exists twice as objects.

``json.loads`` on a 100 MB export built 2.6 GB of Python objects (every row a list, every
value an object). This walker keeps the text (one string) and decodes only the value it is
asked for, with the standard decoder's ``raw_decode``: an import can then check and insert
one row at a time. Any syntax error raises ``ValueError`` (as ``json`` does).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

_WHITESPACE = " \t\n\r"


class JsonStream:
    """A cursor over ``text``: objects and arrays are entered, leaf values decoded whole."""

    def __init__(self, text: str, parse_constant: Callable[[str], Any] | None = None) -> None:
        self._text = text
        self._pos = 0
        self._decoder = json.JSONDecoder(parse_constant=parse_constant)

    def _skip(self) -> None:
        text, pos = self._text, self._pos
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        self._pos = pos

    def peek(self) -> str:
        """The next significant character ('' at the end)."""
        self._skip()
        return self._text[self._pos : self._pos + 1]

    def _expect(self, char: str) -> None:
        if self.peek() != char:
            raise ValueError(f"expected {char!r} at character {self._pos}")
        self._pos += 1

    def value(self) -> Any:
        """Decode the next value whole (use for small values: a row, a column list)."""
        self._skip()
        value, self._pos = self._decoder.raw_decode(self._text, self._pos)
        return value

    def members(self) -> Iterator[str]:
        """Enter an object: yield each key; the caller consumes its value before the next."""
        self._expect("{")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise ValueError(f"expected a key at character {self._pos}")
            self._expect(":")
            yield key
            if self.peek() == ",":
                self._pos += 1
                continue
            self._expect("}")
            return

    def items(self) -> Iterator[None]:
        """Enter an array: yield before each item; the caller consumes the item."""
        self._expect("[")
        if self.peek() == "]":
            self._pos += 1
            return
        while True:
            yield None
            if self.peek() == ",":
                self._pos += 1
                continue
            self._expect("]")
            return

    def end(self) -> None:
        """Nothing but whitespace may follow the document."""
        if self.peek():
            raise ValueError(f"extra data at character {self._pos}")
