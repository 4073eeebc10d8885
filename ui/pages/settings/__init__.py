"""Settings: preferences, passphrase change, recovery key, backups and data import/export."""
