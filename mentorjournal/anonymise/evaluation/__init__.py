"""Evaluation of the anonymiser on seeded synthetic notes (``python -m mentorjournal.anonymise.evaluation``)."""

from mentorjournal.anonymise.evaluation.metrics import Report, evaluate, format_report
from mentorjournal.anonymise.evaluation.synth import Note, generate

__all__ = ["Note", "Report", "evaluate", "format_report", "generate"]
