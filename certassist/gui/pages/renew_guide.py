"""Renew: certassist guides; VECOZO and the UZI register do the renewing.

VECOZO renewal happens on vecozo.nl by the rightful user (personal, R1) or the contact person
with the PIN (system, R2). UZI server certificates are renewed with the HIS/AIS vendor (R11,
R12); the request (CSR) flow lives in the renewal core (issue 6) and is linked here when it
is available. The dates come from the rules' status, not from this page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from certassist.core.kinds import Family, family, traits
from certassist.gui.help import UZI_REGISTER, VECOZO_SUPPORT, ZORGCSP
from certassist.gui.i18n import translate
from certassist.gui.pages.base import FlowPage
from certassist.gui.words import escape, link, say, shown_date

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from certassist.gui.wizard import FlowWizard
    from certassist.ops.base import Notice
    from certassist.ops.vecozo_flow import Guide


def vecozo_steps(system: bool, renew_url: str) -> list[str]:
    """Renewal on the VECOZO website (R7); `renew_url` becomes a link in the first step."""
    who = (
        translate(
            "RenewGuidePage",
            "Alleen de contactpersoon vernieuwt het systeemcertificaat; houd de pincode bij "
            "de hand.",
        )
        if system
        else translate(
            "RenewGuidePage",
            "Alleen de persoon op wiens naam het certificaat staat, voert de gegevens zelf in.",
        )
    )
    return [
        escape(who),
        escape(
            # A system certificate cannot log in, so only a personal one gets the login notice.
            translate(
                "RenewGuidePage",
                "Open de link uit de e-mail van VECOZO, of de vernieuwpagina: {link}.",
            )
            if system
            else translate(
                "RenewGuidePage",
                "Open de link uit de e-mail van VECOZO, of de vernieuwpagina: {link}. Vanaf een "
                "maand voor de verloopdatum ziet u daar een melding.",
            )
        ).replace("{link}", link(renew_url, renew_url)),
        escape(
            translate(
                "RenewGuidePage",
                "Volg de stappen op de VECOZO-website om het certificaat te vernieuwen. Het "
                "blijft daarna twee jaar geldig, gerekend vanaf de oude verloopdatum.",
            )
        ),
        escape(_backup_step()),
    ]


def _renewal_notes(notices: Sequence[Notice], lang: str) -> list[str]:
    """The renewal's own notices (R7: the new expiry and VECOZO's login notice, R10: not
    production); the too-early case is the page's intro already."""
    shown = ("I-R7-renewal-new-expiry", "I-R7-login-notice", "W-R10-renew-not-production")
    return [
        escape(say(n.message_id, lang, dict(n.params))) for n in notices if n.message_id in shown
    ]


def reinstall_steps(system: bool, install_url: str) -> list[str]:
    """An expired VECOZO certificate is not renewed but installed again (R8)."""
    who = (
        translate(
            "RenewGuidePage",
            "De contactpersoon logt in met het gebruikersnummer (14 cijfers) en de pincode van "
            "het systeemcertificaat.",
        )
        if system
        else translate(
            "RenewGuidePage",
            "Log zelf in met uw gebruikersnummer (14 cijfers) en de pincode van uw certificaat.",
        )
    )
    return [
        escape(
            translate(
                "RenewGuidePage",
                "Open de installatiepagina van VECOZO: {link}. Een nieuwe aanvraag is niet nodig.",
            )
        ).replace("{link}", link(install_url, install_url)),
        escape(who),
        escape(
            translate(
                "RenewGuidePage",
                "Installeer het certificaat opnieuw in Windows of Firefox, zoals de website "
                "aangeeft; het oude, verlopen certificaat kunt u daarna verwijderen.",
            )
        ),
        escape(_backup_step()),
    ]


def _backup_step() -> str:
    return translate(
        "RenewGuidePage",
        "Maak direct daarna in certassist een back-up op een USB-stick, en gebruik 'Naar "
        "andere pc's brengen' voor de andere pc's.",
    )


def _wait_step(guide: Guide) -> str:
    from certassist.gui.vecozo_renewal import waited_places

    places = waited_places(guide)
    return translate(
        "RenewGuidePage",
        "Klik daarna op Volgende: certassist wacht tot het nieuwe certificaat in {places} "
        "staat en noteert de installatiedatum.",
    ).format(places=places)


def other_steps() -> list[str]:
    """No kind-specific rules for "other" certificates: no VECOZO steps either."""
    return [
        escape(
            translate(
                "RenewGuidePage",
                "certassist kent voor dit certificaat geen vernieuwstappen. Vraag de uitgever "
                "of uw IT-leverancier om een nieuw certificaat.",
            )
        ),
        escape(
            translate(
                "RenewGuidePage",
                "Krijgt u een nieuw bestand, installeer het dan met 'Installeren uit bestand' "
                "en maak daarna een back-up.",
            )
        ),
    ]


