"""Retention review and subject-access export: the record-keeping duties about whole records."""
