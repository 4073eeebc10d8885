"""The supervision draft: anonymised text the mentor can inspect and correct before export.

Each block keeps its original text and the list of replacements made in it, so the preview
can show every replacement, restore one ("keep original"), or redact any other stretch of
text. Blocks are immutable: every edit returns a new draft, so an edit can never half-apply.
Offsets in ``Replacement`` refer to the block's original text; ``spans()`` maps them to the
text shown.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.review import CheckItem, please_check
from mentorjournal.errors import ValidationError
from mentorjournal.export.document import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    Run,
)

REDACTED = "[redacted]"
#: Category of a stretch the mentor redacted by hand.
MANUAL = "redacted"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NOTE = "note"  # a small italic line (dates, ratings) under a heading


@dataclass(frozen=True)
class Replacement:
    """``original[start:end]`` replaced by ``pseudonym`` unless the mentor chose to keep it."""

    start: int
    end: int
    category: str
    original: str
    pseudonym: str
    kept: bool = False
    known: bool = False  # the vault knew this identifier (restoring it triggers the warning)
    #: Every mention of one person, place or value shares a group (the preview lists them as one).
    group: str = ""

    @property
    def shown(self) -> str:
        return self.original if self.kept else self.pseudonym


@dataclass(frozen=True)
class Span:
    """Where a replacement sits in the text shown (end exclusive), and which one it is."""

    start: int
    end: int
    index: int
    replacement: Replacement


@dataclass(frozen=True)
class DraftBlock:
    """One heading, paragraph or list item of the draft; ``level`` is for headings."""

    kind: BlockKind
    original: str
    replacements: tuple[Replacement, ...] = ()
    level: int = 1
    mentee_id: str | None = None
    #: False for lines the program wrote (headings, dates, ratings): nothing of the mentor's to check.
    authored: bool = True

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.replacements, key=lambda r: r.start))
        for before, after in itertools.pairwise(ordered):
            if after.start < before.end:
                raise ValidationError("Two replacements overlap.")
        for item in ordered:
            if not 0 <= item.start < item.end <= len(self.original):
                raise ValidationError("A replacement lies outside its text.")
        object.__setattr__(self, "replacements", ordered)

    def spans(self) -> list[Span]:
        """Each replacement's position in ``text`` (the anonymised text shown)."""
        out: list[Span] = []
        shift = 0
        for index, item in enumerate(self.replacements):
            start = item.start + shift
            out.append(Span(start, start + len(item.shown), index, item))
            shift += len(item.shown) - (item.end - item.start)
        return out

    @property
    def text(self) -> str:
        pieces: list[str] = []
        position = 0
        for item in self.replacements:
            pieces.append(self.original[position : item.start])
            pieces.append(item.shown)
            position = item.end
        pieces.append(self.original[position:])
        return "".join(pieces)

    def _to_original(self, offset: int, *, is_end: bool) -> int:
        """Map an offset in ``text`` to ``original``; inside a replacement, widen to cover it."""
        for span in self.spans():
            if span.start < offset < span.end:
                return span.replacement.end if is_end else span.replacement.start
            if offset < span.start:
                break
        shift = 0
        for span in self.spans():
            if span.end <= offset:
                shift = span.replacement.end - span.end
        return offset + shift

    def toggle(self, index: int) -> DraftBlock:
        """Restore a replacement (keep the original) or replace it again; a manual one is removed."""
        item = self.replacements[index]
        rest = self.replacements[:index] + self.replacements[index + 1 :]
        if item.category == MANUAL:
            return replace(self, replacements=rest)
        return replace(self, replacements=(*rest, replace(item, kept=not item.kept)))

    def redact(self, start: int, end: int) -> DraftBlock:
        """Redact ``text[start:end]``; replacements it touches are absorbed into the redaction."""
        if not 0 <= start < end <= len(self.text):
            raise ValidationError("Select some text to redact.")
        return self.redact_original(
            self._to_original(start, is_end=False), self._to_original(end, is_end=True)
        )

    def occurrences(self, phrase: str) -> list[tuple[int, int]]:
        """Where ``phrase`` stands in the original text as whole words, in any case."""
        if not phrase.strip():
            return []
        pattern = re.compile(r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)", re.IGNORECASE)
        return [m.span() for m in pattern.finditer(self.original)]

    def is_redacted(self, o_start: int, o_end: int) -> bool:
        return any(
            r.category == MANUAL and r.start <= o_start and o_end <= r.end
            for r in self.replacements
        )

    def redact_original(self, o_start: int, o_end: int) -> DraftBlock:
        """Redact ``original[o_start:o_end]`` (offsets in the original text)."""
        if not 0 <= o_start < o_end <= len(self.original):
            raise ValidationError("Select some text to redact.")
        keep = tuple(r for r in self.replacements if r.end <= o_start or r.start >= o_end)
        absorbed = [r for r in self.replacements if r not in keep]
        o_start = min([o_start, *(r.start for r in absorbed)])
        o_end = max([o_end, *(r.end for r in absorbed)])
        manual = Replacement(
            o_start,
            o_end,
            MANUAL,
            self.original[o_start:o_end],
            REDACTED,
            known=any(r.known for r in absorbed),
        )
        return replace(self, replacements=(*keep, manual))

    def runs(self) -> tuple[Run, ...]:
        if self.kind is BlockKind.NOTE:
            return (Run(self.text, italic=True),)
        return (Run(self.text),)


