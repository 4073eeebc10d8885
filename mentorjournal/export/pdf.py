"""The PDF writer (fpdf2): real, paginated pages with headings, bookmarks and page numbers.

Text is set in DejaVu Sans, bundled in ``export/fonts`` (Bitstream Vera licence, which allows
redistribution unmodified; see LICENSE-DejaVu.txt) or found on the system, so accented,
Greek, Cyrillic and most symbols print as written. A character the font lacks becomes "?"
here, before fpdf2 sees it: fpdf2 would otherwise log the missing characters, and logs never
carry note content. Without any Unicode font the writer falls back to Helvetica and Latin-1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
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

BUNDLED_FONT_DIR = Path(__file__).with_name("fonts")
SYSTEM_FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
_FAMILY = "dejavu"
_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_MISSING = "?"


@dataclass(frozen=True)
class PdfStyle:
    """Sizes in points, margins in millimetres; the coping plan uses larger type."""

    base_size: float = 11.0
    title_size: float = 20.0
    margin: float = 18.0
    line_factor: float = 1.45
    page_numbers: bool = True
    footer_text: str = ""

    def scaled(self, factor: float) -> PdfStyle:
        return PdfStyle(
            base_size=self.base_size * factor,
            title_size=self.title_size * factor,
            margin=self.margin,
            line_factor=self.line_factor,
            page_numbers=self.page_numbers,
            footer_text=self.footer_text,
        )


@dataclass(frozen=True)
class UnicodeFont:
    """The TTF files for regular, bold and italic (italic may reuse the regular file)."""

    regular: Path
    bold: Path
    italic: Path


def find_unicode_font(search_dirs: Sequence[Path] | None = None) -> UnicodeFont | None:
    """The first folder holding DejaVu Sans; bold and italic fall back to regular if absent."""
    dirs = tuple(search_dirs) if search_dirs is not None else (BUNDLED_FONT_DIR, *SYSTEM_FONT_DIRS)
    for folder in dirs:
        regular = folder / _FILES[""]
        if regular.is_file():
            bold = folder / _FILES["B"]
            italic = folder / _FILES["I"]
            return UnicodeFont(
                regular=regular,
                bold=bold if bold.is_file() else regular,
                italic=italic if italic.is_file() else regular,
            )
    return None


def _new_fpdf(style: PdfStyle, fit: Callable[[str], str]) -> Any:
    from fpdf import FPDF

    class _Pdf(FPDF):
        """FPDF with our footer: optional text and "Page n of N"."""

        def footer(self) -> None:
            if not style.page_numbers and not style.footer_text:
                return
            self.set_y(-style.margin * 0.8)
            self.set_font(self.font_family, "", max(style.base_size * 0.7, 7))
            self.set_text_color(90, 90, 90)
            parts = [style.footer_text] if style.footer_text else []
            if style.page_numbers:
                parts.append(f"Page {self.page_no()} of {{nb}}")
            self.cell(0, 5, fit("   ·   ".join(parts)), align="C")
            self.set_text_color(0, 0, 0)

    return _Pdf(format="A4", unit="mm")


class _PdfBuilder:
    """Lays one Document out on an FPDF object."""

    def __init__(self, style: PdfStyle, font: UnicodeFont | None) -> None:
        self.style = style
        self.pdf = _new_fpdf(style, self.fit_text)
        self.unicode = font is not None
        # Parsing a TTF takes ~0.1 s, so each style is loaded only when first used.
        self._font_files: dict[str, Path] = {}
        if font is not None:
            self._font_files = {"B": font.bold, "I": font.italic, "BI": font.bold}
            self.pdf.add_font(_FAMILY, "", str(font.regular))
            self.family = _FAMILY
            self._cmap: dict[int, Any] = self.pdf.fonts[_FAMILY].cmap
        else:
            self.family = "helvetica"
            self._cmap = {}
        self.pdf.set_margins(style.margin, style.margin, style.margin)
        self.pdf.set_auto_page_break(True, margin=style.margin + 4)
        self.pdf.set_title(self.fit_text(""))
        self.pdf.set_creator("Mentor Journal")
        self.pdf.alias_nb_pages()
        self._last_outline_level = -1

    def fit_text(self, text: str) -> str:
        """Replace what the font cannot draw, so nothing crashes and nothing is logged."""
        if not self.unicode:
            return text.encode("latin-1", "replace").decode("latin-1")
        return "".join(
            char if char == "\n" or ord(char) in self._cmap else _MISSING for char in text
        )

    def line_height(self, size: float) -> float:
        return size * self.style.line_factor * 0.3528  # points to millimetres

    def lines(self, height: float, text: str) -> None:
        """A wrapped block of text, leaving the cursor at the left margin of the next line."""
        from fpdf.enums import XPos, YPos

        self.pdf.multi_cell(0, height, self.fit_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def set_font(self, size: float, bold: bool = False, italic: bool = False) -> None:
        style = ("B" if bold else "") + ("I" if italic else "")
        path = self._font_files.pop(style, None)
        if path is not None:
            self.pdf.add_font(_FAMILY, style, str(path))
        self.pdf.set_font(self.family, style, size)

    def build(self, document: Document) -> tuple[bytes, int]:
        self.pdf.set_title(self.fit_text(document.title))
        self.pdf.add_page()
        self._title(document)
        for block in document.blocks:
            self._block(block)
        data = bytes(self.pdf.output())
        return data, int(self.pdf.pages_count)

    def _outline(self, text: str, level: int) -> None:
        level = min(level, self._last_outline_level + 1)
        self.pdf.start_section(self.fit_text(text)[:120] or "-", level=level)
        self._last_outline_level = level

    def _title(self, document: Document) -> None:
        self._outline(document.title, 0)
        self.set_font(self.style.title_size, bold=True)
        self.lines(self.line_height(self.style.title_size), document.title)
        if document.subtitle:
            self.set_font(self.style.base_size, italic=True)
            self.pdf.set_text_color(70, 70, 70)
            self.lines(self.line_height(self.style.base_size), document.subtitle)
            self.pdf.set_text_color(0, 0, 0)
        self.pdf.ln(self.line_height(self.style.base_size) * 0.6)

    def _block(self, block: Block) -> None:
        handlers: dict[type, Callable[[Any], None]] = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            BulletList: self._bullets,
            Table: self._table,
            PageBreak: lambda _block: self.pdf.add_page(),
        }
        handlers[type(block)](block)

    def _heading(self, heading: Heading) -> None:
        size = self.style.base_size * {1: 1.45, 2: 1.2, 3: 1.05}[heading.level]
        # Keep a heading with the first lines after it: start a new page when near the bottom.
        if self.pdf.will_page_break(
            self.line_height(size) + 3 * self.line_height(self.style.base_size)
        ):
            self.pdf.add_page()
        self.pdf.ln(self.line_height(size) * 0.4)
        self._outline(heading.text, heading.level)
        self.set_font(size, bold=True)
        self.lines(self.line_height(size), heading.text)
        self.pdf.ln(self.line_height(size) * 0.15)

    def _write_runs(self, runs: tuple[Run, ...]) -> None:
        height = self.line_height(self.style.base_size)
        for run in runs:
            self.set_font(self.style.base_size, run.bold, run.italic)
            self.pdf.write(height, self.fit_text(run.text))

    def _paragraph(self, paragraph: Paragraph) -> None:
        self.pdf.set_x(self.pdf.l_margin)
        self._write_runs(paragraph.runs)
        self.pdf.ln(self.line_height(self.style.base_size) * 1.5)

    def _bullets(self, bullets: BulletList) -> None:
        indent = self.style.base_size * 0.55
        bullet = "•" if self.unicode else "-"
        height = self.line_height(self.style.base_size)
        left = self.pdf.l_margin
        for item in bullets.items:
            self.set_font(self.style.base_size)
            self.pdf.set_x(left)
            self.pdf.cell(indent, height, bullet)
            self.pdf.set_left_margin(left + indent)
            self._write_runs(item)
            self.pdf.set_left_margin(left)
            self.pdf.ln(height)
        self.pdf.ln(height * 0.5)

    def _line_chars(self) -> float:
        """How many table characters fit between the margins, measured in the bold face.

        Measured, not assumed: the bundled Unicode font is wider than Helvetica, and a header
        word that does not fit breaks mid-word.
        """
        sample = "Withdrawn December summaries 2027"
        self.set_font(self.style.base_size * 0.9, bold=True)
        char_mm = float(self.pdf.get_string_width(sample)) / len(sample)
        return float(self.pdf.epw) / char_mm

    def _table(self, table: Table) -> None:
        if not table.rows:
            return
        weights = table.column_weights(self._line_chars())  # loads the bold face headers use
        self.set_font(self.style.base_size * 0.9)
        with self.pdf.table(
            first_row_as_headings=table.header,
            line_height=self.line_height(self.style.base_size * 0.9),
            text_align="LEFT",
            col_widths=tuple(round(w * 1000) for w in weights),
        ) as grid:
            for row in table.rows:
                cells = grid.row()
                for cell in row:
                    cells.cell(self.fit_text(cell))
        self.pdf.ln(self.line_height(self.style.base_size) * 0.5)


def layout_pdf(
    document: Document,
    style: PdfStyle | None = None,
    font: UnicodeFont | None = None,
    use_unicode_font: bool = True,
) -> tuple[bytes, int]:
    """Lay the document out as a PDF; return its bytes and its number of pages."""
    chosen = font or (find_unicode_font() if use_unicode_font else None)
    return _PdfBuilder(style or PdfStyle(), chosen).build(document)


def to_pdf_bytes(
    document: Document,
    style: PdfStyle | None = None,
    font: UnicodeFont | None = None,
    use_unicode_font: bool = True,
) -> bytes:
    """Lay the document out as a PDF and return its bytes."""
    return layout_pdf(document, style, font, use_unicode_font)[0]


def write_pdf(document: Document, path: Path, style: PdfStyle | None = None) -> None:
    """Write the document as a PDF, atomically."""
    write_export_bytes(path, to_pdf_bytes(document, style))
