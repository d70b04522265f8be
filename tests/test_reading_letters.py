"""Where a response's questions and answers start and end: a question's number on a line of its
own, alternating Request / Answer headings, a WhatDoTheyKnow thread's reply, a PDF line opening
with a part's numeral; an answer disclosed with no date; refusals in words of their own; and the
doubts the draft lists."""

from pathlib import Path

import pytest
from conftest import FIXTURES
from multiforce.toolkit import drafting
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning, read_outcome


def document(text: str, name: str = "response.txt") -> Document:
    return Document(Path(name), text.encode(), "text/plain", text)


LABELLED_LETTER = """Our ref: 0981/25
Dear Requester,
Request
{first}
How many knife arches does the force own?
{second}
How many knife wands does the force own?
Answer
{first}
The force owns 4 knife arches.
{second}
The force owns 12 knife wands.
Yours sincerely
Kent Police
"""


@pytest.mark.parametrize("first,second", [("Question 1", "Question 2"), ("Q1", "Q2"), ("1.", "2.")])
def test_a_questions_text_is_what_follows_its_number_on_a_line_of_its_own(first, second):
    response = read_response(document(LABELLED_LETTER.format(first=first, second=second)))
    assert [(q.number, q.text) for q in response.questions] == [
        (first.rstrip("."), "How many knife arches does the force own?"),
        (second.rstrip("."), "How many knife wands does the force own?"),
    ]
    assert [a.text for a in response.answers] == [
        "The force owns 4 knife arches.",
        "The force owns 12 knife wands.",
    ]


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


# -- a WhatDoTheyKnow thread's reply


THREAD = """Kiosks - a Freedom of Information request to Cumbria Constabulary
Request sent to Cumbria Constabulary by A Requester on 2 March 2025.
Dear Cumbria Constabulary,
How many kiosks does the force have?
Yours faithfully,
A Requester
{between}Dear A Requester,
The force has 11 kiosks.
Yours sincerely,
The FOI Unit
"""


THREAD_URL = "https://www.whatdotheyknow.com/request/kiosks"


@pytest.mark.parametrize("between", ["", "Cumbria Constabulary\n10 March 2025\n"])
def test_a_threads_answer_starts_at_the_forces_reply_not_the_requesters_signature(between):
    response = read_response(document(THREAD.format(between=between)), THREAD_URL)
    assert response.layout == "whatdotheyknow"
    assert response.answer.startswith("Dear A Requester,\nThe force has 11 kiosks.")
    assert "A Requester" not in [s.text for s in response.statements]


def test_a_threads_reply_without_a_greeting_is_still_the_answer():
    text = THREAD.format(between="").replace("Dear A Requester,\n", "")
    response = read_response(document(text), THREAD_URL)
    assert "The force has 11 kiosks." in response.answer


THREAD_WRITING_AGAIN = """Kiosks - a Freedom of Information request to Cumbria Constabulary
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


@pytest.mark.parametrize("between", ["", "A Requester\n12 March 2025\n"])
def test_the_requesters_signature_before_their_second_message_is_not_the_answer(between):
    response = read_response(document(THREAD_WRITING_AGAIN.format(between=between)), THREAD_URL)
    assert response.layout == "whatdotheyknow"
    assert response.answer.startswith("Dear A Requester,\nThe force has 11 kiosks.")
    assert "A Requester" not in [s.text for s in response.statements]


def test_a_reply_without_a_greeting_before_the_requesters_second_message_is_kept():
    between = "Thank you for your request, which we are dealing with.\n"
    response = read_response(document(THREAD_WRITING_AGAIN.format(between=between)), THREAD_URL)
    assert "Thank you for your request, which we are dealing with." in response.answer


# -- a PDF line opening with a part's numeral


def _justified_pdf(path: Path, lines: list[str]) -> Path:
    """A PDF of `lines` one below the other at a letter's pitch, each but the last justified
    to the right margin as a word processor sets a paragraph it wrapped there."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    margin, size, pitch = 72, 11, 13.5
    width = A4[0] - 2 * margin
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    top = A4[1] - margin
    for index, line in enumerate(lines):
        text = page.beginText(margin, top - index * pitch)
        text.setFont("Helvetica", size)
        gaps = line.count(" ") if index < len(lines) - 1 else 0
        text.setWordSpace((width - stringWidth(line, "Helvetica", size)) / gaps if gaps else 0)
        text.textLine(line)
        page.drawText(text)
    page.save()
    return path


@pytest.mark.parametrize("numeral", ["ii.", "ii)", "iv."])
def test_a_pdf_line_starting_with_a_roman_numeral_part_is_a_new_line(tmp_path, numeral):
    from multiforce.toolkit.readers import read_document

    # the first line ends at the right margin, where a wrapped line would
    first = "i. How many extractions did the force make with its cyber kiosks in each of 2022-23?"
    second = f"{numeral} How many kiosks did the force buy in 2023?"
    path = _justified_pdf(tmp_path / "parts.pdf", [first, second])
    assert read_document(path).text.split("\n") == [first, second]


