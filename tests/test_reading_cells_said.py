"""A table's cell in words is never dropped unseen: a zero written as a word ("Nil") is listed as
the zero the force states, and a cell saying no figure is given ("n/a", "not available") is
listed and leaves the answer's outcome to a person (in full, or in part?)."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import Topic, read_figures, read_meaning

HELD = Topic("knife_wand", "devices_in_service")
LETTER = """Our ref: 0522/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many knife wands did the force hold in each year from 2021 to 2023?
Response
1. Please see below.
Year | Knife wands
2021 | 30
{year} | {cell}
2023 | 41
Yours sincerely
The FOI Unit
"""


def _meaning(text: str):
    return read_meaning(read_response(Document(Path("r.txt"), text.encode(), "text/plain", text)))


@pytest.mark.parametrize("word", ["Nil", "None", "nil", "Zero"])
@pytest.mark.parametrize("year", ["2022", "2020"])
def test_a_zero_in_words_is_listed_as_a_zero(word, year):
    reading = read_figures(f"Year | Knife wands\n{year} | {word}\n2023 | 41", [HELD], "1")
    assert [(f.value, f.period_label) for f in reading.figures] == [(41, "2023")]
    reason = f"a zero written as a word ('{word}'): the figure of its row, 0?"
    assert [(u.text, u.quote, u.reason) for u in reading.unsure] == [
        (word, f"{year} | {word}", reason)
    ]


@pytest.mark.parametrize("said", ["n/a", "N/A", "Not available", "not recorded"])
@pytest.mark.parametrize("year", ["2022", "2019"])
def test_no_figure_given_is_listed_and_the_outcome_left_to_a_person(said, year):
    text = LETTER.format(year=year, cell=said)
    meaning = _meaning(text)
    reason = f"no figure given ('{said}'): is it held, and the answer then a partial one?"
    assert (said, f"{year} | {said}", reason) in [
        (u.text, u.quote, u.reason) for u in meaning.unsure_figures
    ]
    assert meaning.outcomes == ()
    assert meaning.unsure_outcomes == ("1",)
    assert f"'{year} | {said}'" in meaning.unsure_reasons["1"]


def test_a_row_of_figures_only_is_disclosed_as_before():
    text = LETTER.format(year="2022", cell="35")
    meaning = _meaning(text)
    assert [o.status for o in meaning.outcomes] == ["disclosed"]
