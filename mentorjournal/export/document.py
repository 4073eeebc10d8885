"""A small, format-neutral document model: one model, three writers, the same look everywhere.

Every export (a mentee's record, the coping plan, the supervision summary) is built as a
``Document`` first and only then handed to a writer (Markdown, PDF, DOCX). Builders therefore
never know about file formats, and writers never know about mentees or sessions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from mentorjournal.errors import ValidationError

MAX_HEADING_LEVEL = 3


def clean_text(text: str) -> str:
    """Drop what no writer can store (control characters, lone surrogates); keep newlines.

    Notes can hold anything a keyboard or a paste produced; XML (DOCX) and PDF text both
    reject control characters and unpaired surrogates, so they are removed once, here.
    """
    out: list[str] = []
    for char in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "):
        category = unicodedata.category(char)
        if char == "\n" or category not in ("Cc", "Cs", "Co", "Cn"):
            out.append(char)
    return "".join(out)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


def _runs(value: str | Run | Iterable[Run]) -> tuple[Run, ...]:
    if isinstance(value, str):
        return (Run(value),)
    if isinstance(value, Run):
        return (value,)
    return tuple(value)


@dataclass(frozen=True)
class Heading:
    """A section title; level 1 is the highest below the document title."""

    level: int
    text: str

    def __post_init__(self) -> None:
        if not 1 <= self.level <= MAX_HEADING_LEVEL:
            raise ValidationError(f"Heading level must be 1 to {MAX_HEADING_LEVEL}.")
        object.__setattr__(self, "text", clean_text(self.text).replace("\n", " "))


@dataclass(frozen=True)
class Paragraph:
    """Running text made of runs; ``Paragraph.of("text")`` for the plain case."""

    runs: tuple[Run, ...]

    @classmethod
    def of(cls, value: str | Run | Iterable[Run]) -> Paragraph:
        return cls(_runs(value))

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BulletList:
    """An unordered list; each item is a sequence of runs."""

    items: tuple[tuple[Run, ...], ...]

    @classmethod
    def of(cls, items: Iterable[str | Run | Iterable[Run]]) -> BulletList:
        return cls(tuple(_runs(item) for item in items))


#: Column sizing, in characters: padding either side of a word, values short enough to keep
#: on one line (dates, codes), and the mean length beyond which a column asks for no more.
_CELL_PADDING = 3.0
_SHORT_CELL = 18.0
_WIDE_CELL = 40.0


@dataclass(frozen=True)
class Table:
    """A grid of plain text cells; the first row is a header when ``header`` is true."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = True

    def __post_init__(self) -> None:
        width = max((len(row) for row in self.rows), default=0)
        padded = tuple(
            tuple(clean_text(cell) for cell in row) + ("",) * (width - len(row))
            for row in self.rows
        )
        object.__setattr__(self, "rows", padded)

    @property
    def columns(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def column_weights(self, line_chars: float) -> tuple[float, ...]:
        """Relative column widths that sum to 1, for a line ``line_chars`` characters wide.

        Equal columns broke "Withdrawn" into "Withdraw / n" beside a column of dates with room
        to spare. Every column first gets its longest word (so no word breaks if that can be
        helped at all); the room left goes to the columns that want more: short values (dates)
        whole on one line, long text by how much its cells hold on average (capped, so one
        long note does not starve its neighbours).
        """
        if not self.rows:
            return ()
        floors: list[float] = []
        wanted: list[float] = []
        for c in range(self.columns):
            cells = [row[c] for row in self.rows]
            longest_word = max((len(w) for cell in cells for w in cell.split()), default=1)
            floor = longest_word + _CELL_PADDING
            whole_short = min(max(len(cell) for cell in cells), _SHORT_CELL) + _CELL_PADDING
            mean_length = min(sum(len(cell) for cell in cells) / len(cells), _WIDE_CELL)
            floors.append(floor)
            wanted.append(max(floor, whole_short, mean_length))
        room = line_chars - sum(floors)
        extra = [w - f for w, f in zip(wanted, floors, strict=True)]
        if room <= 0 or sum(extra) <= 0:
            weights = floors
        elif sum(extra) <= room:
            weights = wanted
        else:
            weights = [f + room * e / sum(extra) for f, e in zip(floors, extra, strict=True)]
        total = sum(weights)
        return tuple(w / total for w in weights)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (a thematic break in Markdown)."""


Block = Heading | Paragraph | BulletList | Table | PageBreak


@dataclass(frozen=True)
class Document:
    """What an export says, before any format is chosen."""

    title: str
    subtitle: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", clean_text(self.title).replace("\n", " "))
        object.__setattr__(self, "subtitle", clean_text(self.subtitle))

    def plain_text(self) -> str:
        """All the words of the document, for checks and search (no formatting)."""
        parts = [self.title, self.subtitle]
        for block in self.blocks:
            if isinstance(block, Heading | Paragraph):
                parts.append(block.text)
            elif isinstance(block, BulletList):
                parts.extend("".join(run.text for run in item) for item in block.items)
            elif isinstance(block, Table):
                parts.extend(" | ".join(row) for row in block.rows)
        return "\n".join(part for part in parts if part)
