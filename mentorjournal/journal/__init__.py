"""The journal facade: ``Journal`` over one unlocked vault, one module per record family.

``from mentorjournal.journal import Journal`` is the one entry point the UI and the CLI use.
"""

from mentorjournal.journal.base import UnlockedVaultLike
from mentorjournal.journal.facade import Journal
from mentorjournal.journal.lifecycle import prepare_to_open

__all__ = ["Journal", "UnlockedVaultLike", "prepare_to_open"]
