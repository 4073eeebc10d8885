"""The printable coping plan: one clean page a mentee can take home and keep by the phone.

Large type, the seven sections in their usual order, phone numbers in bold so they can be found
in a hurry, and nothing internal (no ids, no mentee code, no version hashes). The layout
shrinks the type step by step until the whole plan fits on one page; only a plan too long
to read at the smallest size spills onto a second page rather than losing a word.
"""

from __future__ import annotations

import re
from pathlib import Path

from mentorjournal.clock import LocalZone
from mentorjournal.domain import CopingPlanVersion, PlanSection
from mentorjournal.export.document import BulletList, Document, Heading, Paragraph, Run
from mentorjournal.export.output import write_export_bytes
from mentorjournal.export.pdf import PdfStyle, layout_pdf

#: Type sizes tried in turn (points) until the plan fits on one page.
SIZES: tuple[float, ...] = (15.0, 14.0, 13.0, 12.0, 11.0, 10.0, 9.0)

# A run of digits that reads as a phone number: at least six digits, spaces, dashes, dots or
# brackets between them, an optional leading +. "116 123" and "+44 (0)20 7946 0000" match.
_PHONE = re.compile(r"\+?\(?\d[\d ().-]{4,}\d")
_MIN_PHONE_DIGITS = 6

SECTION_PROMPTS: dict[PlanSection, str] = {
    PlanSection.WARNING_SIGNS: "Warning signs and triggers",
    PlanSection.SELF_COPING: "Things I can do on my own to take my mind off things",
    PlanSection.SOCIAL_DISTRACTION: "People and places that help distract me",
    PlanSection.PEOPLE_TO_ASK: "People I can ask for help",
    PlanSection.PROFESSIONALS: "Professionals and services I can contact",
    PlanSection.SAFER_ENVIRONMENT: "Making my surroundings safer",
    PlanSection.WHAT_MATTERS: "What matters most to me",
}


def emphasise_phone_numbers(text: str) -> tuple[Run, ...]:
    """Split ``text`` into runs with every phone number in bold."""
    runs: list[Run] = []
    position = 0
    for match in _PHONE.finditer(text):
        if sum(char.isdigit() for char in match.group()) < _MIN_PHONE_DIGITS:
            continue
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        runs.append(Run(match.group(), bold=True))
        position = match.end()
    if position < len(text) or not runs:
        runs.append(Run(text[position:]))
    return tuple(runs)


def coping_plan_document(
    plan: CopingPlanVersion, owner_name: str = "", *, zone: LocalZone
) -> Document:
    """The plan as a Document: title, date (the mentor's local day), then each section."""
    title = f"{owner_name}'s coping plan" if owner_name.strip() else "My coping plan"
    updated = zone.day_of(plan.saved_at)
    subtitle = f"Last updated {updated.day} {updated:%B %Y}"
    blocks: list[Heading | Paragraph | BulletList] = []
    for number, section in enumerate(PlanSection, start=1):
        items = plan.items(section)
        blocks.append(Heading(1, f"{number}. {SECTION_PROMPTS[section]}"))
        if items:
            blocks.append(BulletList(tuple(emphasise_phone_numbers(item) for item in items)))
        else:
            blocks.append(Paragraph.of(Run("(nothing written yet)", italic=True)))
    blocks.append(
        Paragraph.of(
            Run(
                "If you are in danger right now, call your local emergency number.",
                bold=True,
            )
        )
    )
    return Document(title=title, subtitle=subtitle, blocks=tuple(blocks))


def _layout(document: Document, size: float) -> tuple[bytes, int]:
    style = PdfStyle(
        base_size=size,
        title_size=size * 1.6,
        margin=14.0,
        line_factor=1.3,
        page_numbers=False,
    )
    return layout_pdf(document, style)


def coping_plan_pdf(
    plan: CopingPlanVersion, owner_name: str = "", *, zone: LocalZone
) -> tuple[bytes, int]:
    """The plan laid out in the largest type that fits one page; returns (bytes, pages).

    Pages only grow as type grows, so a binary search over ``SIZES`` finds the largest size
    that fits in about three layouts instead of seven.
    """
    document = coping_plan_document(plan, owner_name, zone=zone)
    low, high = 0, len(SIZES) - 1  # SIZES is largest first
    best: tuple[bytes, int] | None = None
    while low <= high:
        middle = (low + high) // 2
        data, pages = _layout(document, SIZES[middle])
        if pages == 1:
            best = (data, pages)
            high = middle - 1
        else:
            low = middle + 1
    return best or _layout(document, SIZES[-1])


def write_coping_plan_pdf(
    plan: CopingPlanVersion, path: Path, owner_name: str = "", *, zone: LocalZone
) -> int:
    """Write the printable plan atomically (0600); returns its number of pages (1 when it fits)."""
    data, pages = coping_plan_pdf(plan, owner_name, zone=zone)
    write_export_bytes(path, data)
    return pages
