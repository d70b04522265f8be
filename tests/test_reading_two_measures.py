"""A question asking two measures, each in its own ask ("How many searches ..., and how many led
to an arrest?"), is mapped to both, and an answer giving each its number is read as both: never
one measure, the other's figure recorded under a measure the question was not mapped to."""

from pathlib import Path

import pytest
from answers import read_answer
from multiforce.toolkit import drafting
from multiforce.toolkit.meaning import map_question

TWO_ASKS = "How many knife wand searches were carried out in {year}, and how many {followed}?"


@pytest.mark.parametrize("followed", ["led to an arrest", "resulted in arrests"])
@pytest.mark.parametrize("year", ["2024", "2022"])
def test_a_question_asking_two_measures_apart_maps_to_both(year, followed):
    topics = map_question(TWO_ASKS.format(year=year, followed=followed)).topics
    assert [(t.technology, t.measure, t.period_label) for t in topics] == [
        ("knife_wand", "arrests", year),
        ("knife_wand", "uses", year),
    ]


@pytest.mark.parametrize(
    "question",
    [
        "How many knife wand searches led to an arrest in 2024?",
        "What was the number of knife wand searches that resulted in an arrest in 2024?",
    ],
)
def test_one_ask_of_what_followed_a_use_is_one_measure(question):
    assert [t.measure for t in map_question(question).topics] == ["arrests"]


@pytest.mark.parametrize("searches,arrests", [(1200, 85), (3400, 112)])
@pytest.mark.parametrize("year", ["2024", "2022"])
@pytest.mark.parametrize(
    "answer",
    [
        "In {year}, {searches} searches were carried out and {arrests} led to an arrest.",
        "{searches} searches were carried out in {year}. {arrests} led to an arrest.",
        "{searches} searches were carried out in {year}. Of these, {arrests} resulted in arrests.",
        "In {year} there were {searches} searches, and {arrests} of them led to arrests.",
    ],
)
def test_each_number_of_an_answer_to_two_measures_is_its_own(answer, year, searches, arrests):
    question = TWO_ASKS.format(year=year, followed="led to an arrest")
    text = answer.format(year=year, searches=f"{searches:,}", arrests=arrests)
    figures, unsure = read_answer(question, text)
    assert sorted(figures) == sorted([(searches, year, "uses"), (arrests, year, "arrests")])
    assert unsure == []


def test_a_number_led_to_what_the_question_asks_alone_is_its_figure():
    figures, unsure = read_answer(
        "How many knife wand searches led to an arrest in 2024?", "In 2024, 85 led to an arrest."
    )
    assert (figures, unsure) == ([(85, "2024", "arrests")], [])


def test_two_numbers_of_one_measure_stay_for_a_person():
    question = TWO_ASKS.format(year="2024", followed="led to an arrest")
    figures, unsure = read_answer(question, "In 2024, 1,200 searches and 300 searches were made.")
    assert figures == []
    assert [text for text, _ in unsure] == ["1,200", "300"]


LETTER = """Our ref: 0777/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife wand searches were carried out in 2024, and how many led to an arrest?
Response
1. In 2024, 1,200 searches were carried out and 85 led to an arrest.
Yours sincerely
The FOI Unit
"""


def test_the_draft_of_a_two_measure_answer_gives_both_figures(tmp_path: Path):
    path = tmp_path / "two.txt"
    path.write_text(LETTER, encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert "measure: uses" in draft and "value: 1200" in draft
    assert "measure: arrests" in draft and "value: 85" in draft
    assert "no shape of a figure" not in draft
