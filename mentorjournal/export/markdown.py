"""The Markdown writer: plain CommonMark that reads well as text and renders the same anywhere."""

from __future__ import annotations

import re
from pathlib import Path

from mentorjournal.export.document import (
    Block,
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from mentorjournal.export.output import write_export_bytes

# Characters that would change the meaning of text in Markdown are escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_<>|#~])")
# Brackets only make a link when followed by "(", "[" or ":"; "[School]" stays readable.
_LINKISH = re.compile(r"\]\s*[(\[:]")
_BRACKET = re.compile(r"([\[\]])")
# A line that starts like a list item, a quote or an ordered list must not become one.
_LINE_START = re.compile(r"^(\s*)(\d*)([-+>=.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Make user text literal in Markdown, so a note's asterisks stay asterisks."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    if _LINKISH.search(escaped):
        escaped = _BRACKET.sub(r"\\\1", escaped)
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}", escaped)


def _run(run: Run) -> str:
    text = escape(run.text)
    if not text.strip():
        return text
    # Emphasis markers must hug the words: move surrounding spaces outside them.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = text.strip()
    if run.bold and run.italic:
        core = f"***{core}***"
    elif run.bold:
        core = f"**{core}**"
    elif run.italic:
        core = f"*{core}*"
    return f"{lead}{core}{trail}"


def _runs(runs: tuple[Run, ...]) -> str:
    # A hard line break inside a paragraph is two spaces and a newline in Markdown.
    return "".join(_run(run) for run in runs).replace("\n", "  \n")


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>") or " "


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * (block.level + 1)} {escape(block.text)}"
    if isinstance(block, Paragraph):
        return _runs(block.runs)
    if isinstance(block, BulletList):
        return "\n".join("- " + _runs(item).replace("  \n", "  \n  ") for item in block.items)
    if isinstance(block, Table):
        if not block.rows:
            return ""
        rows = list(block.rows)
        if block.header:
            head, body = rows[0], rows[1:]
        else:
            head, body = ("",) * block.columns, rows
        lines = ["| " + " | ".join(_cell(cell) for cell in head) + " |"]
        lines.append("|" + "|".join("---" for _ in head) + "|")
        lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in body)
        return "\n".join(lines)
    if isinstance(block, PageBreak):
        return "---"
    raise TypeError(f"unknown block {type(block).__name__}")


def to_markdown(document: Document) -> str:
    """The whole document as Markdown text, blocks separated by blank lines."""
    parts = [f"# {escape(document.title)}"]
    if document.subtitle:
        parts.append(_run(Run(document.subtitle, italic=True)).replace("\n", "  \n"))
    parts.extend(text for text in (_block(block) for block in document.blocks) if text)
    return "\n\n".join(parts) + "\n"


def write_markdown(document: Document, path: Path) -> None:
    """Write the document as UTF-8 Markdown, atomically."""
    write_export_bytes(path, to_markdown(document).encode("utf-8"))
