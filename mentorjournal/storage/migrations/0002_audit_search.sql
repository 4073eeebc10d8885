-- The hash-chained audit log (ids and kinds only, never content) and the full-text index.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record_id TEXT,
    detail    TEXT NOT NULL DEFAULT '',
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- The searchable text. kind/record_id/mentee_id/day ride along UNINDEXED so one query yields a
-- whole hit with its snippet and filters cost nothing extra once MATCH has narrowed the rows.
CREATE VIRTUAL TABLE search_index USING fts5(
    title,
    body,
    kind UNINDEXED,
    record_id UNINDEXED,
    mentee_id UNINDEXED,
    day UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1);

-- Which FTS row holds which record: UNINDEXED columns cannot be looked up without a full scan,
-- so replacing or forgetting one record (or every record of a mentee) goes through this map.
CREATE TABLE search_doc (
    doc       INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    mentee_id TEXT,
    UNIQUE (kind, record_id)
) STRICT;

CREATE INDEX search_doc_mentee ON search_doc(mentee_id);
