-- Sync between the mentor's own computers through a sync folder (docs/sync.md). The database
-- stays on each computer; what travels are encrypted segments of row operations. These tables
-- hold this device's side of it: identity and keys, the outbox of local operations not yet
-- written to a segment, which field value won (per-field last writer wins), tombstones, what
-- was applied from every device, operations waiting for their parent row, conflicts the
-- mentor should see, and segments refused because they failed authentication.

CREATE TABLE sync_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    journal_id   TEXT NOT NULL CHECK (length(journal_id) = 36),
    device_id    TEXT NOT NULL CHECK (length(device_id) = 36),
    sync_key     BLOB NOT NULL CHECK (length(sync_key) = 32),
    folder       TEXT NOT NULL,
    hlc          INTEGER NOT NULL DEFAULT 0 CHECK (hlc >= 0),
    joined_at    TEXT NOT NULL,
    last_sync_at TEXT
) STRICT;

CREATE TABLE sync_outbox (
    n         INTEGER PRIMARY KEY,
    hlc       INTEGER NOT NULL,
    tbl       TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('put', 'del')),
    body      TEXT NOT NULL
) STRICT;

CREATE TABLE sync_fields (
    tbl       TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    hlc       INTEGER NOT NULL,
    device    TEXT NOT NULL,
    PRIMARY KEY (tbl, record_id, field)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_tombstones (
    tbl       TEXT NOT NULL,
    record_id TEXT NOT NULL,
    hlc       INTEGER NOT NULL,
    device    TEXT NOT NULL,
    PRIMARY KEY (tbl, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_devices (
    device_id    TEXT PRIMARY KEY,
    applied_seq  INTEGER NOT NULL DEFAULT 0 CHECK (applied_seq >= 0),
    applied_hash TEXT NOT NULL DEFAULT '',
    max_hlc      INTEGER NOT NULL DEFAULT 0,
    last_seen_at TEXT,
    clock_ahead_ms INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE sync_parked (
    n      INTEGER PRIMARY KEY,
    hlc    INTEGER NOT NULL,
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    body   TEXT NOT NULL,
    UNIQUE (device, seq, idx)
) STRICT;

CREATE TABLE sync_conflicts (
    id          TEXT PRIMARY KEY,
    tbl         TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    other_value TEXT,
    other_hlc   INTEGER NOT NULL,
    other_device TEXT NOT NULL,
    reason      TEXT NOT NULL,
    found_at    TEXT NOT NULL,
    resolved_at TEXT
) STRICT;
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, tbl, record_id);

CREATE TABLE sync_quarantine (
    device_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    reason    TEXT NOT NULL,
    found_at  TEXT NOT NULL,
    PRIMARY KEY (device_id, file_name)
) STRICT, WITHOUT ROWID;
