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
        # A selection of plain text is hidden; one made of earlier markers ("[redacted][reda")
        # legitimately reappears, since the new marker sits next to the old ones.
        plain = "[" not in selected and "]" not in selected
        if selected.strip() and plain and len(selected) > 14:
            assert selected not in block.text
        for span in block.spans():
            assert block.text[span.start : span.end] == span.replacement.shown


def test_draft_edits_return_new_drafts() -> None:
    draft = SupervisionDraft("T", "S", (_block(),))
    edited = draft.redact(0, 0, 3)
    assert draft.blocks[0].text.startswith("Mentee A")
    assert edited.blocks[0].text.startswith("[redacted]")
    assert edited.document().plain_text().count("[redacted]") == 1


# -- the mentor stays in control: corrections survive a fresh draft -------------------------


def _two_block_draft() -> SupervisionDraft:
    first = DraftBlock(
        BlockKind.PARAGRAPH,
        "Sam met Jo at the Blue Door cafe.",
        (Replacement(0, 3, "name", "Sam", "Mentee A", group="g1"),
         Replacement(8, 10, "name", "Jo", "Friend A", group="g2")),
    )  # fmt: skip
    second = DraftBlock(
        BlockKind.PARAGRAPH,
        "Later JO texted; the Blue Door cafe again.",
        (Replacement(6, 8, "name", "JO", "Friend A", group="g2"),),
    )
    heading = DraftBlock(BlockKind.HEADING, "Session 1 · week 1, day 1", (), authored=False)
    return SupervisionDraft("Supervision summary", "", (heading, first, second))


def test_redact_everywhere_covers_every_occurrence_in_any_case() -> None:
    draft = _two_block_draft().redact_everywhere("blue door")
    assert "Blue Door" not in draft.plain_text()
    assert draft.plain_text().count("[redacted]") == 2


def test_the_replacements_list_has_one_group_per_person_with_every_form() -> None:
    groups = {g.label: g for g in _two_block_draft().groups()}
    assert groups["Friend A"].surfaces == ["Jo", "JO"]
    assert groups["Friend A"].count == 2
    assert groups["Mentee A"].count == 1


def test_restores_and_redactions_survive_a_fresh_draft_of_the_same_notes() -> None:
    draft = _two_block_draft()
    friend = next(g for g in draft.groups() if g.label == "Friend A")
    draft = draft.set_kept(friend.members, True)
    draft = draft.redact(
        1, draft.blocks[1].text.index("cafe"), draft.blocks[1].text.index("cafe") + 4
    )
    corrections = draft.corrections()
    fresh = _two_block_draft().apply(corrections)
    assert fresh.plain_text() == draft.plain_text()
    assert "Jo met" not in fresh.plain_text() and "JO texted" in fresh.plain_text()
    assert fresh.blocks[1].text.endswith("[redacted].")


def test_please_check_lists_unknown_capitalised_words_numbers_and_life_events() -> None:
    block = DraftBlock(
        BlockKind.PARAGRAPH,
        "Mentee A met Zyrah near the pier. She lives at number 42. Her uncle was arrested. Mood 7/10.",
    )
    heading = DraftBlock(BlockKind.HEADING, "Session 3 · 60 min", (), authored=False)
    items = SupervisionDraft("t", "", (heading, block)).please_check()
    found = {(i.kind, i.text) for i in items}
    assert (
        ("word", "Zyrah") in found and ("number", "42") in found and ("event", "arrested") in found
    )
    assert not any(i.text in ("3", "60", "7/10", "7", "10", "Mentee") for i in items)
