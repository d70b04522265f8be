"""What the last round of reading fixes noticed: a heading row of periods read as a figure, a
letter's alternating Request / Answer headings, a thread's second message from the requester,
several footnotes hiding numbers, and a disclosed answer with no date."""

from pathlib import Path

import pytest
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import Topic, read_figures, read_meaning

SEARCHES = Topic("knife_wand", "uses")
NOT_LINED_UP = "the row's cells do not line up with the heading row's periods"
A_YEAR = "a year where a value stands"


def document(text: str, name: str = "response.txt") -> Document:
    return Document(Path(name), text.encode(), "text/plain", text)


def _read(answer: str):
    reading = read_figures(answer, [SEARCHES], "1")
    figures = [(f.value, f.period_label) for f in reading.figures]
    return figures, [(u.text, u.reason) for u in reading.unsure]


# -- 1. a heading row of periods is never a figure --------------------------------------------


@pytest.mark.parametrize(
    "answer,expected",
    [
        ("2021 | 2022\nSearches | 10 | 12", [(10.0, "2021"), (12.0, "2022")]),
        (
            "2021 | 2022 | 2023\nSearches | 10 | 12 | 14",
            [(10.0, "2021"), (12.0, "2022"), (14.0, "2023")],
        ),
        ("        2021    2022\nSearches  10      12", [(10.0, "2021"), (12.0, "2022")]),
        # the positions say which period a lone value is of
        ("        2021    2022\nSearches          12", [(12.0, "2022")]),
        ("        2021    2022\nSearches  10", [(10.0, "2021")]),
        ("Searches | 2021 | 2022\nKnife wand | 40 | 50", [(40.0, "2021"), (50.0, "2022")]),
    ],
)
def test_a_heading_row_of_periods_without_its_corner_heads_the_columns(answer, expected):
    figures, unsure = _read(answer)
    assert figures == expected
    assert unsure == []


@pytest.mark.parametrize(
    "answer,values",
    [
        ("2021 | 2022\nSearches | 10", ["10"]),
        ("2021 | 2022 | 2023\nSearches | 10 | 12", ["10", "12"]),
        ("Searches | 2021 | 2022\nKnife wand | 40", ["40"]),
        ("Searches | 2021 | 2022\nKnife wand | 40 | 50 | 60", ["40", "50", "60"]),
    ],
)
def test_a_row_not_lined_up_with_the_periods_is_left_for_a_person(answer, values):
    figures, unsure = _read(answer)
    assert figures == []
    assert [text for text, _ in unsure] == values
    assert all(reason.startswith(NOT_LINED_UP) for _, reason in unsure)


@pytest.mark.parametrize("answer", ["2021 | 2022", "2021 | 2022 | 2023", "2021    2022    2023"])
def test_a_line_of_periods_alone_is_no_figure(answer):
    assert _read(answer) == ([], [])


@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n2021 | 2022",
        "2021: 2022",
        "2021 = 2022",
        "Year | Searches\n2020 | 45\n2021 | 2022",
    ],
)
def test_a_year_standing_where_a_value_stands_is_left_for_a_person(answer):
    figures, unsure = _read(answer)
    assert (2022.0, "2021") not in figures
    assert ("2022", A_YEAR + ": a heading or a count?") in unsure


# -- 2. a letter whose Request / Answer headings alternate question by question ---------------

ALTERNATING = """Our ref: 0412/25
Dear Requester,
{request}
How many knife arches does the force own?
{answer}
The force owns 4 knife arches.
{request}
How many knife wands does the force own?
{answer}
The force owns 12 knife wands.
Yours sincerely
Kent Police
"""


@pytest.mark.parametrize(
    "request_heading,answer_heading",
    [("Request", "Answer"), ("Request:", "Response:"), ("Question", "Answer")],
)
def test_alternating_request_and_answer_headings_pair_each_question_with_its_answer(
    request_heading, answer_heading
):
    text = ALTERNATING.format(request=request_heading, answer=answer_heading)
    response = read_response(document(text))
    assert [q.text for q in response.questions] == [
        "How many knife arches does the force own?",
        "How many knife wands does the force own?",
    ]
    assert [a.text for a in response.answers] == [
        "The force owns 4 knife arches.",
        "The force owns 12 knife wands.",
    ]
    assert [a.question for a in response.answers] == [q.label for q in response.questions]


