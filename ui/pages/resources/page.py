"""Resources: the services a mentee was connected to, when they were referred, what came of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mentorjournal.domain.mentee import Resource
from ui.pages import journal_ops as ops
from ui.pages.editor_tab import MenteeEditorsTab
from ui.pages.resources.models import ResourceColumn, ResourcesModel
from ui.prompts import Prompts
from ui.widgets.record_editor import MULTILINE, OPTIONAL_DATE, Field, RecordEditor
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

RESOURCE_FIELDS = (
    Field("name", "&Service"),
    Field("kind", "&Kind (e.g. housing, counselling)"),
    Field("contact", "&Contact"),
    Field("referred_on", "&Referred on", OPTIONAL_DATE),
    Field("outcome", "&Outcome", MULTILINE),
)


class ResourcesTab(MenteeEditorsTab[list[Resource]]):
    """Services referred to, with dates and outcomes, for the selected mentee."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.editor = RecordEditor(
            "Services and resources",
            ResourcesModel(self),
            RESOURCE_FIELDS,
            worker=worker,
            prompts=prompts,
            make_record=lambda rid, v: Resource(id=rid, mentee_id=self._require_mentee(), **v),
            save=lambda j, r: j.save_resource(r),
            delete=lambda j, rid: j.delete_resource(rid),
            stretch_column=ResourceColumn.OUTCOME,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self._mentee_changed()

    @property
    def model(self) -> ResourcesModel:
        model = self.editor.model
        assert isinstance(model, ResourcesModel)
        return model

    def editors(self) -> tuple[RecordEditor[Any], ...]:
        return (self.editor,)

    def _load_for(self, mentee_id: str) -> Callable[[Journal], list[Resource]]:
        return lambda journal: ops.list_resources(journal, mentee_id)

    def _show(self, data: list[Resource]) -> None:
        self.editor.set_records(data)

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.editor.view.selectRow(row)
