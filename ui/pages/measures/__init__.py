"""Outcome measures of one mentee: PHQ-9, GAD-7 and the mentee's own scales."""
