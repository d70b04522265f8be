"""A sentence saying part of what was asked is not held, beside figures, makes the answer a
partial disclosure quoting it ("No record of holdings is available for 2022 or 2023." beside
the figures of 2021 and 2024); a "No" heading such a sentence is no answer "No"."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning

LETTER = """Our ref: 0611/25
Date: 4 April 2025
Dear Requester,
You asked:
1. How many knife wands did the force hold in each year from {first} to {last}?
Response
1. {answer}
Yours sincerely
The FOI Unit
"""


def _meaning(first: int, last: int, answer: str):
    text = LETTER.format(first=first, last=last, answer=answer)
    return read_meaning(read_response(Document(Path("r.txt"), text.encode(), "text/plain", text)))


def _table(years) -> str:
    return "Please see below.\nYear | Knife wands\n" + "\n".join(
        f"{year} | {30 + year % 7}" for year in years
    )


DENIALS = [
    "No record of holdings is available for {missing}.",
    "We hold no data for {missing}.",
    "There is no information for {missing}.",
    "We do not have any records for {missing}.",
]


@pytest.mark.parametrize("denial", DENIALS)
@pytest.mark.parametrize(
    ("first", "last", "given", "missing"),
    [
        (2021, 2024, (2021, 2024), "2022 or 2023"),
        (2019, 2022, (2019, 2020, 2021), "2022"),
        (2020, 2023, (2021, 2022, 2023), "2020"),
    ],
)
def test_a_part_not_held_beside_figures_is_a_partial_disclosure(
    denial, first, last, given, missing
):
    sentence = denial.format(missing=missing)
    meaning = _meaning(first, last, _table(given) + "\n" + sentence)
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("partially_disclosed", sentence)]
    assert [f.period_label for f in meaning.figures] == [str(year) for year in given]


@pytest.mark.parametrize(
    "sentence",
    [
        # of something else than the figures asked
        "We have no record of the make of the knife wands.",
        # a year outside the period asked, or one a figure gives
        "No record of holdings is available for 2018.",
        "No record of the make is held for 2021.",
    ],
)
def test_a_denial_of_no_part_asked_leaves_the_disclosure(sentence):
    meaning = _meaning(2021, 2024, _table((2021, 2022, 2023, 2024)) + "\n" + sentence)
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("disclosed", "Please see below.")]


@pytest.mark.parametrize("missing", ["2022 or 2023", "2021"])
def test_a_denial_alone_is_no_answer_no(missing):
    sentence = f"No record of holdings is available for {missing}."
    meaning = _meaning(2021, 2024, sentence)
    assert meaning.outcomes == ()
    assert meaning.unsure_outcomes == ("1",)
    assert f"('{sentence}')" in meaning.unsure_reasons["1"]


@pytest.mark.parametrize("answer", ["No.", "No, we do not.", "1. No"])
def test_a_no_answering_the_question_is_still_read(answer):
    text = LETTER.replace(
        "How many knife wands did the force hold in each year from {first} to {last}?",
        "Do you use knife arches?",
    ).format(answer=answer)
    meaning = read_meaning(
        read_response(Document(Path("r.txt"), text.encode(), "text/plain", text))
    )
    assert [o.status for o in meaning.outcomes] == ["disclosed"]
