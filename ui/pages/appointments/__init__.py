"""Appointments of one mentee: plan, move, record the outcome, start the note."""
