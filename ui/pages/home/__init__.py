"""The caseload home: the first page after unlock."""
