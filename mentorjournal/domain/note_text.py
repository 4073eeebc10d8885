"""Plain text <-> note sections: the ``## Section`` format the CLI reads and prints.

A free note is its text exactly as given. A template note is a series of ``## Name`` headings
(case-insensitive, a trailing colon allowed), each followed by that section's text; blank
lines around a section's text are dropped. Text before the first heading, an unknown heading
or a repeated one is refused with a message, so nothing is silently misfiled.
"""

from __future__ import annotations

import re

from mentorjournal.domain.notes import NoteTemplate, Sections
from mentorjournal.errors import ValidationError

_HEADING = re.compile(r"^##[ \t]+(?P<name>[^\r\n]*?)[ \t]*:?[ \t]*\r?$")


def _section_lookup(template: NoteTemplate) -> dict[str, str]:
    return {name.casefold(): name for name in template.sections}


def _trim_blank_lines(lines: list[str]) -> str:
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.removesuffix("\r") for line in lines)


def parse_note_text(template: NoteTemplate, text: str) -> Sections:
    """The sections of ``template`` filled from ``text`` (missing sections stay empty)."""
    if template is NoteTemplate.FREE:
        return ((template.sections[0], text),)
    lookup = _section_lookup(template)
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.split("\n"):
        match = _HEADING.match(line)
        if match:
            key = match["name"].strip().casefold()
            if key not in lookup:
                raise ValidationError(
                    f"Unknown heading for a {template.label} note; use: "
                    + ", ".join(f"## {n}" for n in template.sections)
                    + "."
                )
            name = lookup[key]
            if name in found:
                raise ValidationError(f"The section {name} appears twice.")
            current = found[name] = []
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise ValidationError(
                f"A {template.label} note starts with a heading such as ## {template.sections[0]}."
            )
    return tuple((name, _trim_blank_lines(found.get(name, []))) for name in template.sections)


def format_note_text(template: NoteTemplate, sections: Sections) -> str:
    """The inverse of ``parse_note_text`` for text without stray blank edges."""
    if template is NoteTemplate.FREE:
        return sections[0][1]
    return "\n\n".join(f"## {name}\n{text}" if text else f"## {name}" for name, text in sections)
