"""Keys and their files: KDF, key file with wrapped-key slots, recovery key, single-instance lock."""
