"""How the supervision preview marks its text: a colour per kind of replacement, a red wave
under each identifier still visible, headings and notes styled as the exported file has them.

Apart from the dialog because it is the one place that decides what a replacement looks like
(format, tooltip, legend) and how thousands of them are painted in one edit block; the dialog
only says when.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument

from mentorjournal.export.draft import BlockKind, KnownLeak, SupervisionDraft

#: Highlight colours by category (pale backgrounds; text is forced dark so both themes read).
CATEGORY_COLOURS: dict[str, str] = {
    "name": "#ffd8a8",
    "date": "#c5e8ff",
    "age": "#d8f5c8",
    "phone": "#ffc9de",
    "email": "#ffc9de",
    "url": "#ffc9de",
    "handle": "#ffc9de",
    "id_number": "#e6d3ff",
    "address": "#fff1a8",
    "postcode": "#fff1a8",
    "zip": "#fff1a8",
    "place": "#fff1a8",
    "organisation": "#d6f0ee",
    "redacted": "#d9d9d9",
}
CATEGORY_NAMES: dict[str, str] = {
    "name": "Person",
    "date": "Date",
    "age": "Age",
    "phone": "Phone",
    "email": "Email",
    "url": "Web address",
    "handle": "Social handle",
    "id_number": "ID number",
    "address": "Address",
    "postcode": "Postcode",
    "zip": "ZIP code",
    "place": "Place",
    "organisation": "Organisation",
    "redacted": "Redacted by you",
}
KEPT_COLOUR = "#ffffff"
LEAK_COLOUR = "#d00000"


def category_name(category: str) -> str:
    """The kind of a replacement in words (a list and a tooltip never rest on colour alone)."""
    return CATEGORY_NAMES.get(category, category)


def replacement_format(category: str, kept: bool) -> QTextCharFormat:
    """A replacement's look: its category's colour, or a dashed underline once kept as written."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor("#000000"))
    fmt.setBackground(QColor(KEPT_COLOUR if kept else CATEGORY_COLOURS.get(category, "#e0e0e0")))
    if kept:
        fmt.setFontStrikeOut(False)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(QColor("#666666"))
    fmt.setToolTip(
        category_name(category)
        + (" (original kept: click to replace again)" if kept else " (click to keep the original)")
    )
    return fmt


def leak_format() -> QTextCharFormat:
    """A red wave under an identifier the vault knows that is still visible."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(LEAK_COLOUR))
    fmt.setToolTip("An identifier the vault knows is still visible here.")
    return fmt


def paint(cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
    """Merge ``fmt`` into ``[start, end)`` of the cursor's document."""
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def style_blocks(
    cursor: QTextCursor, draft: SupervisionDraft, starts: Sequence[int], base_size: float
) -> None:
    """Headings bold (larger by level), small notes italic: the preview reads like the file."""
    for block_index, block in enumerate(draft.blocks):
        fmt = QTextCharFormat()
        if block.kind is BlockKind.HEADING:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(base_size * {1: 1.35, 2: 1.15}.get(block.level, 1.0))
        elif block.kind is BlockKind.NOTE:
            fmt.setFontItalic(True)
        else:
            continue
        start = starts[block_index]
        paint(cursor, start, start + len(block.text), fmt)


def paint_draft(
    document: QTextDocument,
    draft: SupervisionDraft | None,
    starts: Sequence[int],
    leaks: Iterable[KnownLeak],
    base_size: float,
) -> None:
    """Clear the document's formats, then mark every replacement and leak of ``draft``.

    Formats are set on the document itself rather than as extra selections: PySide's
    ExtraSelection wrappers corrupt a reference count and crash at exit. One edit block around
    every change: the document lays itself out once at the end instead of after each of
    thousands of format changes (a 3-month, 9-mentee preview held the GUI thread ~1.3 s, now
    ~0.1 s).
    """
    whole = QTextCursor(document)
    whole.beginEditBlock()
    try:
        whole.select(QTextCursor.SelectionType.Document)
        whole.setCharFormat(QTextCharFormat())
        if draft is None:
            return
        style_blocks(whole, draft, starts, base_size)
        formats: dict[tuple[str, bool], QTextCharFormat] = {}
        for block_index, block in enumerate(draft.blocks):
            base = starts[block_index]
            for span in block.spans():
                key = (span.replacement.category, span.replacement.kept)
                if key not in formats:
                    formats[key] = replacement_format(*key)
                paint(whole, base + span.start, base + span.end, formats[key])
        wave = leak_format()
        for leak in leaks:
            base = starts[leak.block]
            paint(whole, base + leak.start, base + leak.end, wave)
    finally:
        whole.endEditBlock()


def legend_html(categories: Iterable[str]) -> str:
    """The legend under the preview: each category's colour with its name, and the kept look."""
    parts = [
        f'<span style="background:{CATEGORY_COLOURS.get(c, "#e0e0e0")}; color:#000;">'
        f"&nbsp;{category_name(c)}&nbsp;</span>"
        for c in categories
    ]
    parts.append('<span style="text-decoration: underline;">kept original</span>')
    return "Highlights: " + " ".join(parts)
