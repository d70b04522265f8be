"""A denial's reach: its clause's own verb is judged from the clause's start, not the sentence's;
a denial that is the predicate of what a number counts ("40 knife wands were not recorded")
covers it; and "no data" naming another noun ("no data protection issue") denies nothing."""

from pathlib import Path

import pytest
from answers import read_answer as _read
from multiforce.toolkit import drafting

DENIED = (
    "the sentence says information is not held ('{words}'), and its number names what that is "
    "about ('{value} knife wands'): is it the number asked, or another?"
)


@pytest.mark.parametrize("value", ["40", "7"])
@pytest.mark.parametrize("opening", ["In 2023, ", "In 2023 ", "During 2023, ", ""])
def test_a_clause_the_denial_heads_keeps_its_number_in_reach(opening, value):
    answer = f"{opening}no record of the make of our arches and {value} knife wands is held."
    figures, unsure = _read("How many knife wands were bought in 2023?", answer)
    assert figures == []
    assert unsure == [(value, DENIED.format(words="no record", value=value))]


@pytest.mark.parametrize("value", ["40", "7"])
@pytest.mark.parametrize("opening", ["In 2023, we have ", "We keep "])
def test_a_clause_joined_after_a_denial_with_its_own_verb_is_out_of_reach(opening, value):
    answer = f"{opening}no record of the make of our arches and {value} knife wands were bought."
    figures, _ = _read("How many knife wands were bought in 2023?", answer)
    assert [value_ for value_, _, _ in figures] == [float(value)]


@pytest.mark.parametrize("value", ["40", "12"])
@pytest.mark.parametrize(
    "answer,words",
    [
        ("In 2023, {value} knife wands were not recorded.", "not recorded"),
        (
            "We bought knife arches in 2023, and {value} knife wands were not recorded.",
            "not recorded",
        ),
        ("In 2023 {value} knife wands have not been recorded.", "not been recorded"),
    ],
)
def test_a_denial_after_the_number_that_is_its_predicate_covers_it(answer, words, value):
    figures, unsure = _read("How many knife wands were bought in 2023?", answer.format(value=value))
    assert figures == []
    assert unsure == [(value, DENIED.format(words=words, value=value))]


def test_a_denial_in_a_clause_of_its_own_after_the_number_leaves_it_read():
    figures, unsure = _read(
        "How many knife wands were bought in 2023?",
        "We bought 40 knife wands in 2023 and do not hold their make.",
    )
    assert (figures, unsure) == ([(40, "2023", "devices_deployed")], [])


LETTER = """Our ref: 0781/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife wands were bought in 2023?
2. How many knife arches were bought in 2023?
Response
1. The force bought 40 knife wands in 2023.
2. {answer}
Yours sincerely
The FOI Unit
"""


@pytest.mark.parametrize(
    "answer",
    ["There was no data protection issue.", "We found no information security concern."],
)
def test_no_data_naming_another_noun_gives_no_not_held_reason(tmp_path: Path, answer):
    path = tmp_path / "unrelated.txt"
    path.write_text(LETTER.format(answer=answer), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert "# 2: the text does not say what was done with it; add its outcome." in draft
    assert "information is not held" not in draft


@pytest.mark.parametrize("noun", ["data", "information", "records"])
def test_no_data_of_what_was_asked_still_gives_its_reason(tmp_path: Path, noun):
    path = tmp_path / "held.txt"
    answer = f"We have no {noun} of the make of the knife arches."
    path.write_text(LETTER.format(answer=answer), encoding="utf-8")
    draft = drafting.draft_yaml(drafting.read(path))
    assert f"(the answer says information is not held ('{answer}')" in draft
