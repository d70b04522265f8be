"""Metropolitan Police Service: the response 01.FOI.22.022895, as its web page (text or HTML)."""

from ...schemas.vocabulary import ARCH, PHONES, SCANNER, WAND
from ...toolkit.adapter import Adapter
from ...toolkit.rules import (
    Figures,
    FirstHalf,
    Ignore,
    Measure,
    Outcome,
    ResponseYear,
    Section,
    Year,
    Years,
)

NUMBER = r"\d[\d,]*"
DISCLOSURE = Section(after=r"^Disclosure\s*$")
SCANNER_TABLE_ROW = (
    rf"^(?P<year>\d{{4}}) \| (?P<searches>{NUMBER}) \| (?P<police>{NUMBER}) \| "
    rf"(?P<immigration>{NUMBER})"
)
KIOSKS = Section(
    after=r"fixed site kiosks \(kiosk based within a police station\);\s*$", before=r"^Q2 - "
)
EXTRACTIONS = Section(after=r"^Kiosk devices are part of our Level 1")
SIX_MONTHS = FirstHalf(label="{year} ({span})")


# The rules read as a table, a few lines each; one argument a line would hide that.
# fmt: off
class Metropolitan(Adapter):
    force_id = "metropolitan"
    recognise = r"reference no: 01\.FOI\.\d{2}\.\d{6}"
    reference = r"reference no: (?P<reference>01\.FOI\.\d{2}\.\d{6})"
    title = "Mobile fingerprint scanners, knife arches and wands, and mobile phone data extraction"
    source_url = ("https://www.met.police.uk/foi-ai/metropolitan-police/d/march-2022/"
                  "mobile-fingerprint-scannersknife-arches-mobile-phone-data-extraction/")

    def response_year(self, reference):
        return 2000 + int(reference.split(".")[2])  # 01.FOI.22.xxxxxx was answered in 2022

    figures = (
        Figures("scanners deployed per year", SCANNER,
                rf"(?P<value>{NUMBER}) devices? (?:were )?deployed (?:in )?(?P<year>\d{{4}})",
                {"value": Measure("devices_deployed")}, within=DISCLOSURE, at_least=3),
        Figures("the approximate number of scanners", SCANNER,
                rf"We have approximately (?P<value>{NUMBER}) devices across the "
                r"MPS\s*[–-]\s*(?P<caveat>[^\n]*?)\.?$",
                {"value": Measure("devices_in_service")}, period=ResponseYear()),
        Figures("scanner searches per year (Q2 table)", SCANNER,
                rf"^(?P<year>\d{{4}}) \| (?P<value>{NUMBER})\b",
                {"value": Measure("uses")}, at_least=4,
                within=Section(after=r"^Q2 - The number of times Mobile Fingerprint Scanners",
                               before=r"^Q4 - ")),
        Figures("scanner searches and matches per year (Q4 table)", SCANNER, SCANNER_TABLE_ROW,
                {"searches": Measure("uses"),
                 "police": Measure("matches", "database", "police"),
                 "immigration": Measure("matches", "database", "immigration")},
                at_least=4, within=Section(after=r"^Q4 - Please list the databases")),
        Figures("fixed-site kiosks per year", PHONES,
                rf"^(?P<year>\d{{4}}) = (?P<value>{NUMBER})\b",
                {"value": Measure("devices_in_service")}, within=KIOSKS, at_least=4,
                caveat=r"Full data set not available, however at high level for fixed site kiosks"),
        Figures("the planned increase in kiosks", PHONES,
                rf"^(?P<year>\d{{4}}) = {NUMBER} and will increase by (?P<value>{NUMBER})",
                {"value": Measure("devices_deployed")}, within=KIOSKS,
                period=Year("{year} (planned)")),
        Figures("extractions per year", PHONES,
                rf"(?P<year>\d{{4}}) = (?P<value>{NUMBER}) \((?:caveat - )?(?P<caveat>[^)]*?)\s*\)",
                {"value": Measure("uses")}, within=EXTRACTIONS, at_least=2),
        Figures("extractions in six months", PHONES,
                rf"(?P<year>\d{{4}}) = \((?P<span>6 month data)\) Total number extractions "
                rf"(?P<value>{NUMBER}) \((?P<caveat>[^)]*)\)",
                {"value": Measure("uses")}, within=EXTRACTIONS, period=SIX_MONTHS),
        Figures("failed extractions in six months", PHONES,
                rf"(?P<year>\d{{4}}) = \((?P<span>6 month data)\) Total failed extractions "
                rf"(?P<value>{NUMBER}) \((?:caveat that )?(?P<caveat>[^)]*)\)",
                {"value": Measure("failed_uses")}, within=EXTRACTIONS, period=SIX_MONTHS),
        Figures("extractions by device owner", PHONES,
                r"(?i)Q1 & Q2 (?P<year>\d{4}) = (?P<suspect>\d+)% Suspect Devices / "
                r"(?P<victim>\d+)% Victim devices / (?P<witness>\d+)% Witness devices",
                {role: Measure("share_of_uses", "device_owner_role", role, "percent")
                 for role in ("suspect", "victim", "witness")},
                within=EXTRACTIONS, period=FirstHalf("Q1 & Q2 {year}")),
    )

    outcomes = (
        Outcome("the borough breakdown refusal", "refused",
                r"I am unable to disclose the number of scanners held by each Met borough[^.]*\.",
                SCANNER, "devices_in_service", "borough", exemptions="s31(1)"),
        Outcome("no scanner data before 2018", "not_held",
                r"The MPS do not have data for (?P<first>\d{4}) to (?P<last>\d{4}), as this "
                r"service/solution was then provided by a 3rd party supplier\.",
                SCANNER, ("devices_in_service", "uses"), period=Years()),
        Outcome("no scanner match data before 2018", "not_held",
                r"The MPS do not have data for (?P<first>\d{4}) to (?P<last>\d{4}), as this "
                r"service/solution was then provided by a 3rd party supplier\.",
                SCANNER, "matches", "database", period=Years()),
        Outcome("scanners disclosed", "disclosed",
                r"^Q1 - The number of Mobile Fingerprint Scanners owned by your force in each year "
                r"from (?P<first>\d{4}) to (?P<last>\d{4})$",
                SCANNER, "devices_in_service", period=Years(), within=DISCLOSURE),
        Outcome("scanner searches disclosed", "disclosed",
                r"^Q2 - The number of times Mobile Fingerprint Scanners were used by officers in "
                r"your force in each year from (?P<first>\d{4}) to (?P<last>\d{4})\.",
                SCANNER, "uses", period=Years(), within=DISCLOSURE),
        Outcome("scanner matches disclosed", "disclosed",
                r"^Q4 - Please list the databases .* from (?P<first>\d{4}) to (?P<last>\d{4}) "
                r"\(inclusive\)\.",
                SCANNER, "matches", "database", period=Years(), within=DISCLOSURE),
        Outcome("people scanned not held", "not_held",
                r"The MPS do not capture this data at this time\. Therefore this information is "
                r"not held\.",
                SCANNER, "people", ("none", "age", "gender", "ethnicity")),
        Outcome("knife arches and wands not held", "not_held",
                r"In relation to Knife Arches, Q1 – Q4 the information requested is not held by "
                r"the MPS\.",
                (ARCH, WAND), ("devices_in_service", "uses", "people", "weapons_found")),
        Outcome("knife arch uses by borough not held", "not_held",
                r"Therefore the information requested around Knife Arches is not held by the MPS\.",
                ARCH, "uses", "borough"),
        Outcome("people scanned by arches and wands not held", "not_held",
                r"Therefore the information requested around Knife Arches is not held by the MPS\.",
                (ARCH, WAND), "people", ("age", "gender", "ethnicity")),
        Outcome("kiosks partially disclosed", "partially_disclosed",
                r"Full data set not available, however at high level for fixed site kiosks[^.;\n]*",
                PHONES, "devices_in_service", within=DISCLOSURE),
        Outcome("extractions partially disclosed", "partially_disclosed",
                r"No accurate data pre \d{4} for kiosks", PHONES, "uses"),
        Outcome("extractions by borough over the cost limit", "cost_limit",
                r"Any manual extraction will be time consuming and exceed 18 hours limit",
                PHONES, "uses", "borough", exemptions="s12",
                reason=r"The MPS cannot accurately reflect kiosk extraction by borough or BCU at "
                       r"this stage[^.]*\."),
        Outcome("people whose phones were extracted not held", "not_held",
                r"No accurate data can be supplied relating to people numbers as multiple devices "
                r"can be seized per person",
                PHONES, "people"),
        Outcome("extractions by age, gender and ethnicity not held", "not_held",
                r"No accurate data collated to break down into age, gender, ethnicity",
                PHONES, "people", ("age", "gender", "ethnicity")),
    )

    ignored = (
        Ignore(r"\bexceed 18 hours limit\b",
               "the section 12 cost limit (18 hours of staff time), not a figure about the "
               "technologies"),
        Ignore(r"\b3rd party supplier\b", "'3rd party' means an outside supplier, not a count"),
        Ignore(r"\bour Level 1 ‘self-service’ capability\b",
               "'Level 1' names the tier of the MPS's self-service capability, not a count"),
    )
