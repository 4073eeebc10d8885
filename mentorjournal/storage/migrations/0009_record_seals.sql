-- Provable records: a keyed seal (HMAC-SHA256 under a key derived from the data key) for every
-- signed note and addendum, and a keyed chain value for every audit event. The seal binds the
-- record's id, mentee, times and content hash; see docs/vault-format.md for the exact bytes.
-- Rows are written by storage/sealing.py (Python holds the key; SQLite never does) and checked
-- by `verify`. No foreign key on purpose: a seal outliving its record is how a record deleted
-- behind the app's back is noticed.
CREATE TABLE record_seals (
    kind      TEXT NOT NULL CHECK (kind IN ('note', 'addendum')),
    record_id TEXT NOT NULL,
    mentee_id TEXT NOT NULL,
    seal      BLOB NOT NULL CHECK (length(seal) = 32),
    origin    TEXT NOT NULL CHECK (origin IN ('here', 'imported', 'upgrade', 'synced')),
    PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX record_seals_by_mentee ON record_seals(mentee_id);

CREATE TRIGGER record_seals_no_update
BEFORE UPDATE ON record_seals
BEGIN
    SELECT RAISE(ABORT, 'record seals are append-only');
END;

-- A seal goes only with its mentee's erasure, like the signed record it seals.
CREATE TRIGGER record_seals_no_delete
BEFORE DELETE ON record_seals
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record seals are append-only');
END;

-- mac(n) = HMAC(audit key, mac(n-1) || seq as 8 bytes big-endian || hash(n)); mac(0) = 32 zero bytes.
CREATE TABLE audit_macs (
    seq INTEGER PRIMARY KEY,
    mac BLOB NOT NULL CHECK (length(mac) = 32)
) STRICT;

CREATE TRIGGER audit_macs_no_update
BEFORE UPDATE ON audit_macs
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_macs_no_delete
BEFORE DELETE ON audit_macs
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The last audit event written before this vault had seals (0 for a vault born with them).
-- Events after it are held to the sealed rules: a signed note or addendum that the log says
-- was made must still exist, or the log must say the erase command took it.
CREATE TABLE seal_epoch (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    audit_seq INTEGER NOT NULL CHECK (audit_seq >= 0)
) STRICT;

CREATE TRIGGER seal_epoch_no_update
BEFORE UPDATE ON seal_epoch
BEGIN
    SELECT RAISE(ABORT, 'the seal epoch is fixed');
END;

CREATE TRIGGER seal_epoch_no_delete
BEFORE DELETE ON seal_epoch
BEGIN
    SELECT RAISE(ABORT, 'the seal epoch is fixed');
END;
