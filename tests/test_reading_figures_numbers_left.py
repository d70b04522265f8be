"""A question whose outcome is left for a person, its text giving no reason, and whose answer
holds numbers left for a person, is told so ("its answer holds a number left for a person
('48'): ..."), never as though its answer said nothing."""

import pytest
from answers import LETTER
from answers import letter_meaning as _meaning
from multiforce.toolkit import drafting

HELD = "How many knife wands does the force hold?"
SEARCHES = "How many knife wand searches were carried out in {year}?"


def _reason(*numbers: str) -> str:
    held = "a number" if len(numbers) == 1 else "numbers"
    quoted = ", ".join(f"'{n}'" for n in numbers)
    return (
        f"its answer holds {held} left for a person ({quoted}): is one the figure asked, and the"
        " answer then disclosed?"
    )


@pytest.mark.parametrize(("held", "mark"), [("48", "²"), ("7", "¹"), ("130", "*")])
def test_a_number_with_a_footnotes_mark_is_named(held, mark):
    answer = f"The force holds {held}{mark} knife wands.\n{mark} Two of these are on loan."
    meaning = _meaning(HELD, answer)
    assert meaning.outcomes == ()
    assert meaning.unsure_reasons["1"] == _reason(held)


@pytest.mark.parametrize(("low", "high", "year"), [("10", "15", "2023"), ("200", "250", "2021")])
def test_the_ends_of_a_range_are_named(low, high, year):
    answer = f"In {year} there were between {low} and {high} searches."
    meaning = _meaning(SEARCHES.format(year=year), answer)
    assert meaning.unsure_reasons["1"] == _reason(low, high)


def test_a_reason_the_text_gives_is_kept():
    answer = "We have no record of the make of the 6 knife wands."
    meaning = _meaning(SEARCHES.format(year="2023"), answer)
    assert meaning.unsure_reasons["1"].startswith("the answer says information is not held")


def test_an_answer_with_no_number_has_no_such_reason():
    meaning = _meaning(HELD, "There was no data protection issue.")
    assert meaning.unsure_outcomes == ("1",)
    assert "1" not in meaning.unsure_reasons


def test_the_draft_says_why(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER.format(question=HELD, answer="The force holds 48² knife wands."))
    draft = drafting.draft_yaml(drafting.read(path))
    assert f"# 1: the text does not say what was done with it ({_reason('48')})" in draft
