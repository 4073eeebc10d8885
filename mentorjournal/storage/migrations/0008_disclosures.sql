-- Disclosures: information about a mentee shared outside the relationship (confidentiality
-- broken for risk, safeguarding or a legal duty, or shared with agreement). A disclosure is a
-- record: UPDATE is always refused and DELETE only inside a mentee's erasure; a correction is
-- a new row naming the row it corrects (`corrects_id`, at most one correction per row).
-- `note_id` and `followup_id` point to the session note and the risk follow-up it belongs to;
-- they are not foreign keys because a draft note may still be deleted, and the disclosure
-- must outlive that.
CREATE TABLE disclosures (
    id            TEXT PRIMARY KEY,
    mentee_id     TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    shared_at     TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    basis         TEXT NOT NULL CHECK (basis IN ('risk_to_self', 'risk_to_others',
                      'safeguarding_child', 'safeguarding_adult', 'legal_duty', 'with_consent')),
    what          TEXT NOT NULL CHECK (length(what) > 0),
    recipient     TEXT NOT NULL CHECK (length(recipient) > 0),
    method        TEXT NOT NULL CHECK (method IN ('phone', 'in_person', 'video', 'secure_email',
                      'email', 'online_form', 'letter', 'other')),
    reasoning     TEXT NOT NULL CHECK (length(reasoning) > 0),
    reference     TEXT NOT NULL DEFAULT '',
    advice_sought TEXT NOT NULL DEFAULT '',
    informed      TEXT NOT NULL CHECK (informed IN ('before', 'after', 'not_yet', 'not_told')),
    informed_note TEXT NOT NULL DEFAULT '',
    note_id       TEXT,
    followup_id   TEXT,
    corrects_id   TEXT UNIQUE REFERENCES disclosures(id),
    CHECK (informed <> 'not_told' OR length(informed_note) > 0)
) STRICT;
CREATE INDEX disclosures_by_mentee ON disclosures(mentee_id, shared_at);

CREATE TRIGGER disclosures_correct_same_mentee
BEFORE INSERT ON disclosures
WHEN NEW.corrects_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM disclosures WHERE id = NEW.corrects_id
                    AND mentee_id = NEW.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record kept: a correction belongs to an entry of the same mentee');
END;

CREATE TRIGGER disclosures_no_update
BEFORE UPDATE ON disclosures
BEGIN
    SELECT RAISE(ABORT, 'record kept: a disclosure is corrected by a new entry, never edited');
END;

CREATE TRIGGER disclosures_no_delete
BEFORE DELETE ON disclosures
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record kept: a disclosure cannot be deleted');
END;
