"""Where should the certificate go? Every store is offered; the rules judge on the next page.

We deliberately do not hide stores the rules would refuse (a system certificate and Firefox,
R3): the check page then explains *why*, which teaches more than a missing option.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from certassist.core.messages import render
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage


class ChooseTargetPage(FlowPage):
    def __init__(self, flow_wizard: object) -> None:
        super().__init__(flow_wizard)  # type: ignore[arg-type]
        self.setTitle(translate("ChooseTargetPage", "Waar moet het certificaat komen?"))
        self.setSubTitle(
            translate(
                "ChooseTargetPage",
                "Windows gebruiken Edge, Chrome en de praktijksoftware; Firefox heeft een "
                "eigen opslag per profiel. Kies één of meer plaatsen.",
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("ChooseTargetPage", "Plaatsen"))
        self.list.itemChanged.connect(self.completeChanged)
        self.layout_.addWidget(self.list, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        self.finish_layout(stretch=False)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.list.clear()
        source = {s for s, _ in self.state.sources}
        unavailable = []
        for store in self.ctx.stores:
            if store.target.is_backup_folder or store.store_id in source:
                continue
            if not store.available:
                reason = store.unavailable_reason
                unavailable.append(
                    f"{store.label}: {render(reason.message_id, self.lang, **reason.params)}"
                    if reason
                    else store.label
                )
                continue
            item = QListWidgetItem(store.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, store.store_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = store.store_id in self.state.targets
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.note.setText(
            translate("ChooseTargetPage", "Nu niet te gebruiken:") + "\n" + "\n".join(unavailable)
            if unavailable
            else ""
        )
        self.completeChanged.emit()

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.chosen())

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        self.state.targets = self.chosen()
        return True
