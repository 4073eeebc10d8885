"""Disclosures as export blocks: each entry in full, corrections shown beside what they correct.

Used by the mentee's record (and so by a subject-access export): a person asking for their
record is entitled to know who their information was shared with, when and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from mentorjournal.domain.disclosure import INFORMED_LABELS, METHOD_LABELS, Disclosure
from mentorjournal.export.document import Block, Heading, Paragraph, Run, Table


def _when(entry: Disclosure) -> str:
    moment = entry.shared_at
    return f"{moment.day} {moment:%B %Y, %H:%M}"


def disclosure_blocks(entries: Sequence[Disclosure]) -> list[Block]:
    """A "Disclosures" section: one table per entry, in the order they were shared."""
    blocks: list[Block] = [Heading(1, "Information shared (disclosures)")]
    if not entries:
        return [*blocks, Paragraph.of(Run("None recorded.", italic=True))]
    corrected_by = {e.corrects_id: e for e in entries if e.corrects_id is not None}
    for entry in entries:
        title = f"{_when(entry)}: to {entry.recipient}"
        blocks.append(Heading(2, title))
        if entry.id in corrected_by:
            later = corrected_by[entry.id]
            blocks.append(
                Paragraph.of(
                    Run(f"Corrected by the entry recorded {_recorded(later)}.", italic=True)
                )
            )
        if entry.corrects_id is not None:
            blocks.append(Paragraph.of(Run("This entry corrects an earlier one.", italic=True)))
        rows: list[tuple[str, str]] = [
            ("Why", entry.basis.label),
            ("What was shared", entry.what),
            ("With whom", entry.recipient),
            ("How", METHOD_LABELS[entry.method]),
            ("Reference", entry.reference or "none"),
            ("Reasoning", entry.reasoning),
            ("Advice sought", entry.advice_sought or "none recorded"),
            ("Mentee told", INFORMED_LABELS[entry.informed]),
        ]
        if entry.informed_note:
            rows.append(("Why not told", entry.informed_note))
        rows.append(("Recorded", _recorded(entry)))
        blocks.append(Table(tuple(rows), header=False))
    return blocks


def _recorded(entry: Disclosure) -> str:
    at = entry.recorded_at
    return "" if at is None else f"{at.day} {at:%B %Y, %H:%M}"
