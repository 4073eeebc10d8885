"""One sentence for each term of the trade the app uses, shown as a tooltip and behind a "?".

Why: SOAP, GAS or Proctor's functions are second nature to some mentors and unknown to others,
and a peer-support worker should not need a search engine to write a note. Keys are the
values the core uses (template and model values) or plain names.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QToolButton, QToolTip, QWidget

TERMS: dict[str, str] = {
    "free": "Write the note in your own words, with no set headings.",
    "soap": "SOAP: Subjective (what the mentee said), Objective (what you observed), "
    "Assessment (what you make of it) and Plan (what happens next).",
    "dap": "DAP: Data (what happened and was said), Assessment (your understanding of it) "
    "and Plan (next steps).",
    "birp": "BIRP: Behaviour (how the mentee presented), Intervention (what you did), "
    "Response (how they responded) and Plan (next steps).",
    "girp": "GIRP: Goals (what the session worked towards), Intervention (what you did), "
    "Response (how the mentee responded) and Plan (next steps).",
    "gas": "Goal Attainment Scaling (GAS): five outcomes written in advance, from -2 (much "
    "less than expected) through 0 (the expected outcome) to +2 (much more), so progress can "
    "be rated against the mentee's own scale.",
    "smart": "SMART: a goal that is Specific, Measurable, Achievable, Relevant and has a "
    "Time by which to look at it again.",
    "proctor": "Proctor's three functions of supervision: normative (standards, ethics, "
    "safeguarding), formative (learning and skills) and restorative (support for you).",
    "seven-eyed": "The seven-eyed model (Hawkins and Shohet): seven places to look in "
    "supervision, from the mentee and your interventions to the relationship, yourself, the "
    "supervisor and the wider context.",
    "fingerprint": "A code computed from the signed note: if a single character changed, the "
    "code would no longer match, which is how 'verify' proves the note is as you signed it.",
    "recalibrate": "Measures this computer again and sets how much work each passphrase guess "
    "costs (about a second): worth doing after moving the journal to a new computer.",
    "phq9": "PHQ-9: nine questions on low mood over the last two weeks, each scored 0-3; the "
    "total (0-27) is a measure to watch over time, never a diagnosis.",
    "gad7": "GAD-7: seven questions on worry and anxiety over the last two weeks, each scored "
    "0-3; the total (0-21) is a measure to watch over time, never a diagnosis.",
    "gibbs": "Gibbs' reflective cycle: description, feelings, evaluation, analysis, "
    "conclusion and an action plan.",
    "driscoll": "What? So what? Now what? (Driscoll): what happened, why it matters, and what "
    "you will do differently.",
    "kolb": "Kolb's learning cycle: the experience, reflecting on it, making sense of it, and "
    "trying something new.",
    "sign": "Signing makes the note a permanent record: it can no longer be changed, and "
    "corrections are added as dated addenda.",
    "version": "A version is a copy of the whole plan kept for good, to compare later or to "
    "give the mentee: save one when you have reviewed the plan together.",
}


def explain(term: str) -> str:
    return TERMS.get(term, "")


def explain_items(combo: QComboBox) -> None:
    """Give each item of ``combo`` (whose data are term keys) its sentence as a tooltip."""
    for index in range(combo.count()):
        text = explain(str(combo.itemData(index)))
        if text:
            combo.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)
    combo.currentIndexChanged.connect(lambda i: combo.setToolTip(explain(str(combo.itemData(i)))))
    combo.setToolTip(explain(str(combo.currentData())))


class HelpButton(QToolButton):
    """A small "?" that says what a term means, on hover and on click (keyboard too)."""

    def __init__(self, term: str, parent: QWidget | None = None) -> None:
        from ui.icons import set_icon

        super().__init__(parent)
        self.term = term
        self.setText("?")
        set_icon(self, "help")
        self.setAutoRaise(True)
        self.setAccessibleName("What does this mean?")
        self.set_term(term)
        self.clicked.connect(self.show_explanation)

    def set_term(self, term: str) -> None:
        self.term = term
        self.setToolTip(explain(term))
        self.setAccessibleDescription(explain(term))

    def show_explanation(self) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), explain(self.term), self)
