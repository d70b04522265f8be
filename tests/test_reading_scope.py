"""Which questions a statement covers, and where an answer's text starts and ends."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning


def document(text: str, name: str = "response.txt") -> Document:
    return Document(Path(name), text.encode(), "text/plain", text)


def outcomes_of(text: str, url: str | None = None) -> dict[str | None, str]:
    meaning = read_meaning(read_response(document(text), url))
    return {o.question: o.status for o in meaning.outcomes}


NAMED_NOTICE_LETTER = """Our ref: 0977/25
Dear Requester,
You asked:
1. How many mobile fingerprint scanners does the force own?
2. How many times were the scanners used at each custody suite in 2024?
3. How many of those scans led to an arrest?
Response
1. Details of the scanners are in the spreadsheet attached.
2. The figures for each custody suite are withheld.
3. Arrests after a scan are not recorded. {notice}
Yours sincerely
Information Rights Unit
Kent Police
"""


@pytest.mark.parametrize(
    "notice,expected",
    [
        (
            "This letter is a refusal notice in respect of question 2: the force can neither "
            "confirm nor deny that it holds figures by custody suite.",
            {"2": "neither_confirm_nor_deny", "3": "not_held"},
        ),
        (
            "This letter is a refusal notice for part 2 of your request, as the force can "
            "neither confirm nor deny that it holds figures by custody suite.",
            {"2": "neither_confirm_nor_deny", "3": "not_held"},
        ),
        # a notice naming no question speaks of them all (a question's own answer first)
        (
            "This letter is a refusal notice: the force can neither confirm nor deny that it "
            "holds figures by custody suite.",
            {"1": "neither_confirm_nor_deny", "2": "refused", "3": "not_held"},
        ),
    ],
)
def test_a_refusal_notice_naming_a_question_covers_only_that_question(notice, expected):
    text = NAMED_NOTICE_LETTER.format(notice=notice)
    assert outcomes_of(text) == expected


def test_a_refusal_notice_naming_a_question_keeps_its_sections_to_that_question():
    text = NAMED_NOTICE_LETTER.replace(
        "1. Details of the scanners are in the spreadsheet attached.",
        "1. The number of scanners is exempt.",
    ).format(notice="This letter is a refusal notice in respect of question 2 (section 31(1)(a)).")
    meaning = read_meaning(read_response(document(text)))
    got = {o.question: (o.status, o.exemptions) for o in meaning.outcomes}
    assert got == {"1": ("refused", None), "2": ("refused", "s31(1)(a)"), "3": ("not_held", None)}
