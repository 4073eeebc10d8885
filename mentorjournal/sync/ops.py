"""One replicated operation: a row of one table put (some fields) or deleted (a tombstone).

Operations are keyed by the record's id, so applying one twice changes nothing. A ``put``
carries only the fields the command changed, each with the stamp of the value it replaced
(its base): two devices that changed the same field from the same base wrote concurrently,
and for a draft's text that is a conflict the mentor sees, not a silent loss.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Value = str | int | float | None
#: The stamp of a field value: (hybrid clock, device id).
Stamp = tuple[int, str]
OpKind = Literal["put", "del"]


@dataclass(frozen=True)
class Op:
    """One row change, as written in a segment."""

    hlc: int
    tbl: str
    record_id: str
    kind: OpKind
    fields: Mapping[str, Value] = field(default_factory=dict)
    base: Mapping[str, Stamp] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in ("put", "del"):
            raise ValueError(f"unknown operation kind {self.kind!r}")
        if not self.tbl or not self.record_id:
            raise ValueError("an operation names its table and record")

    def to_json(self) -> list[Any]:
        fields = {k: _encode(v) for k, v in self.fields.items()}
        base = {k: [s[0], s[1]] for k, s in self.base.items()}
        return [self.hlc, self.tbl, self.record_id, self.kind, fields, base]

    @classmethod
    def from_json(cls, data: Any) -> Op:
        """An operation from its segment form; ``ValueError`` for anything malformed."""
        if not isinstance(data, list) or len(data) != 6:
            raise ValueError("an operation is a list of six items")
        hlc, tbl, record_id, kind, fields, base = data
        if not isinstance(hlc, int) or not isinstance(tbl, str) or not isinstance(record_id, str):
            raise ValueError("an operation's stamp, table or record id is malformed")
        if not isinstance(fields, dict) or not isinstance(base, dict):
            raise ValueError("an operation's fields are malformed")
        stamps: dict[str, Stamp] = {}
        for name, stamp in base.items():
            if not (isinstance(stamp, list) and len(stamp) == 2 and isinstance(stamp[0], int)):
                raise ValueError("an operation's base stamp is malformed")
            stamps[str(name)] = (stamp[0], str(stamp[1]))
        return cls(
            hlc, tbl, record_id, kind, {str(k): _decode(v) for k, v in fields.items()}, stamps
        )


def _encode(value: object) -> Any:
    if value is None or isinstance(value, str | int | float):
        return value
    raise ValueError("only text, numbers and NULL are replicated")


def _decode(value: Any) -> Value:
    if value is None or isinstance(value, str | int | float):
        return value
    raise ValueError("an operation's field value is malformed")


def compact(ops: Sequence[Op]) -> list[Op]:
    """Drop every put that a later put of the same record, in the same batch, overwrites whole.

    Autosave writes a draft's text every pause in typing; between two syncs only the last
    version matters to the other computers. A later put that changes every field an earlier
    one changed replaces it, taking the earlier one's base for those fields (the value the run
    of edits started from), so a concurrent edit elsewhere is still seen as a conflict. Puts
    that changed other fields are kept: each field's stamp must stay what this device recorded.
    """
    kept: list[Op | None] = list(ops)
    latest: dict[tuple[str, str], int] = {}
    for i, op in enumerate(ops):
        key = (op.tbl, op.record_id)
        j = latest.get(key)
        latest[key] = i
        if j is None:
            continue
        earlier = kept[j]
        if earlier is None or earlier.kind != "put" or op.kind != "put":
            continue
        if "id" in earlier.fields or not set(earlier.fields) <= set(op.fields):
            continue  # an insert, or fields the later put did not touch
        kept[j] = None
        kept[i] = Op(op.hlc, op.tbl, op.record_id, "put", op.fields, {**op.base, **earlier.base})
    return [op for op in kept if op is not None]
