"""FORCE_NAME: the adapter for its FOI responses.

Made by `multiforce new-force FORCE_ID` from forces/_template.py (which its leading underscore
keeps from being taken for an adapter). As it stands it reads EXAMPLE, a letter of the kind
most forces send. To adapt it (docs/reading-and-adding-forces.md):
1. put the force's response documents, unchanged, in documents/ beside this file;
2. look at the text the toolkit reads from them, which is what the patterns run over: one
   paragraph per line, table rows as `cell | cell` lines, whatever the format (PDF, DOCX,
   XLSX, HTML...): `multiforce validate documents/FILE` tries the adapter on a file;
3. change the patterns below until every figure and every refusal is found, then delete EXAMPLE;
4. run pytest: it writes golden/FILE.json, which you read and commit.
A rule that finds nothing is an error, so a reworded letter never passes silently.
"""

from ...schemas.vocabulary import SCANNER  # the technologies' ids: schemas/vocabulary.py
from ...toolkit.adapter import Adapter
from ...toolkit.rules import Figures, Measure, Outcome, Section, Years

NUMBER = r"\d[\d,]*"  # 1,204 or 980: the toolkit reads the digits

EXAMPLE = """\
FORCE_NAME
Freedom of Information Request Reference No: FOI-2022-0001
Thank you for your request for information about mobile fingerprint scanners.
Question 1 - How many mobile fingerprint scanners does your force own?
This information is exempt from disclosure under Section 31(1)(a) Law Enforcement.
Question 2 - How many times were they used in each year from 2019 to 2021?
Year | Searches
2019 | 1,204
2020 | 980
2021 | 1,531
Question 3 - How many searches matched each database in each year from 2019 to 2021?
Year | Police (IDENT1) | Immigration (IABS)
2019 | 512 | 37
2020 | 401 | 29
2021 | 630 | 41
Question 4 - How many people were scanned, by age, gender and ethnicity?
This information is not held by FORCE_NAME.
"""


# The rules read as a table, a few lines each; one argument a line would hide that.
# fmt: off
class FORCE_CLASS(Adapter):
    force_id = "FORCE_ID"
    recognise = r"FORCE_NAME_PATTERN"  # text that only this force's documents contain
    reference = r"Reference No:\s*(?P<reference>[\w/.-]+)"  # the force's own reference
    title = "Mobile fingerprint scanners"  # what the request asked about

    figures = (
        # Each match is one figure: the `year` group gives the period, `value` the number.
        Figures("scanner searches per year", SCANNER,
                rf"^(?P<year>\d{{4}}) \| (?P<value>{NUMBER})$",
                {"value": Measure("uses")}, at_least=3,
                within=Section(after=r"^Question 2 ", before=r"^Question 3 ")),
        # One row, several figures: one named group per measure.
        Figures("matches per database per year", SCANNER,
                rf"^(?P<year>\d{{4}}) \| (?P<police>{NUMBER}) \| (?P<immigration>{NUMBER})$",
                {"police": Measure("matches", "database", "police"),
                 "immigration": Measure("matches", "database", "immigration")},
                at_least=3, within=Section(after=r"^Question 3 ", before=r"^Question 4 ")),
    )

    outcomes = (
        # The quoted passage shows what the response did with a question topic.
        Outcome("scanners owned refused", "refused",
                r"exempt from disclosure under Section 31\(1\)\(a\)[^.]*\.",
                SCANNER, "devices_in_service", exemptions="s31(1)(a)"),
        Outcome("searches disclosed", "disclosed",
                r"^Question 2 - .* from (?P<first>\d{4}) to (?P<last>\d{4})\?",
                SCANNER, "uses", period=Years()),
        Outcome("matches disclosed", "disclosed",
                r"^Question 3 - .* from (?P<first>\d{4}) to (?P<last>\d{4})\?",
                SCANNER, "matches", "database", period=Years()),
        Outcome("people scanned not held", "not_held", r"This information is not held by [^.]*\.",
                SCANNER, "people", ("none", "age", "gender", "ethnicity"),
                within=Section(after=r"^Question 4 ")),
    )
