"""The DOCX writer (python-docx): real Word headings, bullet lists and tables, page numbers.

Built-in styles only (Title, Subtitle, Heading n, List Bullet, Table Grid), so the file opens
the same in Word and LibreOffice and a supervisor can restyle it with one click.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

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


def _add_runs(paragraph: Any, runs: tuple[Run, ...]) -> None:
    for run in runs:
        lines = run.text.split("\n")
        for index, line in enumerate(lines):
            piece = paragraph.add_run(line)
            piece.bold = run.bold or None
            piece.italic = run.italic or None
            if index < len(lines) - 1:
                piece.add_break()


def _page_number_footer(doc: Any) -> None:
    """ "Page n of N" as Word fields, so the numbers stay right however the file is edited."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def field(code: str) -> None:
        element = OxmlElement("w:fldSimple")
        element.set(qn("w:instr"), code)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        element.append(run)
        paragraph._p.append(element)

    paragraph.add_run("Page ")
    field("PAGE")
    paragraph.add_run(" of ")
    field("NUMPAGES")


#: Table text is a little smaller than the 11 pt body, as in the PDF: an eight-column
#: timesheet summary broke its header words at 11 pt.
_TABLE_PT = 9.5
#: About one table character, bold headers included (0.62 em), in EMU (12,700 per point):
#: LibreOffice broke "Withdrawn" at 0.55 em.
_CHAR_EMU = _TABLE_PT * 0.62 * 12_700


def _text_width(doc: Any) -> int:
    """The width between the margins of the first section, in EMU."""
    section = doc.sections[0]
    return int(section.page_width - section.left_margin - section.right_margin)


def _add_table(doc: Any, block: Table) -> None:
    """A grid with columns sized to what they hold (see Table.column_weights)."""
    from docx.shared import Pt

    if not block.rows:
        return
    grid = doc.add_table(rows=len(block.rows), cols=block.columns)
    grid.style = "Table Grid"
    grid.autofit = False
    text_width = _text_width(doc)
    line_chars = text_width / _CHAR_EMU
    widths = [int(text_width * w) for w in block.column_weights(line_chars)]
    for col_index, width in enumerate(widths):
        grid.columns[col_index].width = width
    for row_index, row in enumerate(block.rows):
        for col_index, text in enumerate(row):
            cell = grid.cell(row_index, col_index)
            cell.width = widths[col_index]  # Word reads cell widths, LibreOffice the grid
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(_TABLE_PT)
                run.bold = (block.header and row_index == 0) or None
    doc.add_paragraph()


def _add_block(doc: Any, block: Block) -> None:
    if isinstance(block, Heading):
        doc.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        _add_runs(doc.add_paragraph(), block.runs)
    elif isinstance(block, BulletList):
        for item in block.items:
            _add_runs(doc.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        _add_table(doc, block)
    elif isinstance(block, PageBreak):
        doc.add_page_break()
    else:
        raise TypeError(f"unknown block {type(block).__name__}")


def to_docx_bytes(document: Document) -> bytes:
    """Build the DOCX in memory and return its bytes."""
    import docx
    from docx.shared import Inches

    doc = docx.Document()
    # The template's 1.25 in side margins leave 6 in for tables; one inch either side gives
    # records and timesheets 6.5 in, on Letter and A4 alike.
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(1)
    doc.core_properties.title = document.title
    doc.core_properties.author = "Mentor Journal"
    doc.add_heading(document.title, level=0)
    if document.subtitle:
        _add_runs(doc.add_paragraph(style="Subtitle"), (Run(document.subtitle),))
    for block in document.blocks:
        _add_block(doc, block)
    _page_number_footer(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_docx(document: Document, path: Path) -> None:
    """Write the document as DOCX, atomically."""
    write_export_bytes(path, to_docx_bytes(document))
