"""A bound in a table's cell ("<5") beside a note that numbers under it are not shown ("Figures
under 5 are not shown to protect individuals (Section 40(2)).") is a number withheld: the
answer is a partial disclosure citing the note's sections, never a full one."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning

LETTER = """Our ref: 0412/25
Date: 3 March 2025
Dear Requester,
You asked:
1. How many weapons were found using knife wands in each year from 2021 to 2023?
Response
1. Please see below.
Year | Weapons found
2021 | 14
2022 | {bound}
2023 | 9
{note}
Yours sincerely
The FOI Unit
"""


def _meaning(bound: str, note: str):
    text = LETTER.format(bound=bound, note=note)
    return read_meaning(read_response(Document(Path("r.txt"), text.encode(), "text/plain", text)))


@pytest.mark.parametrize("under", ["5", "3"])
@pytest.mark.parametrize(
    "note,section",
    [
        ("Numbers under {under} are not shown to protect individuals (Section 40(2)).", "s40(2)"),
        ("Counts below {under} have been suppressed under Section 31(1)(a).", "s31(1)(a)"),
        ("Figures of fewer than {under} are withheld (s.40(2)).", "s40(2)"),
    ],
)
@pytest.mark.parametrize("bound", ["<{under}", "fewer than {under}"])
def test_a_bound_the_note_says_is_not_shown_is_withheld(under, note, section, bound):
    said = note.format(under=under)
    meaning = _meaning(bound.format(under=under), said)
    [outcome] = meaning.outcomes
    assert (outcome.status, outcome.exemptions, outcome.quote) == (
        "partially_disclosed",
        section,
        said,
    )
    assert [f.value for f in meaning.figures] == [14, 9]


@pytest.mark.parametrize("note", ["", "Figures under 10 are not shown (Section 40(2))."])
def test_a_bound_no_note_hides_stays_a_bound_and_the_answer_disclosed(note):
    meaning = _meaning("<5", note)
    assert [o.status for o in meaning.outcomes] == ["disclosed"]
    assert ("5", "a bound, not the figure") in [(u.text, u.reason) for u in meaning.unsure_figures]
