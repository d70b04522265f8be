"""'Deployed' in a question and 'Deployments' in its answer: a question mapped to devices put into
service whose answer counts deployments (uses) is left for a person, who decides which the
question asks; a count of the days on which something was deployed is no duration and no count
of devices, and a draft of it never fails."""

from pathlib import Path

import pytest
from answers import read_answer as _read
from multiforce.toolkit import drafting

OTHER_WAY = (
    "the answer counts times the technology was used ('{said}'), where the question's "
    "'deployed' was read as devices newly put into service during the period: which does the "
    "question ask?"
)
DAYS = "it counts days, which the question does not ask of"


@pytest.mark.parametrize("technology", ["knife arches", "knife wands"])
@pytest.mark.parametrize("year,value", [("2022", 14), ("2023", 31)])
@pytest.mark.parametrize(
    "answer,said",
    [
        ("Year | Deployments\n{year} | {value}", "Deployments"),
        ("There were {value} deployments in {year}.", "deployments"),
        ("{year} = {value} deployments", "deployments"),
    ],
)
def test_deployments_answering_how_many_were_deployed_are_for_a_person(
    answer, said, year, value, technology
):
    question = f"How many {technology} were deployed each year from 2021 to 2024?"
    figures, unsure = _read(question, answer.format(year=year, value=value))
    assert figures == []
    assert unsure == [(str(value), OTHER_WAY.format(said=said))]


def test_deployments_answering_how_many_were_bought_keep_their_own_measure():
    figures, unsure = _read(
        "How many knife arches were bought each year from 2021 to 2024?",
        "Year | Deployments\n2022 | 14",
    )
    assert (figures, unsure) == ([(14, "2022", "uses")], [])


def test_deployments_answering_how_many_times_they_were_deployed_are_its_figures():
    figures, unsure = _read(
        "How many times were knife arches deployed in 2022?", "Year | Deployments\n2022 | 14"
    )
    assert (figures, unsure) == ([(14, "2022", "uses")], [])


@pytest.mark.parametrize("days", [17, 120])
@pytest.mark.parametrize("year", ["2024", "2021"])
@pytest.mark.parametrize(
    "question",
    [
        "How many knife arches were deployed in {year}?",
        "How many times were knife arches deployed in {year}?",
    ],
)
def test_a_count_of_days_on_which_they_were_deployed_is_for_a_person(question, year, days):
    answer = f"Knife arches were deployed on {days} days in {year}."
    assert _read(question.format(year=year), answer) == ([], [(str(days), DAYS)])


def test_a_length_of_time_is_still_no_figure():
    answer = "Knife arches were deployed for 17 days in 2024."
    assert _read("How many knife arches were deployed in 2024?", answer) == ([], [])


LETTER = """Our ref: 0778/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife arches were deployed in 2024?
Response
1. Knife arches were deployed on {days} days in 2024.
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize("days", [17, 23])
def test_the_draft_of_a_count_of_days_lists_it_and_never_fails(tmp_path: Path, days):
    path = tmp_path / "days.txt"
    path.write_text(LETTER.format(days=days), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert f"{days} ({DAYS})" in draft or (str(days) in draft and DAYS in draft)
