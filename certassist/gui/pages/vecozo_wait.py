"""VECOZO renewal, after the guide: wait until the new certificate appears in the stores.

The renewing itself happens on VECOZO's website; this page polls the stores the guide named
(what `certassist renew vecozo --wait` does) with a busy bar, and when the certificate is there
the flow records its install date (R6). "Afbreken", Back, Esc or closing the window stop the
waiting; nothing was written then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.vecozo_renewal import waited_places
from certassist.gui.words import escape, link, say_text

if TYPE_CHECKING:
    from certassist.gui.wizard import FlowWizard


class VecozoWaitPage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("VecozoWaitPage", "Wachten op het nieuwe certificaat"))
        self.setSubTitle(
            translate(
                "VecozoWaitPage",
                "Rond de vernieuwing af op de VECOZO-website. certassist ziet vanzelf wanneer "
                "het nieuwe certificaat er staat.",
            )
        )
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.setAccessibleName(translate("VecozoWaitPage", "Waar certassist op wacht"))
        self.layout_.addWidget(self.body)
        self.finish_layout(stretch=False)  # "certassist wacht…" and its bar under the text
        self.cancel = QPushButton(translate("VecozoWaitPage", "&Afbreken"), self)
        self.cancel.setAccessibleName(translate("VecozoWaitPage", "Afbreken"))
        self.cancel.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.cancel)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)
        self.done = False
        flow_wizard.finished.connect(self.stop)  # Esc or the close button: stop waiting

    def initializePage(self) -> None:
        self.done = False
        self.state.result = None
        self.show_error(None)
        run = self.state.vecozo
        assert run is not None  # the guide planned it; it leads here only then
        places = waited_places(run.guide)
        url = run.guide.url
        self.body.setText(
            "<p>"
            + escape(
                translate(
                    "VecozoWaitPage",
                    "Nog niet gedaan? Open de vernieuwpagina: {link}. Gebruik de browser "
                    "waarin het certificaat moet komen.",
                )
            ).replace("{link}", link(url, url))
            + "</p><p>"
            + escape(
                translate(
                    "VecozoWaitPage",
                    "Afbreken verandert niets; u kunt later opnieuw beginnen met Vernieuwen.",
                )
            )
            + "</p>"
        )
        self.cancel.setEnabled(True)
        from certassist.gui.vecozo_renewal import wait_and_finish

        ctx, state = self.ctx, self.state
        self.run(lambda report, cancelled: wait_and_finish(ctx, state, cancelled), self._found)
        self.show_busy(say_text("I-vecozo-waiting", self.lang, {"stores": places}))

    def stop(self, *_args: Any) -> None:
        if self.busy is not None:
            self.busy.cancel()
            self.cancel.setEnabled(False)

    def cleanupPage(self) -> None:  # "Vorige": stop waiting, the guide is shown again
        self.stop()
        self.busy = None
        self.show_busy(None)

    def _found(self, outcome: Any) -> None:
        if not self.isVisible() or self.fw.currentPage() is not self:
            return  # went back or closed meanwhile: nothing to show
        self.state.result = outcome
        self.done = True
        self.cancel.setEnabled(False)
        self.completeChanged.emit()
        self.fw.next()

    def isComplete(self) -> bool:
        return self.done

    def validatePage(self) -> bool:
        return self.done
