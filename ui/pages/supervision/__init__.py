"""The Supervision area: the agenda, supervision meetings and the anonymised summary export."""
