"""A figure the force calls provisional keeps the force's word as its qualifier, as an estimate
keeps 'approximate': a user filters it apart, never publishing it as exact."""

import pytest
from multiforce.schemas.vocabulary import QUALIFIERS
from multiforce.toolkit.cleaning import infer_qualifier
from multiforce.toolkit.meaning import Topic, read_figures

SEARCHES = Topic("knife_wand", "uses")


def _qualifiers(answer: str) -> dict[str, tuple[float, str]]:
    reading = read_figures(answer, [SEARCHES], "1")
    return {f.period_label: (f.value, f.qualifier) for f in reading.figures}


def test_provisional_is_a_qualifier_of_the_vocabulary():
    assert "provisional" in QUALIFIERS


@pytest.mark.parametrize("year,value", [("2024", 3100), ("2023", 2750)])
@pytest.mark.parametrize(
    "answer",
    [
        "In {year} the force carried out {number} searches (provisional).",
        "{year} = {number} (provisional)",
        "Year | Searches\n{year} | {number} (provisional)",
        "Year | Searches\n{year} | {number}\nThe {year} figure is provisional.",
        "{year} = {number}\nAll figures are provisional and subject to revision.",
    ],
)
def test_a_figure_the_force_calls_provisional_is_provisional(answer, year, value):
    number = f"{value:,}"
    assert _qualifiers(answer.format(year=year, number=number)) == {year: (value, "provisional")}


def test_a_note_naming_one_period_leaves_the_other_periods_exact():
    answer = "Year | Searches\n2023 | 2,900\n2024 | 3,100\nThe 2024 figure is provisional."
    assert _qualifiers(answer) == {"2023": (2900, "exact"), "2024": (3100, "provisional")}


@pytest.mark.parametrize(
    "words,qualifier",
    [
        ("3,100 (provisional)", "provisional"),
        ("Figures are provisional until the year is audited.", "provisional"),
        ("The figure is subject to revision.", "provisional"),
        ("approximately 3,100 (provisional)", "approximate"),
        ("3,100", "exact"),
    ],
)
def test_the_qualifier_words_know_provisional(words, qualifier):
    assert infer_qualifier(words) == qualifier