def test_a_pdf_line_wrapped_before_a_bracketed_numeral_is_still_one_paragraph(tmp_path):
    from multiforce.toolkit.readers import read_document

    first = "1. How many people were scanned by the force in 2023 using (i) knife arches and"
    path = _justified_pdf(tmp_path / "wrapped.pdf", [first, "(ii) knife wands?"])
    assert f"{first} (ii) knife wands?" in read_document(path).text.split("\n")


# -- an answer disclosed with no date


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


# -- the draft's doubts


def _draft(name: str) -> str:
    return drafting.draft_yaml(drafting.read(FIXTURES / "drafting" / name))


def test_the_period_of_a_row_left_unsure_is_no_doubt_of_its_own():
    draft = _draft("letter-unsure.txt")
    for row in ("2021 | 980*", "2023 | over 30", "2023 | 40 | 50"):
        assert f"(no shape of a figure): {row}" not in draft
    # the row's own number is still listed, with its reason
    assert "980 (a footnote mark (*): what its footnote says of the figure): 2021 | 980*" in draft


def test_a_number_of_an_unsure_row_that_is_not_its_period_is_still_listed():
    draft = _draft("letter-unsure-extra.txt")
    assert "17 (no shape of a figure): 2021 | 980* | ref 17" in draft
    assert "2021 (no shape of a figure)" not in draft


@pytest.mark.parametrize(
    "answer,exemptions",
    [
        ("We have decided to withhold this information under section 24(1).", "s24(1)"),
        ("We are not obliged to comply with your request: section 14(1) applies.", "s14(1)"),
        ("Your request has been deemed vexatious under section 14(1).", "s14(1)"),
        ("We are not required to comply with a repeated request (section 14(2)).", "s14(2)"),
        ("We cannot provide this, as it would prejudice law enforcement (section 31).", "s31"),
        (
            "Disclosure would breach the data protection principles: section 40(2) applies.",
            "s40(2)",
        ),
        ("Section 31(1)(a) and (b) are engaged.", "s31(1)(a);s31(1)(b)"),
    ],
)
def test_a_decision_to_withhold_or_a_vexatious_request_is_a_refusal(answer, exemptions):
    outcome = read_outcome([answer])
    assert (outcome.status, outcome.exemptions) == ("refused", exemptions)


@pytest.mark.parametrize(
    "answer",
    [
        "We have decided not to withhold anything.",
        "This request is not vexatious.",
        "Section 40(2) does not apply to this information.",
    ],
)
def test_saying_nothing_is_withheld_is_no_refusal(answer):
    assert read_outcome([answer]) is None


@pytest.mark.parametrize(
    "answer,status",
    [
        ("We estimate it would cost more than £450 to comply.", "cost_limit"),
        ("Compliance would exceed £450.", "cost_limit"),
        ("The force has no record of this.", "not_held"),
        ("The data for 2019 and 2020 is not available.", "not_held"),
    ],
)
def test_the_cost_limit_in_money_and_information_not_available_are_read(answer, status):
    assert read_outcome([answer]).status == status


@pytest.mark.parametrize(
    "answer",
    [
        "It would cost £45 to post a copy.",
        "The scanners are not available to officers in rural areas.",
        "The figures are not available until the annual report is published.",
    ],
)
def test_other_costs_and_things_not_available_are_no_outcome(answer):
    assert read_outcome([answer]) is None


@pytest.mark.parametrize(
    "answer",
    [
        "The information requested is not held by Kent Police but may be held by Essex Police.",
        "This is not held by Kent Police; please contact Essex Police.",
    ],
)
def test_the_force_said_not_to_hold_it_is_not_the_one_that_may(answer):
    outcome = read_outcome([answer])
    assert (outcome.status, outcome.held_by) == ("not_held", "essex")


PERIOD_NOT_AVAILABLE = """Our ref: 0412/25
Date: 12 May 2025
Dear Requester,
You asked:
1. How many mobile fingerprint scanner searches were made in 2022, 2023 and 2024?
Response
1. 2022: 812
2023: 904
{missing}
Yours sincerely,
Information Rights
"""


@pytest.mark.parametrize(
    "missing",
    [
        "2024: Data not available",
        "2023/24: Data not available",
        "2024 - Figures not held",
        "2024: Information not recorded",
        "2024: Statistics not collated",
    ],
)
def test_a_period_whose_data_is_not_available_makes_the_answer_partial(missing):
    """ "2024: Data not available" beside 2022 and 2023's figures was read as nothing: the answer
    was 'disclosed', as if every year asked had its figure. A period's row saying, with no verb,
    that its information is not there is 'not held' of that part: the answer is a partial
    disclosure, quoting the row."""
    text = PERIOD_NOT_AVAILABLE.format(missing=missing)
    meaning = read_meaning(read_response(document(text)))
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("partially_disclosed", missing)]
    assert [f.value for f in meaning.figures] == [812, 904]


@pytest.mark.parametrize(
    "answer",
    ["The data not available until 2026 will be published then.", "Data not held yet."],
)
def test_data_not_available_until_later_says_nothing_held_or_not(answer):
    assert read_outcome([answer]) is None