def uzi_steps(dates: Mapping[str, str] | None = None, lang: str = "nl") -> list[str]:
    """R11's three dates as steps when the status carries them (not for an expired one)."""
    dates = dates or {}
    if not all(k in dates for k in ("request_by", "portal_by", "switch_off")):
        timeline = translate(
            "RenewGuidePage",
            "Reken op ongeveer drie weken verwerking; is het zeven "
            "dagen voor het verlopen niet klaar, dan valt de DigiD-koppeling weg.",
        )
        steps = [timeline]
    else:
        request, portal, off = (
            shown_date(dates[k], lang) for k in ("request_by", "portal_by", "switch_off")
        )
        steps = [
            translate("RenewGuidePage", "Vraag aan vóór: {date}.").format(date=request),
            translate(
                "RenewGuidePage",
                "Nieuw certificaat bij de portal vóór: {date}. De portal heeft vanaf ontvangst "
                "ongeveer drie weken nodig.",
            ).format(date=portal),
            translate(
                "RenewGuidePage", "DigiD gaat uit op {date} als de vernieuwing dan niet klaar is."
            ).format(date=off),
        ]
    return [
        escape(
            translate(
                "RenewGuidePage",
                "Neem contact op met uw HIS- of AIS-leverancier (of het "
                "patiëntportaal): zij vragen het nieuwe UZI-servercertificaat samen met u aan.",
            )
        ),
        *(escape(step) for step in steps),
        escape(
            translate(
                "RenewGuidePage",
                "Controleer daarna met certassist dat het nieuwe "
                "certificaat er staat; de leverancier stuurt geen bevestiging.",
            )
        ),
    ]


class RenewGuidePage(FlowPage):
    def __init__(self, flow_wizard: FlowWizard) -> None:
        super().__init__(flow_wizard)
        self.setTitle(translate("RenewGuidePage", "Vernieuwen: zo gaat het"))
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setOpenExternalLinks(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.body.setAccessibleName(translate("RenewGuidePage", "Stappen om te vernieuwen"))
        self.layout_.addWidget(self.body)
        # R2: a system certificate is renewed with its PIN; certassist only asks for a yes.
        self.pin = QCheckBox(
            translate(
                "RenewGuidePage", "Ik heb de &pincode van het systeemcertificaat bij de hand."
            ),
            self,
        )
        self.pin.setAccessibleName(self.pin.text().replace("&", ""))
        self.pin.setVisible(False)
        self.layout_.addWidget(self.pin)
        self.finish_layout()

    def _is_uzi(self) -> bool:
        groups = self.state.groups
        return bool(groups) and family(groups[0].kind) is Family.UZI_SERVER

    def can_wait(self) -> bool:
        """A VECOZO renewal the rules allow here: certassist then waits for the new one."""
        run = self.state.vecozo
        group = self.state.groups[0] if self.state.groups else None
        return run is not None and run.guide.allowed and group is not None and group.days_left >= 0

    def nextId(self) -> int:
        """UZI goes on to the request; a VECOZO renewal to waiting for the new certificate
        (as `certassist renew vecozo --wait`); anything else ends here."""
        if self._is_uzi():
            return self.fw.page_ids.get("uzi_request", -1)
        return self.fw.page_ids.get("vecozo_wait", -1) if self.can_wait() else -1

    def validatePage(self) -> bool:
        """Going on to the wait: the flow's refusal first (the PIN at hand for a system
        certificate, R2), in the words the CLI uses."""
        run = self.state.vecozo
        if run is None or not self.can_wait():
            return True
        from certassist.gui.vecozo_renewal import refusal

        self.state.pin_at_hand = self.pin.isChecked()
        error = refusal(run, self.state.pin_at_hand)
        self.show_error(error)
        return error is None

    def initializePage(self) -> None:
        self.state.vecozo = None
        self.pin.setVisible(False)
        self.show_error(None)
        group = self.state.groups[0] if self.state.groups else None
        if group is None:
            return
        status = escape(say(group.status.message_id, self.lang, group.status.params))
        intro = ""
        expired = group.days_left < 0
        if family(group.kind) is Family.UZI_SERVER:
            steps = uzi_steps(group.status.params, self.lang)
            links = [
                (ZORGCSP, "Zorg-CSP"),
                (UZI_REGISTER, translate("RenewGuidePage", "UZI-register")),
            ]
        elif family(group.kind) is Family.VECOZO:
            from certassist.gui.vecozo_renewal import plan

            # The flow `certassist renew vecozo` runs: who may (R1/R2), which page (R10), and
            # what the stores hold now, so the new certificate is noticed when it arrives.
            self.state.vecozo = plan(self.ctx, self.state, group.info)
            guide = self.state.vecozo.guide
            system = not traits(group.kind).person_bound
            links = [(VECOZO_SUPPORT, translate("RenewGuidePage", "VECOZO support"))]
            if expired:
                self.setTitle(translate("RenewGuidePage", "Opnieuw installeren: zo gaat het"))
                steps = reinstall_steps(system, guide.pages.install)
            else:
                steps = vecozo_steps(system, guide.url)
                steps += _renewal_notes(guide.notices, self.lang)
                if not guide.who.allowed:
                    self.show_error(guide.who.refusals[0].to_error())
                elif self.can_wait():
                    self.pin.setVisible(system)
                    self.pin.setChecked(self.state.pin_at_hand)
                    steps.insert(3, escape(_wait_step(guide)))  # before the backup
                # R7: the rules say from when renewal is possible; before that, nothing to do.
                opens = group.status.params.get("opens")
                if opens and str(group.status.status) not in ("renew-now", "expired"):
                    intro = escape(
                        translate(
                            "RenewGuidePage",
                            "U hoeft nu nog niets te doen. Vernieuwen kan vanaf {date}; "
                            "certassist herinnert u eraan. Dan gaat het zo:",
                        ).format(date=shown_date(opens, self.lang))
                    )
        else:
            steps = other_steps()
            links = []
        items = "".join(f"<li>{step}</li>" for step in steps)
        more = ""
        if links:
            link_html = " · ".join(link(url, text) for url, text in links)
            more = f"<p>{escape(translate('RenewGuidePage', 'Meer hulp:'))} {link_html}</p>"
        intro_html = f"<p><b>{intro}</b></p>" if intro else ""
        self.body.setText(f"<p>{status}</p>{intro_html}<ol>{items}</ol>{more}")
