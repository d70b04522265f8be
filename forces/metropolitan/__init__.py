"""Metropolitan Police Service: its responses on the police platform (page, text or PDF print).

What is particular to the Met, on top of the platform's layout and the general readers: its
reference (01.FOI.yy.nnnnnn, the year in it), its habit of answering twice (an "additional
information" part, then the figures under "Disclosure", each question restated above its
own), and the shapes its figures take there. The rule set below reads its responses to the
request about scanners, knife arches and phone extraction; a Met response to any other
request is not claimed, and goes to `multiforce draft`.
"""

from ...schemas.vocabulary import ARCH, PHONES, SCANNER, WAND
from ...toolkit.adapter import Adapter
from ...toolkit.rules import (
    Figures,
    FirstHalf,
    Ignore,
    Measure,
    Outcome,
    ResponseYear,
    RuleSet,
    Section,
    Year,
    Years,
)

NUMBER = r"\d[\d,]*"
YEAR = r"\d{4}"
SENTENCE = r"[^.\n]*"  # the rest of a sentence, up to its full stop or the line's end
SENTENCE_START = r"(?:^|(?<=[.;:!?] ))"  # where a sentence may start: a line's start, or a stop
DISCLOSURE = r"^Disclosure\s*$"


def restated(topic: str, question: str = r"Q\d") -> str:
    """A question the Met restates above its answer: 'Q2 - The number of ... <topic> ...'."""
    return rf"^{question} - {SENTENCE}\b{topic}\b"


def under_disclosure(topic: str, question: str, before: str | None = None) -> Section:
    """The figures the Met gives under 'Disclosure', below the question it restates there."""
    return Section(after=(DISCLOSURE, restated(topic, question)), before=before)


SCANNERS, PHONE_EXTRACTION = "Mobile Fingerprint Scanners", "Mobile Phone Data Extraction"
YEARS_ASKED = rf"{SENTENCE}from (?P<first>{YEAR}) to (?P<last>{YEAR})"
TABLE_ROW = (
    rf"^(?P<year>{YEAR}) \| (?P<searches>{NUMBER}) \| (?P<police>{NUMBER})"
    rf" \| (?P<immigration>{NUMBER})"
)
PARTIAL_DATA = r"\((?P<span>\d+ month data)\) Total"


