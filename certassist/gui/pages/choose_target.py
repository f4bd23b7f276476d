"""Where should the certificate go? Every store is offered; the rules judge on the next page.

We deliberately do not hide stores the rules would refuse (a system certificate and Firefox,
R3): the check page then explains *why*, which teaches more than a missing option. Like the
Windows import wizard, a sensible place is ticked to start with: one the rules allow for this
kind of certificate (the Windows store first: Edge, Chrome and the practice software read it).
What the user ticks is remembered when going back and forth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem

from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.words import say
from certassist.ops.flows_ids import FlowId

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class ChooseTargetPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("ChooseTargetPage", "Waar moet het certificaat komen?"))
        self.setSubTitle(
            translate(
                "ChooseTargetPage",
                "Edge, Chrome en de praktijksoftware gebruiken de Windows-opslag; Firefox heeft "
                "een eigen opslag per profiel. Kies één of meer plaatsen.",
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("ChooseTargetPage", "Plaatsen"))
        self.list.itemChanged.connect(self.completeChanged)
        self.layout_.addWidget(self.list, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        # Copy only: `certassist copy --move`, the source goes once every target is verified.
        self.move_box = QCheckBox(self)
        self.move_box.setAccessibleName(translate("ChooseTargetPage", "Verplaatsen"))
        self.move_box.setVisible(self.fw.flow is FlowId.COPY)
        self.layout_.addWidget(self.move_box)
        self.finish_layout(stretch=False)

    def initializePage(self) -> None:
        self.list.clear()
        ticked = set(self.state.targets) if self.state.targets else self.suggested()
        source = {s for s, _ in self.state.sources}
        unavailable = []
        for store in self.ctx.stores:
            if store.target.is_backup_folder or store.store_id in source:
                continue
            if not store.available:
                reason = store.unavailable_reason
                unavailable.append(
                    f"{store.label}: {say(reason.message_id, self.lang, reason.params)}"
                    if reason
                    else store.label
                )
                continue
            item = QListWidgetItem(store.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, store.store_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = store.store_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if self.list.count():
            self.list.setCurrentRow(0)
        if self.fw.flow is FlowId.COPY and self.state.sources:
            label = self.ctx.store(self.state.sources[0][0]).label
            self.move_box.setText(
                translate(
                    "ChooseTargetPage",
                    "Ver&plaatsen: daarna weghalen uit {source}, zodra het op de nieuwe plek werkt",
                ).format(source=label)
            )
            self.move_box.setChecked(self.state.move)
        self.note.setText(
            translate("ChooseTargetPage", "Nu niet te gebruiken:") + "\n" + "\n".join(unavailable)
            if unavailable
            else ""
        )
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # "Vorige" keeps the ticks
        self.state.targets = self.chosen()
        self.state.move = self.move_box.isChecked()

    def suggested(self) -> set[str]:
        """One store the rules allow for this certificate: Windows first, else the first one."""
        info = self._certificate()
        if info is None:
            return set()
        from certassist.gui.flow_state import op_context
        from certassist.ops.flows import operation_flow
        from certassist.ops.placing import allowed_stores

        source = {s for s, _ in self.state.sources}
        candidates = [
            s for s in self.ctx.stores if not s.target.is_backup_folder and s.store_id not in source
        ]
        action = operation_flow(self.fw.flow).action
        try:
            allowed = allowed_stores(op_context(self.ctx, self.state), info, action, candidates)
        except Exception:  # a suggestion must never break the page
            return set()
        windows = [s for s in allowed if s.target.kind.value.startswith("windows")]
        best = (windows or allowed)[:1]
        return {s.store_id for s in best}

    def _certificate(self) -> Any:
        if self.state.groups:
            return self.state.groups[0].info
        if self.state.bundle is not None:
            from certassist.core.classify import describe

            return describe(self.state.bundle.leaf)
        return None

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:
        return bool(self.chosen())

    def validatePage(self) -> bool:
        self.state.targets = self.chosen()
        self.state.move = self.fw.flow is FlowId.COPY and self.move_box.isChecked()
        return True
