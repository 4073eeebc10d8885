-- Vault bookkeeping the key hierarchy relies on: vault id, change counter (rollback detection).
CREATE TABLE vault_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
