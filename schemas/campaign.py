"""The campaign's questions, as the topics the common schema records answers for.

The first campaign asked every force, for each technology and each year from 2015 to 2021:
how many devices it owned, how often they were used, how many people were scanned (by age,
gender and ethnicity), how many scanner searches matched each database, and how many weapons
arches and wands found (see the Met's request in forces/metropolitan/documents). The answer
template (`multiforce template`) is made from this list and nothing else: to ask another
question, add a topic here.
"""

from dataclasses import dataclass

from .vocabulary import BREAKDOWNS, MEASURES, TECHNOLOGIES

FIRST_YEAR, LAST_YEAR = 2015, 2021
EARLIEST_YEAR = 2000  # a period before this is a typing mistake, not an answer to this campaign
PEOPLE_BREAKDOWNS = ("none", "age", "gender", "ethnicity")


@dataclass(frozen=True)
class Topic:
    technology: str
    measure: str
    question: str  # the question as the request put it
    breakdowns: tuple[str, ...] = ("none",)

    def __post_init__(self):
        unknown = (
            {self.technology} - set(TECHNOLOGIES)
            | {self.measure} - set(MEASURES)
            | set(self.breakdowns) - set(BREAKDOWNS)
        )
        if unknown:
            raise ValueError(f"{self}: {', '.join(sorted(unknown))} not in schemas/vocabulary.py")


SCANNER, ARCH, WAND, PHONES = (
    "mobile_fingerprint_scanner",
    "knife_arch",
    "knife_wand",
    "phone_extraction",
)

TOPICS = (
    Topic(
        SCANNER,
        "devices_in_service",
        "The number of mobile fingerprint scanners owned by your force in each year",
    ),
    Topic(
        SCANNER,
        "uses",
        "The number of times mobile fingerprint scanners were used by officers in each year",
    ),
    Topic(
        SCANNER,
        "people",
        "The number of people scanned using mobile fingerprint scanners in each year, "
        "by age, gender and ethnicity",
        PEOPLE_BREAKDOWNS,
    ),
    Topic(
        SCANNER,
        "matches",
        "The number of matches against each database the scanners check, in each year",
        ("database",),
    ),
    Topic(
        ARCH, "devices_in_service", "The number of knife arches owned by your force in each year"
    ),
    Topic(WAND, "devices_in_service", "The number of knife wands owned by your force in each year"),
    Topic(ARCH, "uses", "The number of times knife arches were used by officers in each year"),
    Topic(
        ARCH,
        "people",
        "The number of people scanned using knife arches in each year, by age, gender and "
        "ethnicity",
        PEOPLE_BREAKDOWNS,
    ),
    Topic(
        WAND,
        "people",
        "The number of people scanned using knife wands in each year, by age, gender and ethnicity",
        PEOPLE_BREAKDOWNS,
    ),
    Topic(
        ARCH,
        "weapons_found",
        "The number of offensive weapons found through knife arches in each year",
    ),
    Topic(
        WAND,
        "weapons_found",
        "The number of offensive weapons found through knife wands in each year",
    ),
    Topic(
        PHONES,
        "devices_in_service",
        "The number of mobile phone data extraction devices owned by your force in each year",
    ),
    Topic(
        PHONES,
        "uses",
        "The number of times mobile phone data extraction devices were used in each year",
    ),
    Topic(
        PHONES,
        "people",
        "The number of people whose phones were subject to data extraction in each year, "
        "by age, gender and ethnicity",
        PEOPLE_BREAKDOWNS,
    ),
)


def breakdown_values(breakdown: str) -> list[str | None]:
    """The values the template lists for a breakdown: the vocabulary's, where it fixes them.

    Age bands, genders and ethnic groups are recorded differently by each force: the template
    leaves them for the force to write, one row per value.
    """
    if breakdown == "none":
        return [None]
    values = BREAKDOWNS.get(breakdown)
    return sorted(values) if values else [""]
