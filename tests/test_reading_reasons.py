"""Reasons a person can act on: a price of one is no sum spent; "the figure for 2024 is 3,400"
is the whole answer of the one measure asked; an answer of a number word alone says why its
outcome is left."""

from pathlib import Path

import pytest
from answers import FIELDS, read_answer
from multiforce.toolkit import drafting

UNIT_PRICE = (
    "a price of one ('{words}'), not a sum spent in a period: the spend asked is it times the "
    "number bought; is that number given?"
)


def _read(question: str, answer: str):
    return read_answer(question, answer, (*FIELDS, "qualifier"))


@pytest.mark.parametrize("price", ["250", "1,475"])
@pytest.mark.parametrize(
    "question",
    [
        "How much did the force spend on knife wands in 2024?",
        "How much did the force spend on knife wands?",
    ],
)
@pytest.mark.parametrize(
    "answer,words",
    [
        ("Each wand cost £{price}.", "Each"),
        ("The wands cost £{price} each.", "each"),
        ("The force paid £{price} per unit.", "per"),
        ("The unit cost was £{price}.", "unit cost"),
    ],
)
def test_a_price_of_one_is_no_sum_spent(question, answer, words, price):
    figures, unsure = _read(question, answer.format(price=price))
    assert figures == []
    assert unsure == [(price, UNIT_PRICE.format(words=words))]


def test_a_sum_spent_in_a_year_is_still_read():
    figures, _ = _read(
        "How much did the force spend on knife wands in 2024?",
        "In 2024 the force spent £4,000 on knife wands.",
    )
    assert figures == [(4000, "2024", "spend", "exact")]


@pytest.mark.parametrize("value", ["3,400", "512"])
@pytest.mark.parametrize("year", ["2024", "2023"])
@pytest.mark.parametrize(
    "answer,qualifier",
    [
        ("The figure for {year} is {value}.", "exact"),
        ("In {year} the figure was around {value}.", "approximate"),
        ("In {year} the total was {value}.", "exact"),
        ("For {year}, the number is {value}.", "exact"),
    ],
)
def test_the_figure_stated_alone_is_the_whole_answer_of_one_measure(answer, qualifier, year, value):
    figures, unsure = _read(
        f"How many knife wand searches were carried out in {year}?",
        answer.format(year=year, value=value),
    )
    assert figures == [(float(value.replace(",", "")), year, "uses", qualifier)]
    assert unsure == []


def test_the_figure_answering_two_measures_is_for_a_person():
    figures, unsure = _read(
        "How many knife wand searches were carried out in 2024, and how many led to an arrest?",
        "The figure for 2024 is 3,400.",
    )
    assert figures == []
    assert [text for text, _ in unsure] == ["3,400"]


LETTER = """Our ref: 0780/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife wands were bought in {year}?
Response
1. {word}
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize("year", ["2024", "2022"])
@pytest.mark.parametrize("word", ["None.", "Nil.", "Nil", "Three."])
def test_an_answer_of_a_number_word_alone_says_why_its_outcome_is_left(tmp_path: Path, word, year):
    path = tmp_path / "word.txt"
    path.write_text(LETTER.format(word=word, year=year), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert (
        "# 1: the text does not say what was done with it (the answer is only a number written "
        f"as a word ('{word}'): a figure (disclosed), or that nothing is held?); add its outcome."
    ) in draft
