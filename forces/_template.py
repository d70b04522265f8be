"""FORCE_NAME: what is particular to its FOI responses, on top of the general readers.

Made by `multiforce new-force FORCE_ID` from forces/_template.py (which its leading underscore
keeps from being taken for an adapter). Most responses need no adapter: `multiforce draft`
reads them (layout, questions, outcomes, figures) into a YAML a person reviews and ingests
(docs/drafting.md). Write an adapter only for a force whose responses the general readers
misread the same way every time. An adapter publishes the general reading of each response it
claims, with its rules taking over topic by topic. To adapt this one:
1. put the force's response documents, unchanged, in documents/ beside this file;
2. see what the general readers make of one: `multiforce draft documents/FILE --out /tmp/d`
   and `multiforce audit documents/FILE` (every number, and what became of it);
3. write a rule only for what they miss or misread; rules take keyword arguments:
   - `Figures` for a figure in a shape the readers do not know (here "2019 - 40; 2020 - 12");
   - `Outcome` for a question whose outcome they cannot tell; its status is read from the
     force's words unless you give one, and the sections of the Act it cites are always read
     from the text (never typed here);
   - `Ignore` for a number that is not a figure, with the reason `multiforce audit` shows;
   - a `RuleSet` per kind of request, chosen by its questions (`asks`), so that a response to
     another request is not claimed but drafted;
4. delete EXAMPLE, run pytest: it writes golden/FILE.json, which you read and commit.
A rule that finds nothing is an error, and so is a response the adapter reads no outcome from,
so a reworded letter never passes silently.
"""

from ...schemas.vocabulary import SCANNER  # the technologies' ids: schemas/vocabulary.py
from ...toolkit.adapter import Adapter
from ...toolkit.rules import Figures, Ignore, Measure, Outcome, RuleSet, Section, Years

NUMBER = r"\d[\d,]*"  # 1,204 or 980: the toolkit reads the digits

EXAMPLE = """\
FORCE_NAME
Our ref: FOI-2022-0001
Date: 14 March 2022
Dear Requester,
Thank you for your request for information about mobile fingerprint scanners. You asked:
1. How many mobile fingerprint scanners does your force own?
2. How many times were they used in each year from 2019 to 2021?
3. How many searches matched each database in each year from 2019 to 2021?
4. How many people were scanned, by age, gender and ethnicity?
5. How many scanners did your force buy in each year from 2019 to 2021?
Response
1. This information is exempt from disclosure under Section 31(1)(a) Law Enforcement.
2. Searches by year:
2019 | 1,204
2020 | 980
2021 | 1,531
3. Matches by database searched, with the level 2 checks counted apart:
Year | Police (IDENT1) | Immigration (IABS)
2019 | 512 | 37
2020 | 401 | 29
2021 | 630 | 41
4. This information is not held by FORCE_NAME.
5. Bought each year: 2019 - 40; 2020 - 12; 2021 - 15.
Yours sincerely,
Freedom of Information Officer
"""


# The rules read as a table, a few lines each; one argument a line would hide that.
# fmt: off
class FORCE_CLASS(Adapter):
    force_id = "FORCE_ID"
    recognise = r"FORCE_NAME_PATTERN"  # text that only this force's documents contain
    reference = r"Our ref:\s*(?P<reference>[\w/.-]+)"  # the force's own reference
    title = "Mobile fingerprint scanners"  # what the request asked about

    # Numbers that are not figures, for every response of this force.
    ignored = (
        Ignore(pattern=r"\blevel \d checks\b", reason="'level 2' is a kind of check, not a count"),
    )

    rule_sets = (
        RuleSet(
            asks=(r"\bfingerprint scanners\b",),  # each pattern found in one of the questions
            figures=(
                # "2019 - 40; 2020 - 12": a list the general readers do not take for figures.
                Figures(what="scanners bought per year", technology=SCANNER,
                        pattern=rf"\b(?P<year>\d{{4}}) - (?P<value>{NUMBER})\b",
                        values={"value": Measure("devices_deployed")}, at_least=3,
                        within=Section(after=r"^Response$", before=r"^Yours")),
            ),
            outcomes=(
                # The answer gives figures without saying "disclosed": the rule says so.
                Outcome(what="scanners bought disclosed", status="disclosed",
                        evidence=r"^5\. .* from (?P<first>\d{4}) to (?P<last>\d{4})\?$",
                        technology=SCANNER, measure="devices_deployed", period=Years()),
            ),
        ),
    )
