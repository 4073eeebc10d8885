"""The passphrase policy and the live strength report."""

from __future__ import annotations

import pytest

from mentorjournal.errors import WeakPassphrase
from mentorjournal.vault.passphrase import MAX_LENGTH, MIN_LENGTH, assess, check_passphrase
from tests.fixtures.vault_fixtures import TEST_PASSPHRASE


def test_fourteen_characters_are_refused_and_fifteen_strong_ones_accepted() -> None:
    with pytest.raises(WeakPassphrase, match="at least 15"):
        check_passphrase("Zq8#vL2!mW9@kR4"[:14])
    check_passphrase("Zq8#vL2!mW9@kR4")


def test_length_is_counted_after_nfkc_normalisation() -> None:
    # Ten ligature characters normalise to twenty letters.
    assert assess("\ufb01" * 10).length == 20
    assert assess("e\u0301" * 15).length == 15  # decomposed accents compose


@pytest.mark.parametrize(
    "common", ["qazwsxedcrfvtgb", "123456789qwerty", "1QAZ2WSX3EDC4RFV", "mailcreated 5240"]
)
def test_common_passwords_from_the_bundled_list_are_refused(common: str) -> None:
    report = assess(common)
    assert not report.acceptable
    assert "common" in report.message
    with pytest.raises(WeakPassphrase):
        check_passphrase(common)


def test_long_but_trivially_guessable_passphrases_are_refused() -> None:
    with pytest.raises(WeakPassphrase):
        check_passphrase("a" * 20)


def test_quotes_backslashes_and_non_ascii_are_welcome() -> None:
    check_passphrase(TEST_PASSPHRASE)
    check_passphrase("'; DROP TABLE notes; -- \"x'00'\" 森の小道")


def test_no_maximum_below_1024_characters() -> None:
    words = "river lantern copper meadow " * 40
    check_passphrase(words[:MAX_LENGTH])
    with pytest.raises(WeakPassphrase, match="at most"):
        check_passphrase(words[:MAX_LENGTH] + "x")


def test_report_gives_a_score_and_text_the_ui_can_show() -> None:
    weak = assess("short")
    strong = assess("copper lantern drifts over quiet meadows")
    assert weak.score <= 1 < strong.score <= 4
    assert f"{MIN_LENGTH}" in weak.message
    assert strong.acceptable and strong.problems == ()
