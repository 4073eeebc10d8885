"""Recovery key text: 160 bits, grouped, a check group that turns typos into a typo message."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorjournal.errors import WrongPassphrase
from mentorjournal.vault.recovery import (
    RecoveryKeyTypo,
    format_recovery_key,
    new_recovery_secret,
    parse_recovery_key,
)


def test_key_carries_160_random_bits_in_nine_groups_of_four() -> None:
    secret = new_recovery_secret()
    assert len(secret) * 8 >= 160
    text = format_recovery_key(secret)
    assert re.fullmatch(r"([A-Z2-7]{4}-){8}[A-Z2-7]{4}", text)
    assert new_recovery_secret() != secret


@given(st.binary(min_size=20, max_size=20))
def test_round_trip_tolerates_case_spaces_dashes_and_lookalikes(secret: bytes) -> None:
    text = format_recovery_key(secret)
    assert parse_recovery_key(text) == secret
    assert parse_recovery_key(text.lower().replace("-", " ")) == secret
    assert parse_recovery_key("  " + text.replace("-", "") + "\n") == secret
    assert parse_recovery_key(text.replace("O", "0").replace("I", "1")) == secret


def test_every_single_character_typo_is_reported_as_a_typo() -> None:
    text = format_recovery_key(new_recovery_secret())
    positions = [i for i, ch in enumerate(text) if ch != "-"]
    for i in positions:
        wrong = "A" if text[i] != "A" else "B"
        with pytest.raises(RecoveryKeyTypo, match="typo"):
            parse_recovery_key(text[:i] + wrong + text[i + 1 :])


def test_swapped_neighbours_are_reported_as_a_typo() -> None:
    text = format_recovery_key(bytes(range(20))).replace("-", "")
    for i in range(len(text) - 1):
        if text[i] != text[i + 1]:
            swapped = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
            with pytest.raises(RecoveryKeyTypo):
                parse_recovery_key(swapped)


@pytest.mark.parametrize("bad", ["", "ABCD", "ABCD-EFGH-!!!!", "9" * 36])
def test_malformed_text_is_a_typo_with_its_own_message(bad: str) -> None:
    with pytest.raises(RecoveryKeyTypo) as caught:
        parse_recovery_key(bad)
    assert "recovery key" in str(caught.value)


def test_typo_is_a_wrong_key_for_exit_code_purposes() -> None:
    assert issubclass(RecoveryKeyTypo, WrongPassphrase)
    assert RecoveryKeyTypo.exit_code == 3


@given(st.text(max_size=80))
def test_any_text_parses_to_a_key_or_is_a_typo(text: str) -> None:
    try:
        secret = parse_recovery_key(text)
    except RecoveryKeyTypo:
        return
    assert len(secret) == 20
