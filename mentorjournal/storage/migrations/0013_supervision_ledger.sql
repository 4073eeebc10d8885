-- The supervision ledger (docs/record-keeping.md, "Supervision ledger"): each meeting's length
-- and the Proctor functions it covered, the supervision agreement, and the supervisor's
-- sign-off of a meeting, after which the meeting is locked.
ALTER TABLE supervision_sessions ADD COLUMN minutes INTEGER
    CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440);
ALTER TABLE supervision_sessions ADD COLUMN functions TEXT NOT NULL DEFAULT '[]';

-- The agreement is the mentor's own record (not a mentee's): edited when it is reviewed.
CREATE TABLE supervision_agreements (
    id                     TEXT PRIMARY KEY,
    supervisor             TEXT NOT NULL CHECK (length(supervisor) > 0),
    started_on             TEXT NOT NULL,
    review_on              TEXT,
    purpose                TEXT NOT NULL CHECK (length(purpose) > 0),
    frequency              TEXT NOT NULL CHECK (length(frequency) > 0),
    recorded               TEXT NOT NULL CHECK (length(recorded) > 0),
    confidentiality        TEXT NOT NULL CHECK (length(confidentiality) > 0),
    target_hours_per_month REAL CHECK (target_hours_per_month IS NULL
                               OR (target_hours_per_month > 0 AND target_hours_per_month <= 40)),
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
) STRICT;

-- One sign-off per meeting (id = the meeting's id). `content_hash` is the meeting's hash as
-- signed off (domain/supervision_ledger.py); the row is sealed (record_seals kind
-- 'supervision_signoff', mentee_id '') and never changed or deleted.
CREATE TABLE supervision_signoffs (
    id           TEXT PRIMARY KEY REFERENCES supervision_sessions(id),
    name         TEXT NOT NULL CHECK (length(name) > 0),
    signed_on    TEXT NOT NULL,
    written_at   TEXT NOT NULL,
    content_hash TEXT NOT NULL CHECK (length(content_hash) = 64)
) STRICT;

CREATE TRIGGER supervision_signoffs_no_update
BEFORE UPDATE ON supervision_signoffs
BEGIN
    SELECT RAISE(ABORT, 'record signed: a supervision sign-off cannot be changed');
END;

CREATE TRIGGER supervision_signoffs_no_delete
BEFORE DELETE ON supervision_signoffs
BEGIN
    SELECT RAISE(ABORT, 'record signed: a supervision sign-off cannot be deleted');
END;

-- A signed-off meeting is locked: its row, its agenda items and its actions (all but an
-- action's "done" tick). Erasing a mentee may still take the items drawn from their record.
CREATE TRIGGER supervision_signed_off_no_update
BEFORE UPDATE ON supervision_sessions
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_signed_off_no_delete
BEFORE DELETE ON supervision_sessions
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be deleted');
END;

CREATE TRIGGER supervision_items_signed_off_no_insert
BEFORE INSERT ON supervision_items
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = NEW.supervision_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_items_signed_off_no_update
BEFORE UPDATE ON supervision_items
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.supervision_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_items_signed_off_no_delete
BEFORE DELETE ON supervision_items
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.supervision_id)
    AND NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_actions_signed_off_no_insert
BEFORE INSERT ON supervision_actions
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = NEW.supervision_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_actions_signed_off_no_update
BEFORE UPDATE OF id, supervision_id, position, text, owner, due_on ON supervision_actions
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.supervision_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;

CREATE TRIGGER supervision_actions_signed_off_no_delete
BEFORE DELETE ON supervision_actions
WHEN EXISTS (SELECT 1 FROM supervision_signoffs WHERE id = OLD.supervision_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed-off supervision record cannot be changed');
END;
