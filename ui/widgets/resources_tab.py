"""Resources: the services a mentee was connected to, when they were referred, what came of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from mentorjournal.domain.mentee import Resource
from ui.models.resources import ResourceColumn, ResourcesModel
from ui.prompts import Prompts
from ui.views import journal_ops as ops
from ui.views.callbacks import query
from ui.views.record_editor import MULTILINE, OPTIONAL_DATE, Field, RecordEditor
from ui.worker import JournalWorker

RESOURCE_FIELDS = (
    Field("name", "&Service"),
    Field("kind", "&Kind (e.g. housing, counselling)"),
    Field("contact", "&Contact"),
    Field("referred_on", "&Referred on", OPTIONAL_DATE),
    Field("outcome", "&Outcome", MULTILINE),
)


class ResourcesTab(QWidget):
    """Services referred to, with dates and outcomes, for the selected mentee."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._prompts = prompts
        self._mentee_id: str | None = None
        self._generation = 0
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
        self.editor.setEnabled(False)

    @property
    def model(self) -> ResourcesModel:
        model = self.editor.model
        assert isinstance(model, ResourcesModel)
        return model

    def _require_mentee(self) -> str:
        if self._mentee_id is None:
            raise ValueError("no mentee is selected")
        return self._mentee_id

    def set_mentee(self, mentee_id: str | None) -> None:
        if mentee_id == self._mentee_id:
            return
        self.clear()
        self._mentee_id = mentee_id
        self.editor.setEnabled(mentee_id is not None)
        self.reload()

    def on_changes(self, changes: Any) -> None:
        if self._mentee_id is not None and getattr(changes, "contacts", False):
            self.reload()

    def clear(self) -> None:
        self._generation += 1
        self._mentee_id = None
        self.editor.clear()
        self.editor.setEnabled(False)

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.editor.view.selectRow(row)

    def reload(self) -> None:
        mentee_id = self._mentee_id
        if mentee_id is None:
            return
        generation = self._generation

        def loaded(resources: list[Resource]) -> None:
            if generation == self._generation:
                self.editor.set_records(resources)

        query(
            self,
            self._worker,
            lambda j: ops.list_resources(j, mentee_id),
            loaded,
            self._prompts.show_error,
        )
