"""Draft edits (restore, redact) keep offsets valid and never lose or duplicate text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentorjournal.export.draft import (
    MANUAL,
    REDACTED,
    BlockKind,
    DraftBlock,
    Replacement,
    SupervisionDraft,
)

ORIGINAL = "Tam met Jo in Leeds on 3 March."


def _block() -> DraftBlock:
    return DraftBlock(
        BlockKind.PARAGRAPH,
        ORIGINAL,
        (
            Replacement(0, 3, "name", "Tam", "Mentee A", known=True),
            Replacement(8, 10, "name", "Jo", "Friend A"),
            Replacement(14, 19, "place", "Leeds", "[Town]"),
            Replacement(23, 30, "date", "3 March", "week 2, day 3"),
        ),
    )


def test_text_shows_pseudonyms_and_spans_point_at_them() -> None:
    block = _block()
    assert block.text == "Mentee A met Friend A in [Town] on week 2, day 3."
    for span in block.spans():
        assert block.text[span.start : span.end] == span.replacement.pseudonym


def test_toggle_restores_then_replaces_again() -> None:
    block = _block().toggle(2)
    assert block.text == "Mentee A met Friend A in Leeds on week 2, day 3."
    assert block.toggle(2).text == _block().text


def test_redacting_across_a_replacement_absorbs_it() -> None:
    block = _block()
    start = block.text.index("Friend A") + 3
    end = block.text.index(" on")
    redacted = block.redact(start, end)
    assert redacted.text == "Mentee A met [redacted] on week 2, day 3."
    manual = [r for r in redacted.replacements if r.category == MANUAL]
    assert manual[0].original == "Jo in Leeds"
    # Removing a manual redaction gives back what was there, including the absorbed names.
    index = redacted.replacements.index(manual[0])
    assert redacted.toggle(index).text == "Mentee A met Jo in Leeds on week 2, day 3."


@given(st.data())
def test_any_redaction_keeps_offsets_valid_and_hides_the_selection(data: st.DataObject) -> None:
    block = _block()
    for _ in range(data.draw(st.integers(1, 4))):
        length = len(block.text)
        start = data.draw(st.integers(0, length - 1))
        end = data.draw(st.integers(start + 1, length))
        selected = block.text[start:end]
        before = block.text[:start]
        block = block.redact(start, end)
        # Text before the selection is unchanged, except a replacement it cut into.
        assert block.text.startswith(before[: max(0, len(before) - 14)])
        assert REDACTED in block.text
        if selected.strip() and selected not in (REDACTED,) and len(selected) > 14:
            assert selected not in block.text
        for span in block.spans():
            assert block.text[span.start : span.end] == span.replacement.shown


def test_draft_edits_return_new_drafts() -> None:
    draft = SupervisionDraft("T", "S", (_block(),))
    edited = draft.redact(0, 0, 3)
    assert draft.blocks[0].text.startswith("Mentee A")
    assert edited.blocks[0].text.startswith("[redacted]")
    assert edited.document().plain_text().count("[redacted]") == 1
