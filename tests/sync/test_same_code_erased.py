"""A mentee code made on two computers, then one of the two mentees erased: every computer
ends with the same codes (the suffix given at the collision is undone with the erasure).

Found by the convergence property: the computer that erased its mentee before it saw the
other kept "SAME-1" while the computers that saw both kept "SAME-1-dddd" for ever.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fixtures.journal_fixtures import make_mentee
from tests.sync.harness import Net, contents


@pytest.fixture
def net(tmp_path: Path, fast_kdf: object) -> Iterator[Net]:
    made = Net(tmp_path)
    first = made.first("a", lambda j: make_mentee(j, "A-0"))
    made.join("b", first)
    made.join("c", first)
    yield made
    for device in made.devices.values():
        device.journal.lock()


def _codes(net: Net) -> list[list[str]]:
    return [sorted(m.code for m in d.journal.list_mentees()) for d in net.devices.values()]


@pytest.mark.parametrize("eraser", ["a", "b"])
def test_erased_before_it_ever_synced_leaves_one_code_everywhere(net: Net, eraser: str) -> None:
    for name in ("a", "b"):
        make_mentee(net.devices[name].journal, "SAME-1")
    journal = net.devices[eraser].journal
    own = journal.find_mentee("SAME-1")
    assert own is not None
    journal.erase_mentee(own.id)
    net.mesh(rounds=4)
    assert _codes(net) == [["A-0", "SAME-1"]] * 3
    first, *others = [contents(d.journal) for d in net.devices.values()]
    assert all(other == first for other in others)


def test_after_both_were_seen_the_holders_erasure_gives_the_code_back(net: Net) -> None:
    for name in ("a", "b"):
        make_mentee(net.devices[name].journal, "SAME-1")
    net.mesh(rounds=4)
    codes = _codes(net)
    assert codes[0] == codes[1] == codes[2] and len(codes[0]) == 3  # A-0, SAME-1, SAME-1-dddd
    holder = net.devices["c"].journal.find_mentee("SAME-1")
    assert holder is not None
    net.devices["c"].journal.erase_mentee(holder.id)
    net.mesh(rounds=4)
    assert _codes(net) == [["A-0", "SAME-1"]] * 3


def test_a_code_that_only_looks_suffixed_is_left_alone(net: Net) -> None:
    journal = net.devices["a"].journal
    make_mentee(journal, "M-1")
    typed = make_mentee(journal, "M-1-abcd")
    gone = journal.find_mentee("M-1")
    assert gone is not None
    journal.erase_mentee(gone.id)
    assert [m.code for m in journal.list_mentees() if m.id == typed.id] == ["M-1-abcd"]