# The rules read as a table, a few lines each; one argument a line would hide that, and a
# pattern is easier to read whole than cut across lines.
# ruff: noqa: E501
# fmt: off
class Metropolitan(Adapter):
    force_id = "metropolitan"
    recognise = r"reference no: 01\.FOI\.\d{2}\.\d{6}"  # the platform's line, the Met's numbering
    reference = r"reference no: (?P<reference>01\.FOI\.\d{2}\.\d{6})"
    title = "Mobile fingerprint scanners, knife arches and wands, and mobile phone data extraction"
    source_url = ("https://www.met.police.uk/foi-ai/metropolitan-police/d/march-2022/"
                  "mobile-fingerprint-scannersknife-arches-mobile-phone-data-extraction/")

    def response_year(self, reference):
        return 2000 + int(reference.split(".")[2])  # 01.FOI.22.xxxxxx was answered in 2022

    ignored = (
        Ignore(pattern=r"\bexceed \d+ hours limit\b",
               reason="the section 12 cost limit (hours of staff time), not a figure about the technologies"),
        Ignore(pattern=r"\b3rd party supplier\b", reason="'3rd party' means an outside supplier, not a count"),
        Ignore(pattern=r"\bLevel \d ‘self-service’ capability\b",
               reason="'Level 1' names the tier of the MPS's self-service capability, not a count"),
    )

    rule_sets = (
        RuleSet(
            asks=(SCANNERS, "Knife Arches", PHONE_EXTRACTION),
            reading=False,  # the rules below cover every topic the request asks about
            figures=(
                Figures(what="scanners deployed per year", technology=SCANNER,
                        pattern=rf"(?P<value>{NUMBER}) devices? (?:were )?deployed (?:in )?(?P<year>{YEAR})",
                        values={"value": Measure("devices_deployed")},
                        within=Section(after=DISCLOSURE), at_least=3),
                Figures(what="the approximate number of scanners", technology=SCANNER,
                        pattern=rf"^{SENTENCE}\bapproximately (?P<value>{NUMBER}) devices\b[^–\n]*[–-][^\S\n]*(?P<caveat>[^\n]*?)\.?$",
                        values={"value": Measure("devices_in_service")}, period=ResponseYear()),
                Figures(what="scanner searches per year (Q2 table)", technology=SCANNER,
                        pattern=rf"^(?P<year>{YEAR}) \| (?P<value>{NUMBER})\b",
                        values={"value": Measure("uses")}, at_least=4,
                        within=Section(after=restated(SCANNERS, "Q2"), before=r"^Q4 - ")),
                Figures(what="scanner searches and matches per year (Q4 table)", technology=SCANNER,
                        pattern=TABLE_ROW,
                        values={"searches": Measure("uses"),
                                "police": Measure("matches", "database", "police"),
                                "immigration": Measure("matches", "database", "immigration")},
                        at_least=4, within=Section(after=restated("databases", "Q4"))),
                Figures(what="fixed-site kiosks per year", technology=PHONES,
                        pattern=rf"^(?P<year>{YEAR}) = (?P<value>{NUMBER})\b",
                        values={"value": Measure("devices_in_service")}, at_least=4,
                        within=under_disclosure(PHONE_EXTRACTION, "Q1", before=r"^Q2 - "),
                        caveat=rf"^{SENTENCE}?\bnot available\b[^(\n]*?kiosks"),
                Figures(what="the planned increase in kiosks", technology=PHONES,
                        pattern=rf"^(?P<year>{YEAR}) = {NUMBER} and will increase by (?P<value>{NUMBER})",
                        values={"value": Measure("devices_deployed")},
                        within=under_disclosure(PHONE_EXTRACTION, "Q1", before=r"^Q2 - "),
                        period=Year("{year} (planned)")),
                Figures(what="extractions per year", technology=PHONES,
                        pattern=rf"(?P<year>{YEAR}) = (?P<value>{NUMBER}) \((?:caveat - )?(?P<caveat>[^)]*?)\s*\)",
                        values={"value": Measure("uses")}, at_least=2,
                        within=under_disclosure(PHONE_EXTRACTION, "Q2")),
                Figures(what="extractions in part of a year", technology=PHONES,
                        pattern=rf"(?P<year>{YEAR}) = {PARTIAL_DATA} (?:number )?extractions (?P<value>{NUMBER}) \((?P<caveat>[^)]*)\)",
                        values={"value": Measure("uses")}, period=FirstHalf("{year} ({span})"),
                        within=under_disclosure(PHONE_EXTRACTION, "Q2")),
                Figures(what="failed extractions in part of a year", technology=PHONES,
                        pattern=rf"(?P<year>{YEAR}) = {PARTIAL_DATA} failed extractions (?P<value>{NUMBER}) \((?:caveat that )?(?P<caveat>[^)]*)\)",
                        values={"value": Measure("failed_uses")}, period=FirstHalf("{year} ({span})"),
                        within=under_disclosure(PHONE_EXTRACTION, "Q2")),
                Figures(what="extractions by device owner", technology=PHONES,
                        pattern=rf"(?i)Q1 & Q2 (?P<year>{YEAR}) = (?P<suspect>\d+)% Suspect devices / (?P<victim>\d+)% Victim devices / (?P<witness>\d+)% Witness devices",
                        values={role: Measure("share_of_uses", "device_owner_role", role, "percent")
                                for role in ("suspect", "victim", "witness")},
                        within=under_disclosure(PHONE_EXTRACTION, "Q2"),
                        period=FirstHalf("Q1 & Q2 {year}")),
            ),
            outcomes=(
                Outcome(what="the borough breakdown refusal",
                        evidence=rf"{SENTENCE_START}{SENTENCE}\bunable to disclose\b{SENTENCE}\bborough\b{SENTENCE}\.",
                        technology=SCANNER, measure="devices_in_service", breakdown="borough"),
                Outcome(what="no scanner data before the supplier changed", status="not_held",
                        evidence=rf"^{SENTENCE}\bdo not have data for (?P<first>{YEAR}) to (?P<last>{YEAR}){SENTENCE}\bsupplier\.",
                        technology=SCANNER, measure=("devices_in_service", "uses"), period=Years()),
                Outcome(what="no scanner match data before the supplier changed", status="not_held",
                        evidence=rf"^{SENTENCE}\bdo not have data for (?P<first>{YEAR}) to (?P<last>{YEAR}){SENTENCE}\bsupplier\.",
                        technology=SCANNER, measure="matches", breakdown="database", period=Years()),
                Outcome(what="scanners disclosed", status="disclosed",
                        evidence=restated(SCANNERS, "Q1") + rf"{YEARS_ASKED}$",
                        technology=SCANNER, measure="devices_in_service", period=Years(),
                        within=Section(after=DISCLOSURE)),
                Outcome(what="scanner searches disclosed", status="disclosed",
                        evidence=restated(SCANNERS, "Q2") + rf"{YEARS_ASKED}\.",
                        technology=SCANNER, measure="uses", period=Years(),
                        within=Section(after=DISCLOSURE)),
                Outcome(what="scanner matches disclosed", status="disclosed",
                        evidence=restated("databases", "Q4") + r".* from (?P<first>\d{4}) to (?P<last>\d{4}) \(inclusive\)\.",
                        technology=SCANNER, measure="matches", breakdown="database", period=Years(),
                        within=Section(after=DISCLOSURE)),
                Outcome(what="people scanned", evidence=r"^[^\n]+$",
                        within=Section(after=restated("scanned", "Q3") + r".*$", before=rf"^{PHONE_EXTRACTION}$"),
                        technology=SCANNER, measure="people", breakdown=("none", "age", "gender", "ethnicity")),
                Outcome(what="knife arches and wands not held",
                        evidence=rf"^{SENTENCE}\bKnife Arches\b{SENTENCE}\bnot held\b{SENTENCE}\.",
                        technology=(ARCH, WAND), measure=("devices_in_service", "uses", "people", "weapons_found")),
                Outcome(what="knife arch uses by borough not held",
                        evidence=rf"\bTherefore\b{SENTENCE}\bKnife Arches\b{SENTENCE}\bnot held\b{SENTENCE}\.",
                        technology=ARCH, measure="uses", breakdown="borough"),
                Outcome(what="people scanned by arches and wands not held",
                        evidence=rf"\bTherefore\b{SENTENCE}\bKnife Arches\b{SENTENCE}\bnot held\b{SENTENCE}\.",
                        technology=(ARCH, WAND), measure="people", breakdown=("age", "gender", "ethnicity")),
                Outcome(what="kiosks partially disclosed", status="partially_disclosed",
                        evidence=r"^[^\n]*?\bnot available\b[^.;\n]*", technology=PHONES,
                        measure="devices_in_service", within=Section(after=DISCLOSURE)),
                Outcome(what="extractions partially disclosed", status="partially_disclosed",
                        evidence=rf"\bNo accurate data pre {YEAR}\b[^\n]*", technology=PHONES, measure="uses"),
                Outcome(what="extractions by borough over the cost limit",
                        evidence=rf"(?<=\. ){SENTENCE}?\bexceed \d+ hours limit\b",
                        technology=PHONES, measure="uses", breakdown="borough",
                        reason=rf"(?<=- ){SENTENCE}\bcannot accurately reflect\b{SENTENCE}\bborough\b[^.]*\."),
                Outcome(what="people whose phones were extracted not held", status="not_held",
                        evidence=r"\bNo accurate data can be supplied\b[^\n]*",
                        technology=PHONES, measure="people"),
                Outcome(what="extractions by age, gender and ethnicity not held",
                        evidence=r"\bNo accurate data collated\b[^\n]*",
                        technology=PHONES, measure="people", breakdown=("age", "gender", "ethnicity")),
            ),
        ),
    )
