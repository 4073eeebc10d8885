"""Every document the journal writes opens in LibreOffice, not only in our own readers.

pypdf and python-docx read what fpdf2 and python-docx wrote, so a file both sides of our own
code agree on could still be one a mentor's office suite refuses. Where LibreOffice is
installed (``soffice`` on PATH), each DOCX is converted to PDF and each PDF is imported by
Draw and rendered; elsewhere this module is skipped and says why.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest

from mentorjournal.paths import VaultPaths
from tests.fixtures.vault_fixtures import CliResult

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _soffice(profile: Path, outdir: Path, *args: str) -> None:
    """Run LibreOffice headless with a profile of its own (no clash with a running office)."""
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         *args, "--outdir", str(outdir)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip


@pytest.fixture
def exported(
    new_vault: object,
    passphrase_file: Path,
    vault_paths: VaultPaths,
    run_cli: Callable[..., CliResult],
    tmp_path: Path,
) -> dict[str, Path]:
    """A small demo vault and every export kind the CLI writes, as PDF and DOCX."""
    vault = ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]
    new_vault.vault.lock()  # type: ignore[attr-defined]
    assert run_cli("demo", *vault, "--mentees", "2", "--sessions", "12", "--seed", "3").code == 0
    hits = json.loads(run_cli("search", *vault, "session", "--json", "--kind", "note").stdout)
    note_id = hits[0]["id"]
    mentee = hits[0]["mentee"]
    out = tmp_path / "exports"
    out.mkdir()
    # (the command words before the vault options, the options after them)
    kinds: dict[str, tuple[list[str], list[str]]] = {
        "record": (["export"], ["--mentee", mentee]),
        "note": (["export"], ["--note", note_id]),
        "caseload": (["export"], ["--caseload"]),
        "supervision": (
            ["export"],
            ["--supervision", "--from", "2000-01-01", "--to", "2100-12-31"],
        ),
        "cpd": (["cpd", "export"], []),
        "timesheet": (
            ["timesheet"],
            [
                "--mentee",
                mentee,
                "--from",
                str(date.today() - timedelta(days=180)),
                "--to",
                str(date.today()),
            ],
        ),
        "supervision-log": (["supervision", "export"], []),
    }
    files: dict[str, Path] = {}
    for kind, (words, options) in kinds.items():
        for ext in ("pdf", "docx"):
            path = out / f"{kind}.{ext}"
            result = run_cli(*words, *vault, *options, "--out", str(path))
            assert result.code == 0, (kind, result.stderr)
            files[path.name] = path
    plan = out / "coping-plan.pdf"
    assert run_cli("export", *vault, "--coping-plan", mentee, "--out", str(plan)).code == 0
    files[plan.name] = plan
    access = out / "subject-access"
    result = run_cli("export", *vault, "--subject-access", mentee, "--out", str(access))
    assert result.code == 0, result.stderr
    for name in ("subject-access.pdf", "subject-access.docx"):
        files[name] = access / name
    return files


def test_every_docx_converts_to_a_pdf_with_its_title(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    docx = sorted(p for p in exported.values() if p.suffix == ".docx")
    converted = tmp_path / "from-docx"
    _soffice(tmp_path / "profile", converted, "--convert-to", "pdf", *map(str, docx))
    for source in docx:
        pdf = converted / f"{source.stem}.pdf"
        assert pdf.exists(), f"LibreOffice could not open {source.name}"
        reader = pypdf.PdfReader(pdf)
        assert len(reader.pages) >= 1
        first = reader.pages[0].extract_text()
        assert first.strip(), f"{source.name} opened as an empty page"


def test_every_pdf_opens_in_draw_and_renders(exported: dict[str, Path], tmp_path: Path) -> None:
    pdfs = sorted(p for p in exported.values() if p.suffix == ".pdf")
    rendered = tmp_path / "rendered"
    _soffice(
        tmp_path / "profile", rendered, "--infilter=draw_pdf_import", "--convert-to", "png",
        *map(str, pdfs),
    )  # fmt: skip
    for source in pdfs:
        png = rendered / f"{source.stem}.png"
        assert png.exists(), f"LibreOffice could not open {source.name}"
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 5_000
