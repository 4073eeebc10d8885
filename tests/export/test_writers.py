"""The three writers turn one Document into real files that open, in every format."""

from __future__ import annotations

import errno
import io
import logging
import os
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.errors import DiskFull, UsageError
from mentorjournal.export.document import (
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from mentorjournal.export.docx import to_docx_bytes
from mentorjournal.export.markdown import to_markdown
from mentorjournal.export.output import ExportFormat
from mentorjournal.export.pdf import PdfStyle, find_unicode_font, layout_pdf, to_pdf_bytes
from mentorjournal.export.render import write_document

SAMPLE = Document(
    title="Record of M-900",
    subtitle="Synthetic sample",
    blocks=(
        Heading(1, "Profile"),
        Paragraph.of(
            [Run("Status: ", bold=True), Run("active"), Run(" (since spring)", italic=True)]
        ),
        BulletList.of(["Walk the dog", "Call the *helpline*"]),
        Heading(2, "Goals"),
        Table((("Goal", "Level"), ("Back to college", "+1"))),
        PageBreak(),
        Heading(1, "Sessions"),
        Paragraph.of("Talked about the week.\nFelt calmer."),
    ),
)


def _pdf_text(data: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_markdown_matches_the_golden_text() -> None:
    expected = (
        "# Record of M-900\n\n"
        "*Synthetic sample*\n\n"
        "## Profile\n\n"
        "**Status:** active *(since spring)*\n\n"
        "- Walk the dog\n"
        "- Call the \\*helpline\\*\n\n"
        "### Goals\n\n"
        "| Goal | Level |\n"
        "|---|---|\n"
        "| Back to college | \\+1 |\n\n"
        "---\n\n"
        "## Sessions\n\n"
        "Talked about the week.  \nFelt calmer.\n"
    )
    assert to_markdown(SAMPLE) == expected


def test_markdown_keeps_user_text_literal() -> None:
    doc = Document("T", blocks=(Paragraph.of("# not a heading\n- not a list\n1. nor this <b>"),))
    text = to_markdown(doc)
    assert "\\# not a heading" in text
    assert "\\- not a list" in text
    assert "1\\. nor this \\<b\\>" in text


def test_pdf_is_paginated_with_headings_bookmarks_and_page_numbers() -> None:
    long = Document(
        "Long record",
        blocks=(
            Heading(1, "Sessions"),
            *(Paragraph.of(f"Session paragraph {n}. " * 20) for n in range(40)),
        ),
    )
    data, pages = layout_pdf(long)
    text, reader_pages = _pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert pages == reader_pages > 2
    assert "Long record" in text and "Sessions" in text
    assert f"Page 1 of {pages}" in text
    outline = pypdf.PdfReader(io.BytesIO(data)).outline
    assert outline[0]["/Title"] == "Long record"


def test_pdf_has_the_sample_words_and_the_page_break() -> None:
    text, pages = _pdf_text(to_pdf_bytes(SAMPLE))
    assert pages == 2
    for words in ("Profile", "Walk the dog", "Back to college", "Felt calmer."):
        assert words in text


def test_pdf_prints_accents_greek_and_cyrillic_with_the_unicode_font() -> None:
    assert find_unicode_font() is not None, "the bundled DejaVu font must be found"
    doc = Document("Zoë", blocks=(Paragraph.of("Café Ωμέγα Привет"),))
    text, _pages = _pdf_text(to_pdf_bytes(doc))
    assert "Café Ωμέγα Привет" in text


def test_pdf_replaces_missing_glyphs_without_logging_them(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    doc = Document("CJK", blocks=(Paragraph.of("漢字 and text"),))
    text, _pages = _pdf_text(to_pdf_bytes(doc))
    assert "and text" in text
    assert "漢" not in caplog.text


def test_pdf_without_any_unicode_font_falls_back_to_latin1() -> None:
    doc = Document("Fallback — Zoë", blocks=(Paragraph.of("Привет Zoë"), BulletList.of(["a"])))
    text, _pages = _pdf_text(to_pdf_bytes(doc, use_unicode_font=False))
    assert "Zoë" in text


def test_find_unicode_font_returns_none_where_there_is_none(tmp_path: Path) -> None:
    assert find_unicode_font([tmp_path]) is None


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=200))
def test_any_unicode_text_never_crashes_the_writers(text: str) -> None:
    doc = Document(
        text, text, (Heading(1, text), Paragraph.of(text), BulletList.of([text]), Table(((text,),)))
    )
    assert to_pdf_bytes(doc, PdfStyle(page_numbers=False)).startswith(b"%PDF-")
    assert to_docx_bytes(doc)[:2] == b"PK"
    assert to_markdown(doc).startswith("# ")


def test_docx_reopens_with_headings_lists_and_table(tmp_path: Path) -> None:
    path = tmp_path / "record.docx"
    write_document(SAMPLE, path)
    opened = docx.Document(str(path))
    styled = [(p.style.name, p.text) for p in opened.paragraphs]
    assert ("Title", "Record of M-900") in styled
    assert ("Heading 1", "Profile") in styled
    assert ("Heading 2", "Goals") in styled
    assert ("List Bullet", "Walk the dog") in styled
    assert opened.tables[0].cell(1, 0).text == "Back to college"
    footer_xml = opened.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml


@pytest.mark.parametrize("suffix", ["md", "pdf", "docx"])
def test_written_exports_are_private(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out.{suffix}"
    assert write_document(SAMPLE, path) is ExportFormat.for_path(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"\.md, \.pdf or \.docx"):
        write_document(SAMPLE, tmp_path / "out.txt")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_document(SAMPLE, tmp_path / "nope" / "out.md")


def test_full_disk_leaves_the_old_file_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(b"old export")
    real_write = os.write
    calls = {"n": 0}

    def failing_write(fd: int, data: bytes | memoryview) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:100])  # a short write, then the disk fills

    monkeypatch.setattr(os, "write", failing_write)
    with pytest.raises(DiskFull):
        write_document(SAMPLE, path)
    monkeypatch.undo()
    assert path.read_bytes() == b"old export"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_a_crash_before_the_rename_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "summary.docx"

    def crash(_src: object, _dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_document(SAMPLE, path)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_markdown_keeps_placeholders_readable_but_never_makes_links() -> None:
    text = to_markdown(
        Document(
            "T",
            blocks=(
                Paragraph.of("[School] was fine"),
                Paragraph.of("see [x](http://e.org) or [y]: z"),
            ),
        )
    )
    assert "[School] was fine" in text
    assert "\\[x\\](http://e.org)" in text and "\\[y\\]: z" in text


def test_hard_unicode_prints_or_degrades_safely_in_every_format() -> None:
    hard = "Zoë ﻿naïve\u200b שלום مرحبا 漢字 😀 e\u0301 \x00\x07 \ud800 end"
    doc = Document(hard, hard, (Heading(1, hard), Paragraph.of(hard), Table(((hard, hard),))))
    text, pages = _pdf_text(to_pdf_bytes(doc))
    assert pages == 1 and "Zoë" in text and "end" in text
    reopened = docx.Document(io.BytesIO(to_docx_bytes(doc)))
    assert "Zoë" in reopened.paragraphs[0].text and "\x00" not in reopened.paragraphs[0].text
    assert "\x00" not in to_markdown(doc) and "漢字" in to_markdown(doc)


CONSENT = Table(
    (
        ("What", "With whom", "Given", "How", "Review", "Withdrawn"),
        ("Sharing session summaries with the key worker", "the crisis café", "15 December 2024",
         "written", "8 February 2027", ""),
    )
)  # fmt: skip


def test_columns_get_their_longest_word_and_the_rest_by_how_much_they_hold() -> None:
    weights = CONSENT.column_weights(100)
    assert sum(weights) == pytest.approx(1.0)
    what, _, _, how, _, withdrawn = weights
    assert what > how  # a long sentence gets more room than "written"
    assert withdrawn > how  # room for its longer header word
    assert Table(()).column_weights(100) == ()


def test_docx_and_pdf_tables_use_those_widths() -> None:
    doc = docx.Document(io.BytesIO(to_docx_bytes(Document("T", "", (CONSENT,)))))
    widths = [column.width for column in doc.tables[0].columns]
    assert widths[0] > widths[3] and len(set(widths)) > 2
    pdf = pypdf.PdfReader(io.BytesIO(to_pdf_bytes(Document("T", "", (CONSENT,)))))
    assert "Withdrawn" in pdf.pages[0].extract_text()


def test_docx_table_text_is_smaller_than_the_body_and_only_the_header_is_bold() -> None:
    doc = docx.Document(io.BytesIO(to_docx_bytes(Document("T", "", (CONSENT,)))))
    header, row = doc.tables[0].rows
    assert all(r.bold and r.font.size.pt == 9.5 for c in header.cells for r in c.paragraphs[0].runs)
    assert all(
        not r.bold and r.font.size.pt == 9.5 for c in row.cells for r in c.paragraphs[0].runs
    )
    section = doc.sections[0]
    assert section.left_margin.inches == section.right_margin.inches == 1
