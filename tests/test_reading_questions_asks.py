"""What a question asks, where its words name a measure in few words or lean on what came before:
measures listed side by side ("searches and matches") are each asked, uses said to have failed
("how many extractions failed?") are failures, a table's short label ending in "held" names what
is held, a role in the singular heads a column of that role ("Victim | Witness | Suspect"), and
"of these, how many belonged to victims ..." asks the measure of the question before by role."""

from pathlib import Path

import pytest
from answers import read_answer
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import map_question


def _measures(question: str) -> set[str]:
    return {topic.measure for topic in map_question(question).topics}


# -- measures listed side by side are each asked


@pytest.mark.parametrize(
    "listed,measures",
    [
        ("searches and matches", {"uses", "matches"}),
        ("searches, matches", {"uses", "matches"}),
        ("searches & matches", {"uses", "matches"}),
        ("scans or hits", {"uses", "matches"}),
        ("searches and arrests", {"uses", "arrests"}),
        ("matches and searches", {"uses", "matches"}),
    ],
)
@pytest.mark.parametrize("before", ["", "The number of "])
def test_measures_listed_side_by_side_are_each_asked(listed, measures, before):
    assert _measures(f"{before}Mobile fingerprint scanner {listed} in 2023") == measures


@pytest.mark.parametrize(
    "question,measure",
    [
        ("How many fingerprint scanner searches resulted in a match?", "matches"),
        ("How many fingerprint scanner searches led to arrests?", "arrests"),
        ("How many weapons were found in knife wand searches?", "weapons_found"),
    ],
)
def test_one_measure_said_of_another_is_still_asked_alone(question, measure):
    assert _measures(question) == {measure}


def test_a_table_under_a_title_listing_two_measures_gives_both():
    title = "Fingerprint scanner searches and matches"
    figures, unsure = read_answer(title, "Year | Searches | Matches\n2022 | 610 | 133")
    assert figures == [(610, "2022", "uses"), (133, "2022", "matches")]
    assert unsure == []


# -- uses said to have failed are the failures


@pytest.mark.parametrize("technology", ["kiosk extractions", "fingerprint scanner searches"])
@pytest.mark.parametrize("failed", ["failed", "have failed", "were unsuccessful", "that failed"])
def test_uses_said_to_have_failed_ask_the_failures(technology, failed):
    assert _measures(f"How many {technology} {failed}?") == {"failed_uses"}


@pytest.mark.parametrize("second", ["how many failed", "how many of these were unsuccessful"])
def test_uses_and_then_those_that_failed_ask_both(second):
    question = f"How many kiosk extractions were carried out in 2023, and {second}?"
    assert _measures(question) == {"uses", "failed_uses"}


def test_a_search_that_failed_to_find_something_is_a_use():
    assert _measures("How many fingerprint scanner searches failed to find a weapon?") == {"uses"}


@pytest.mark.parametrize("year,value", [("2023", "12"), ("2021", "7")])
def test_an_answer_saying_uses_failed_gives_the_failures(year, value):
    question = f"How many kiosk extractions failed in {year}?"
    figures, unsure = read_answer(question, f"{value} extractions failed in {year}.")
    assert figures == [(float(value), year, "failed_uses")] and unsure == []


# -- a short label ending in "held" names what is held


QUESTION_HELD_AND_SEARCHES = (
    "How many mobile fingerprint scanners did the force hold, and how many searches were "
    "carried out, in {first} and {second}?"
)


@pytest.mark.parametrize("label", ["Scanners held", "Devices in service", "Scanners owned", "Held"])
@pytest.mark.parametrize("years", [("2022", "2023"), ("2020", "2021")])
def test_a_label_ending_in_held_gives_what_is_held(label, years):
    first, second = years
    question = QUESTION_HELD_AND_SEARCHES.format(first=first, second=second)
    answer = f"Measure | {first} | {second}\n{label} | 30 | 45\nSearches | 880 | 1,010"
    figures, unsure = read_answer(question, answer)
    assert figures == [
        (30, first, "devices_in_service"),
        (45, second, "devices_in_service"),
        (880, first, "uses"),
        (1010, second, "uses"),
    ]
    assert unsure == []


