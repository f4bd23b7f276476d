"""Plain-language explanations of the rules, shown next to a verdict on the check page.

The verdict itself (allowed, refused, with whom to ask instead) comes from the core's message
catalog; this only says *why the rule exists*, so a refusal does not feel arbitrary.
"""

from __future__ import annotations

from certassist.gui.i18n import translate


def rule_explanation(rule_id: str | None) -> str:
    texts = {
        "R1": translate(
            "Rules",
            "Een persoonlijk certificaat is een persoonlijk inlogmiddel, zoals een pinpas: "
            "alleen de persoon op wiens naam het staat mag het installeren of terugzetten.",
        ),
        "R2": translate(
            "Rules",
            "Het systeemcertificaat is van de praktijk; de VECOZO-contactpersoon beheert het "
            "en heeft de pincode.",
        ),
        "R3": translate(
            "Rules",
            "Met een systeemcertificaat kunt u niet inloggen op de VECOZO-website; het hoort "
            "bij de praktijksoftware (Windows of een bestand), niet in een browser.",
        ),
        "R4": translate(
            "Rules",
            "Een persoonlijk certificaat hoort alleen in de opslag van uw eigen "
            "Windows-account, zodat collega's er niet mee kunnen inloggen.",
        ),
        "R5": translate(
            "Rules",
            "Een uitgegeven certificaat moet binnen 60 dagen worden geïnstalleerd, anders "
            "verwijdert de uitgever het.",
        ),
        "R6": translate("Rules", "Een certificaat is maar een bepaalde tijd geldig."),
        "R7": translate(
            "Rules",
            "Vanaf een maand voor de verloopdatum kunt u een VECOZO-certificaat vernieuwen; "
            "het blijft daarna twee jaar geldig vanaf de oude verloopdatum.",
        ),
        "R8": translate(
            "Rules",
            "Een verlopen VECOZO-certificaat installeert u opnieuw met gebruikersnummer en "
            "pincode; een nieuwe aanvraag is niet nodig.",
        ),
        "R9": translate(
            "Rules",
            "Een certificaat kan maar één keer worden geïnstalleerd. Zonder back-up op een "
            "ander medium bent u het kwijt als de pc stukgaat.",
        ),
        "R10": translate(
            "Rules",
            "Test-, acceptatie- en productiecertificaten worden nooit door elkaar gebruikt.",
        ),
        "R11": translate(
            "Rules",
            "De portal heeft ongeveer drie weken nodig vanaf het moment dat zij het nieuwe "
            "UZI-servercertificaat heeft ontvangen; is de vernieuwing 7 dagen voor het verlopen "
            "niet klaar, dan gaat de DigiD-koppeling tijdelijk uit.",
        ),
        "R13": translate(
            "Rules",
            "Een UZI-servercertificaat hoort bij één abonneenummer (URA) van de praktijk; "
            "verandert dat, de praktijknaam, de contracthouder of de UZI-pashouder, dan kan het "
            "ongeldig worden.",
        ),
        "R14": translate(
            "Rules",
            "De leverancier bevestigt een vernieuwing niet; certassist controleert zelf of "
            "het nieuwe certificaat er staat.",
        ),
    }
    return texts.get(rule_id or "", "")
