-- The session header and the service profile. `record_settings` is one row: the service
-- profile that decides which header fields a note needs before signing and when it is due, the
-- signer (name, role, credentials) stamped on each note at signing, and the editable lists of
-- places and service types (JSON). The rules of each profile live in the code
-- (mentorjournal/domain/service_profile.py).
CREATE TABLE record_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    profile            TEXT NOT NULL CHECK (profile IN (
                           'none', 'us_medicaid_peer', 'uk_dsa', 'volunteer')),
    signer_name        TEXT NOT NULL DEFAULT '',
    signer_role        TEXT NOT NULL DEFAULT '',
    signer_credentials TEXT NOT NULL DEFAULT '',
    places             TEXT NOT NULL DEFAULT '[]',
    services           TEXT NOT NULL DEFAULT '[]',
    updated_at         TEXT NOT NULL
) STRICT;

-- One header per note (`id` is the note's id, so sync replicates it like every record), written
-- with the draft and frozen with it: once the note is signed the
-- header is covered by the note's hash, and the triggers below refuse any change to it. A header
-- may be inserted beside a signed note (a JSON import restores both); one added later would not
-- match the note's hash, and verify reports it.
CREATE TABLE session_headers (
    id                  TEXT PRIMARY KEY REFERENCES session_notes(id) ON DELETE CASCADE,
    mentee_id           TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    ended_at            TEXT,
    place               TEXT NOT NULL DEFAULT '',
    service             TEXT NOT NULL DEFAULT '',
    service_code        TEXT NOT NULL DEFAULT '',
    modality            TEXT NOT NULL DEFAULT 'individual' CHECK (modality IN ('individual', 'group')),
    goals               TEXT NOT NULL DEFAULT '[]',
    written_with_mentee INTEGER NOT NULL DEFAULT 0 CHECK (written_with_mentee IN (0, 1)),
    own_words           TEXT NOT NULL DEFAULT '',
    crisis              INTEGER NOT NULL DEFAULT 0 CHECK (crisis IN (0, 1)),
    late_reason         TEXT NOT NULL DEFAULT '',
    signer_name         TEXT,
    signer_role         TEXT,
    signer_credentials  TEXT,
    profile             TEXT,
    due_at              TEXT
) STRICT;

CREATE TRIGGER session_headers_signed_no_update
BEFORE UPDATE ON session_headers
WHEN EXISTS (SELECT 1 FROM session_notes WHERE id = OLD.id AND signed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed note cannot be changed');
END;

CREATE TRIGGER session_headers_signed_no_delete
BEFORE DELETE ON session_headers
WHEN EXISTS (SELECT 1 FROM session_notes WHERE id = OLD.id AND signed_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed note cannot be deleted');
END;