def test_hand_held_names_no_holding():
    figures, _ = read_answer(
        "How many fingerprint scanner searches were carried out in 2023?",
        "Year | Hand-held scanners\n2023 | 30",
    )
    assert figures == [(30, "2023", "uses")]


# -- a role in the singular heads its column


ROLES_QUESTION = (
    "How many kiosk extractions were carried out in {year}, broken down by whether the phone "
    "belonged to a victim, a witness or a suspect?"
)


@pytest.mark.parametrize(
    "roles", [("Victim", "Witness", "Suspect"), ("Suspect", "Victim", "Witness")]
)
@pytest.mark.parametrize("year", ["2023", "2021"])
def test_each_role_heading_is_read_as_that_role(roles, year):
    answer = f"Year | {' | '.join(roles)} | Total\n{year} | 210 | 45 | 1,020 | 1,275"
    figures, unsure = read_answer(
        ROLES_QUESTION.format(year=year), answer, ("value", "breakdown_value")
    )
    assert figures == [
        (210, roles[0].lower()),
        (45, roles[1].lower()),
        (1020, roles[2].lower()),
        (1275, None),
    ]
    assert unsure == []


@pytest.mark.parametrize("people", ["suspects", "victims", "witnesses", "people"])
def test_people_counted_in_the_plural_are_no_count_of_searches(people):
    figures, unsure = read_answer(
        "How many kiosk searches were carried out in 2023?", f"In 2023, 40 {people} were searched."
    )
    assert figures == []
    assert unsure == [("40", f"it counts {people}, which the question does not ask of")]


# -- "of these": the measure of the question before, by the breakdown named


@pytest.mark.parametrize(
    "first,measure",
    [
        ("How many phones were examined using kiosks in each year from {span}?", "uses"),
        ("How many searches were carried out using fingerprint scanners from {span}?", "uses"),
        ("How many fingerprint scanner searches resulted in a match from {span}?", "matches"),
    ],
)
@pytest.mark.parametrize(
    "second,breakdown",
    [
        ("Of these, how many belonged to victims, witnesses or suspects?", "device_owner_role"),
        ("How many of these were broken down by age?", "age"),
        ("Of those, how many were of each ethnicity?", "ethnicity"),
    ],
)
@pytest.mark.parametrize(
    "span,start,end", [("2020 to 2023", "2020", "2023"), ("2018 and 2019", "2018", "2019")]
)
def test_of_these_asks_the_measure_before_by_the_breakdown(
    first, measure, second, breakdown, span, start, end
):
    before = first.format(span=span)
    asked = map_question(second, context=(None, None, before), refers_to=before)
    assert [(t.measure, t.breakdown, t.period_label) for t in asked.topics] == [
        (measure, breakdown, span)
    ]
    assert asked.topics[0].period_start == f"{start}-01-01"
    assert asked.topics[0].period_end == f"{end}-12-31"


def test_of_these_after_a_question_of_two_measures_is_still_unmapped():
    before = "How many kiosk extractions were carried out, and how many failed?"
    second = "Of these, how many belonged to victims, witnesses or suspects?"
    asked = map_question(second, context=(None, None, before), refers_to=before)
    assert asked.topics == ()
    assert asked.unmapped == "no measure named in the vocabulary (schemas/questions.yaml)"


def test_of_these_naming_no_breakdown_asks_nothing_new():
    before = "How many phones were examined using kiosks in 2023?"
    asked = map_question("Where are these kept?", context=(None, None, before), refers_to=before)
    assert asked.topics == ()


LETTER = """Our ref: 0912/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many phones were examined using data extraction kiosks in each year from {span}?
2. Of these, how many belonged to victims, witnesses or suspects?
Response
1. 2021: 812 phones were examined.
2. To find this would exceed the appropriate limit of 18 hours under Section 12(1).
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize("span,start", [("2021 to 2023", "2021"), ("2019 to 2022", "2019")])
def test_the_draft_maps_of_these_and_its_refusal(tmp_path: Path, span, start):
    path = tmp_path / "of-these.txt"
    path.write_text(LETTER.format(span=span), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert "unmapped" not in draft
    assert "its question has no topic" not in draft
    assert (
        "{technology: phone_extraction, measure: uses, breakdown: device_owner_role, period: "
        f"{{start: '{start}-01-01'"
    ) in draft.replace("\n        ", " ")
