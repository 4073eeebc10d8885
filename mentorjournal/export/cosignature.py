"""Both signatures of a note as an export shows them: the mentor's and the supervisor's.

Shown under the note's content (the co-signature covers the note as signed, not its later
addenda) as a small table: who signed and when, who co-signed with role and date, the
supervisor's comment, or that review was asked for and no co-signature is there yet.
Notes with neither a co-signature nor a request for one export as they always did.
"""

from __future__ import annotations

from mentorjournal.clock import LocalZone
from mentorjournal.domain import SessionNote
from mentorjournal.domain.cosignature import CoSignature, ReviewRequest
from mentorjournal.export.document import Block, Heading, Table


def signature_rows(
    note: SessionNote,
    cosignature: CoSignature | None,
    review: ReviewRequest | None,
    *,
    zone: LocalZone,
) -> list[tuple[str, str]]:
    """Label and value rows; empty when there is no co-signature and no request for one."""
    if note.signed_at is None or (cosignature is None and review is None):
        return []
    signer = note.header.signer if note.header is not None else None
    who = "the mentor" if signer is None else signer.line
    rows = [("Signed", f"{who}, {zone.display(note.signed_at)}")]
    if cosignature is not None:
        recorded = zone.display(cosignature.written_at)
        rows.append(("Co-signed", f"{cosignature.line} (recorded {recorded})"))
        if cosignature.comment:
            rows.append(("Supervisor's comment", cosignature.comment))
    elif review is not None:
        requested = zone.display(review.requested_at)
        rows.append(("Co-signature", f"supervisor review asked for {requested}; not yet co-signed"))
    return rows


def signature_blocks(
    note: SessionNote,
    cosignature: CoSignature | None,
    review: ReviewRequest | None,
    *,
    zone: LocalZone,
) -> list[Block]:
    rows = signature_rows(note, cosignature, review, zone=zone)
    if not rows:
        return []
    return [Heading(3, "Signatures"), Table(tuple(rows), header=False)]