@dataclass(frozen=True)
class KnownLeak:
    """A known identifier still visible in the draft: which block, where, and what kind."""

    block: int
    start: int
    end: int
    category: str


@dataclass
class ReplacementGroup:
    """Every replacement of one person, place or value (the preview lists each group once)."""

    key: str
    label: str
    category: str
    surfaces: list[str] = field(default_factory=list)
    members: list[tuple[int, int]] = field(default_factory=list)
    kept: int = 0

    @property
    def count(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class Corrections:
    """What the mentor decided in the preview, kept across "Update preview".

    ``restored`` and ``redacted`` are (block's original text, start, end) so they find their
    place again in a fresh draft of the same notes; ``everywhere`` holds phrases redacted in
    every block ("redact everywhere"), which also reach notes added by a wider period.
    """

    restored: tuple[tuple[str, int, int], ...] = ()
    redacted: tuple[tuple[str, int, int], ...] = ()
    everywhere: tuple[str, ...] = ()

    def with_everywhere(self, phrase: str) -> Corrections:
        if phrase.strip() and phrase.strip() not in self.everywhere:
            return replace(self, everywhere=(*self.everywhere, phrase.strip()))
        return self


@dataclass(frozen=True)
class SupervisionDraft:
    """The anonymised summary before export; ``blocks`` in reading order."""

    title: str
    subtitle: str
    blocks: tuple[DraftBlock, ...]
    summary: str = ""  # what was exported, for the audit log: counts and options, no content
    #: What the vault knows about each mentee, to warn when an identifier is still visible.
    #: In memory only; never rendered.
    known: tuple[Known, ...] = field(default=(), repr=False, compare=False)

    def with_block(self, index: int, block: DraftBlock) -> SupervisionDraft:
        blocks = list(self.blocks)
        blocks[index] = block
        return replace(self, blocks=tuple(blocks))

    def toggle(self, block: int, replacement: int) -> SupervisionDraft:
        return self.with_block(block, self.blocks[block].toggle(replacement))

    def redact(self, block: int, start: int, end: int) -> SupervisionDraft:
        return self.with_block(block, self.blocks[block].redact(start, end))

    def redact_everywhere(self, phrase: str) -> SupervisionDraft:
        """Redact every whole-word occurrence of ``phrase`` (any case) in every block."""
        draft = self
        for index, block in enumerate(self.blocks):
            for o_start, o_end in reversed(block.occurrences(phrase)):
                current = draft.blocks[index]
                if not current.is_redacted(o_start, o_end):
                    draft = draft.with_block(index, current.redact_original(o_start, o_end))
        return draft

    def set_kept(self, members: Iterable[tuple[int, int]], kept: bool) -> SupervisionDraft:
        """Restore (``kept``) or replace again every (block, replacement index) given."""
        blocks = list(self.blocks)
        by_block: dict[int, set[int]] = {}
        for block, index in members:
            by_block.setdefault(block, set()).add(index)
        for block, indexes in by_block.items():
            items = tuple(
                replace(r, kept=kept) if i in indexes and r.category != MANUAL else r
                for i, r in enumerate(blocks[block].replacements)
            )
            blocks[block] = replace(blocks[block], replacements=items)
        return replace(self, blocks=tuple(blocks))

    def groups(self) -> list[ReplacementGroup]:
        """One entry per person, place or value: its label, every surface form, how often."""
        found: dict[str, ReplacementGroup] = {}
        for b, block in enumerate(self.blocks):
            for i, item in enumerate(block.replacements):
                key = item.group or f"{item.category}:{item.original.lower()}"
                if item.category == MANUAL:
                    key = f"manual:{item.original.lower()}"
                group = found.get(key)
                if group is None:
                    group = found[key] = ReplacementGroup(key, item.pseudonym, item.category)
                group.members.append((b, i))
                if item.original not in group.surfaces:
                    group.surfaces.append(item.original)
                group.kept += item.kept
        return list(found.values())

    def corrections(self) -> Corrections:
        """The mentor's restores and hand redactions, to be re-applied after "Update preview"."""
        restored: list[tuple[str, int, int]] = []
        redacted: list[tuple[str, int, int]] = []
        for block in self.blocks:
            for item in block.replacements:
                if item.category == MANUAL:
                    redacted.append((block.original, item.start, item.end))
                elif item.kept:
                    restored.append((block.original, item.start, item.end))
        return Corrections(tuple(restored), tuple(redacted))

    def apply(self, corrections: Corrections) -> SupervisionDraft:
        """Re-apply the mentor's decisions to a freshly anonymised draft of the same notes."""
        draft = self
        for phrase in corrections.everywhere:
            draft = draft.redact_everywhere(phrase)
        for original, start, end in corrections.redacted:
            for index, block in enumerate(draft.blocks):
                if block.original == original and not block.is_redacted(start, end):
                    draft = draft.with_block(index, block.redact_original(start, end))
        members = [
            (index, i)
            for original, start, end in corrections.restored
            for index, block in enumerate(draft.blocks)
            if block.original == original
            for i, item in enumerate(block.replacements)
            if (item.start, item.end) == (start, end) and item.category != MANUAL
        ]
        return draft.set_kept(members, True) if members else draft

    def please_check(self, limit: int = 30) -> list[CheckItem]:
        """What might still identify in the text the mentor wrote (shown before export)."""
        text = "\n".join(b.text for b in self.blocks if b.authored)
        return please_check(text, limit=limit)

    def replacement_count(self) -> int:
        return sum(1 for b in self.blocks for r in b.replacements if not r.kept)

    def categories(self) -> list[str]:
        """The categories used, in first-seen order (for the preview's legend)."""
        seen: dict[str, None] = {}
        for block in self.blocks:
            for item in block.replacements:
                seen.setdefault(item.category, None)
        return list(seen)

    def document(self) -> Document:
        """The draft as a Document: consecutive list items become one list."""
        out: list[Block] = []
        bullets: list[tuple[Run, ...]] = []

        def flush() -> None:
            if bullets:
                out.append(BulletList(tuple(bullets)))
                bullets.clear()

        for block in self.blocks:
            if block.kind is BlockKind.BULLET:
                bullets.append(block.runs())
                continue
            flush()
            if block.kind is BlockKind.HEADING:
                out.append(Heading(block.level, block.text))
            else:
                out.append(Paragraph(block.runs()))
        flush()
        return Document(self.title, self.subtitle, tuple(out))

    def plain_text(self) -> str:
        return "\n".join([self.title, self.subtitle, *(b.text for b in self.blocks)])


def join_blocks(blocks: Sequence[DraftBlock]) -> tuple[str, list[int]]:
    """All block texts joined by newlines, with each block's starting offset (for the preview)."""
    starts: list[int] = []
    position = 0
    parts: list[str] = []
    for block in blocks:
        starts.append(position)
        parts.append(block.text)
        position += len(block.text) + 1
    return "\n".join(parts), starts
