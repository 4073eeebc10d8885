"""Write any Document to a file in the format its name asks for (.md, .pdf, .docx)."""

from __future__ import annotations

from pathlib import Path

from mentorjournal.export.document import Document
from mentorjournal.export.output import ExportFormat, write_export_bytes
from mentorjournal.export.pdf import PdfStyle


def document_bytes(
    document: Document, fmt: ExportFormat, pdf_style: PdfStyle | None = None
) -> bytes:
    """The document encoded in ``fmt`` (writers are imported lazily: fpdf2 and docx are heavy)."""
    if fmt is ExportFormat.MARKDOWN:
        from mentorjournal.export.markdown import to_markdown

        return to_markdown(document).encode("utf-8")
    if fmt is ExportFormat.PDF:
        from mentorjournal.export.pdf import to_pdf_bytes

        return to_pdf_bytes(document, pdf_style)
    from mentorjournal.export.docx import to_docx_bytes

    return to_docx_bytes(document)


def write_document(
    document: Document, path: Path, pdf_style: PdfStyle | None = None
) -> ExportFormat:
    """Write ``document`` to ``path`` atomically (0600); returns the format used."""
    fmt = ExportFormat.for_path(path)
    write_export_bytes(path, document_bytes(document, fmt, pdf_style))
    return fmt
