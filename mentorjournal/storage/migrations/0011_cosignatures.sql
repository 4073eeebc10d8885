-- Supervisor co-signature of signed notes (docs/record-keeping.md, "Co-signature").
--
-- `review_requests`: the mentor marked a signed note "for supervisor review" (id = the note's
-- id). `cosignatures`: the supervisor's co-signature, one per note (id = the note's id, so two
-- computers that co-sign the same note meet as one record in sync). A co-signature's hash
-- covers the note's signature and its own fields (domain/cosignature.py); it is sealed like an
-- addendum and append-only: UPDATE is refused, DELETE only inside the mentee's erasure.
CREATE TABLE review_requests (
    id           TEXT PRIMARY KEY REFERENCES session_notes(id) ON DELETE CASCADE,
    mentee_id    TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    requested_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER review_requests_only_on_signed_notes
BEFORE INSERT ON review_requests
WHEN NOT EXISTS (SELECT 1 FROM session_notes
                 WHERE id = NEW.id AND mentee_id = NEW.mentee_id AND signed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'a review request belongs to a signed note of the same mentee');
END;

CREATE TABLE cosignatures (
    id             TEXT PRIMARY KEY REFERENCES session_notes(id) ON DELETE CASCADE,
    mentee_id      TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    name           TEXT NOT NULL CHECK (length(name) > 0),
    role           TEXT NOT NULL CHECK (length(role) > 0),
    cosigned_on    TEXT NOT NULL,
    written_at     TEXT NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    note_signature TEXT NOT NULL CHECK (length(note_signature) = 64),
    hash           TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX cosignatures_by_mentee ON cosignatures(mentee_id);

CREATE TRIGGER cosignatures_only_on_signed_notes
BEFORE INSERT ON cosignatures
WHEN NOT EXISTS (SELECT 1 FROM session_notes
                 WHERE id = NEW.id AND mentee_id = NEW.mentee_id AND signed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'a co-signature belongs to a signed note of the same mentee');
END;

CREATE TRIGGER cosignatures_no_update
BEFORE UPDATE ON cosignatures
BEGIN
    SELECT RAISE(ABORT, 'record signed: a co-signature is append-only');
END;

CREATE TRIGGER cosignatures_no_delete
BEFORE DELETE ON cosignatures
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a co-signature is append-only');
END;

-- Seals now also cover co-signatures and supervision sign-offs (a sign-off belongs to no
-- mentee: its mentee_id is ''). SQLite cannot widen a CHECK in place, so the table is rebuilt
-- with every seal copied as it was (origins kept) and its append-only triggers made again.
CREATE TABLE record_seals_widened (
    kind      TEXT NOT NULL CHECK (kind IN ('note', 'addendum', 'cosignature',
                  'supervision_signoff')),
    record_id TEXT NOT NULL,
    mentee_id TEXT NOT NULL,
    seal      BLOB NOT NULL CHECK (length(seal) = 32),
    origin    TEXT NOT NULL CHECK (origin IN ('here', 'imported', 'upgrade', 'synced')),
    PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;
INSERT INTO record_seals_widened(kind, record_id, mentee_id, seal, origin)
    SELECT kind, record_id, mentee_id, seal, origin FROM record_seals;
DROP TABLE record_seals;
ALTER TABLE record_seals_widened RENAME TO record_seals;
CREATE INDEX record_seals_by_mentee ON record_seals(mentee_id);

CREATE TRIGGER record_seals_no_update
BEFORE UPDATE ON record_seals
BEGIN
    SELECT RAISE(ABORT, 'record seals are append-only');
END;

CREATE TRIGGER record_seals_no_delete
BEFORE DELETE ON record_seals
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record seals are append-only');
END;