def test_a_letter_with_one_request_heading_and_one_answer_heading_is_one_question():
    whole = ALTERNATING.format(request="Request", answer="Answer")
    text = whole.split("Request\nHow many knife w")[0] + "Yours sincerely\nKent Police\n"
    response = read_response(document(text))
    assert [q.text for q in response.questions] == ["How many knife arches does the force own?"]
    assert response.answer == "The force owns 4 knife arches."


# -- 3. a thread where the requester writes again before the force replies -------------------

THREAD = """Kiosks - a Freedom of Information request to Cumbria Constabulary
Request sent to Cumbria Constabulary by A Requester on 2 March 2025.
Dear Cumbria Constabulary,
How many kiosks does the force have?
Yours faithfully,
A Requester
{between}Dear Cumbria Constabulary,
Please tell me when I may expect a reply.
Yours faithfully,
A Requester
Dear A Requester,
The force has 11 kiosks.
Yours sincerely,
The FOI Unit
"""
THREAD_URL = "https://www.whatdotheyknow.com/request/kiosks"


@pytest.mark.parametrize("between", ["", "A Requester\n12 March 2025\n"])
def test_the_requesters_signature_before_their_second_message_is_not_the_answer(between):
    response = read_response(document(THREAD.format(between=between)), THREAD_URL)
    assert response.layout == "whatdotheyknow"
    assert response.answer.startswith("Dear A Requester,\nThe force has 11 kiosks.")
    assert "A Requester" not in [s.text for s in response.statements]


def test_a_reply_without_a_greeting_before_the_requesters_second_message_is_kept():
    between = "Thank you for your request, which we are dealing with.\n"
    response = read_response(document(THREAD.format(between=between)), THREAD_URL)
    assert "Thank you for your request, which we are dealing with." in response.answer


# -- 4. several footnotes hiding numbers ------------------------------------------------------

HIDDEN = """Our ref: 0733/25
Dear Requester,
1. How many knife arch searches did the force carry out in each of 2021 and 2022?
Answer
1. Year | Searches | Arrests
2021 | * | 40
2022 | 120 | †
{first}
{second}
Yours sincerely
Kent Police
"""


def test_every_footnote_hiding_a_number_is_quoted_and_cited():
    first, second = "* withheld under section 40(2)", "† withheld under section 31(1)(a)"
    text = HIDDEN.format(first=first, second=second)
    meaning = read_meaning(read_response(document(text)))
    [outcome] = meaning.outcomes
    assert outcome.status == "partially_disclosed"
    assert first in outcome.quote and second in outcome.quote
    assert outcome.quote in text
    assert set(outcome.exemptions.split(";")) == {"s40(2)", "s31(1)(a)"}


def test_every_footnote_hiding_a_number_is_named_for_a_person():
    first, second = "* fewer than 5 and not shown", "† not shown to protect identities"
    meaning = read_meaning(read_response(document(HIDDEN.format(first=first, second=second))))
    assert meaning.outcomes == ()
    assert first in meaning.unsure_reasons["1"] and second in meaning.unsure_reasons["1"]


# -- 5. a disclosed answer whose figure wants a date ------------------------------------------

UNDATED = """Our ref: 0412/25
{date}Dear Requester,
1. How many knife arches does your force own?
Answer
1. {answer}
Yours sincerely
Kent Police
"""


@pytest.mark.parametrize(
    "question,answer",
    [
        ("How many knife arches does your force own?", "The force owns 3 knife arches."),
        ("Does your force use knife arches?", "Yes, the force uses them."),
    ],
)
def test_an_answer_giving_its_figure_is_disclosed_without_a_date(question, answer):
    text = UNDATED.format(date="", answer=answer).replace(
        "How many knife arches does your force own?", question
    )
    meaning = read_meaning(read_response(document(text)))
    assert [(o.question, o.status, o.quote) for o in meaning.outcomes] == [
        ("1", "disclosed", answer)
    ]
    assert meaning.figures == ()
    assert [u.quote for u in meaning.unsure_figures] == [answer]


def test_with_a_date_the_figure_is_read_as_before():
    text = UNDATED.format(date="Date: 3 March 2025\n", answer="The force owns 3 knife arches.")
    meaning = read_meaning(read_response(document(text)))
    assert [(f.value, f.period_start) for f in meaning.figures] == [(3.0, "2025-03-03")]
    assert [o.status for o in meaning.outcomes] == ["disclosed"]
