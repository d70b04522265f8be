"""What the last reading fixes left: a question's label on a line of its own, a thread's
answer opening with the requester's signature, and the draft's doubts counted twice."""

from pathlib import Path

import pytest
from conftest import FIXTURES
from multiforce.toolkit import drafting
from multiforce.toolkit.document import Document
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import Topic, read_figures, read_meaning


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


SEARCHES = Topic("knife_wand", "uses")


@pytest.mark.parametrize(
    "note,qualifier",
    [
        ("All figures are approximate.", "approximate"),
        ("Figures are estimates.", "approximate"),
        ("Please note these figures are not complete.", "partial_coverage"),
    ],
)
@pytest.mark.parametrize(
    "answer",
    [
        "Year | Searches\n2021 | 40\n2022 | 50\n{note}",
        "{note}\n2021 = 40\n2022 = 50",
        "Searches | 2021 | 2022\nKnife wand | 40 | 50\n{note}",
    ],
)
def test_a_note_naming_no_period_marks_every_figure_of_the_answer(answer, note, qualifier):
    reading = read_figures(answer.format(note=note), [SEARCHES], "1")
    assert {f.period_label: f.qualifier for f in reading.figures} == {
        "2021": qualifier,
        "2022": qualifier,
    }
    assert reading.unsure == ()


def test_a_note_naming_no_period_leaves_a_figure_its_own_words_qualify():
    answer = "Year | Searches\n2021 | 40 (not complete)\n2022 | 50\nAll figures are approximate."
    reading = read_figures(answer, [SEARCHES], "1")
    assert {f.period_label: f.qualifier for f in reading.figures} == {
        "2021": "partial_coverage",
        "2022": "approximate",
    }


HIDDEN_CELL_LETTER = """Our ref: 0990/25
Dear Requester,
You asked:
1. How many times were knife wands used in each of 2021 and 2022?
Response
The figures are below.
Year | Searches
2021 | *
2022 | 40
{footnote}
Yours sincerely
Information Rights Unit
Kent Police
"""


def _outcomes(text: str):
    meaning = read_meaning(read_response(document(text)))
    outcomes = [(o.question, o.status, o.exemptions, o.quote) for o in meaning.outcomes]
    return outcomes, meaning


@pytest.mark.parametrize(
    "footnote",
    [
        "* fewer than 5 and not shown",
        "* small numbers are not shown",
        "Note: * denotes a number below 5, suppressed",
    ],
)
def test_a_table_with_a_hidden_cell_is_no_full_disclosure_its_outcome_is_for_a_person(footnote):
    outcomes, meaning = _outcomes(HIDDEN_CELL_LETTER.format(footnote=footnote))
    assert outcomes == []
    assert meaning.unsure_outcomes == ("1",)
    assert meaning.unsure_reasons["1"] == (
        f"a number of its answer is not shown ('{footnote}'): disclosed in full or in part?"
    )
    assert [f.value for f in meaning.figures] == [40]


@pytest.mark.parametrize(
    "footnote,sections",
    [
        ("* withheld under section 40(2)", "s40(2)"),
        ("* fewer than 5, exempt under section 40(2)", "s40(2)"),
        ("* figures under 5 are withheld", None),
        ("* fewer than 5 and not shown (section 38(1)(a))", "s38(1)(a)"),
    ],
)
def test_a_hidden_cell_whose_footnote_withholds_it_is_a_partial_disclosure(footnote, sections):
    outcomes, meaning = _outcomes(HIDDEN_CELL_LETTER.format(footnote=footnote))
    assert outcomes == [("1", "partially_disclosed", sections, footnote)]
    assert meaning.unsure_outcomes == ()


def test_a_table_with_every_cell_shown_is_still_disclosed():
    text = HIDDEN_CELL_LETTER.format(footnote="").replace("2021 | *", "2021 | 35")
    outcomes, _ = _outcomes(text)
    assert [status for _, status, _, _ in outcomes] == ["disclosed"]


MATCHES = Topic("knife_wand", "matches")


@pytest.mark.parametrize("label", ["Searches and matches", "Searches matches", "SEARCHES MATCHES"])
@pytest.mark.parametrize(
    "shape", ["Measure | 2021 | 2022\n{} | 10 | 12", "Measure    2021    2022\n{}    10    12"]
)
@pytest.mark.parametrize("topics", [(SEARCHES,), (SEARCHES, MATCHES)])
def test_a_row_label_naming_several_measures_is_left_for_a_person(shape, label, topics):
    reading = read_figures(shape.format(label), list(topics), "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [
        ("10", "the heading names several measures: which one each value counts is not sure"),
        ("12", "the heading names several measures: which one each value counts is not sure"),
    ]


@pytest.mark.parametrize(
    "label", ["Searches resulting in a match", "Matches from searches", "Matches"]
)
def test_a_row_label_naming_one_measure_is_read(label):
    reading = read_figures(f"Measure | 2021 | 2022\n{label} | 10 | 12", [SEARCHES, MATCHES], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(10, "matches"), (12, "matches")]
    assert reading.unsure == ()


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


EXTRACTIONS = Topic("phone_extraction", "uses")
FAILED = Topic("phone_extraction", "failed_uses")
TWO_MEASURES = (
    "'failed extractions' names two measures (failed_uses or uses): which one is not sure"
)


@pytest.mark.parametrize(
    "answer",
    [
        "Year | Failed extractions\n2023 | 12",
        "Year    Failed extractions\n2023    12",
        "Failed extractions | 2023\nKiosk | 12",
        "12 failed extractions were made in 2023.",
    ],
)
@pytest.mark.parametrize("topics", [(EXTRACTIONS,), (FAILED,), (EXTRACTIONS, FAILED)])
def test_words_naming_two_measures_at_once_are_left_for_a_person(answer, topics):
    reading = read_figures(answer, list(topics), "1")
    assert reading.figures == ()
    assert [(u.text, u.reason) for u in reading.unsure] == [("12", TWO_MEASURES)]


def test_a_measure_of_its_own_beside_them_is_still_read():
    answer = "Year | Extractions | Failed extractions\n2023 | 400 | 12"
    reading = read_figures(answer, [EXTRACTIONS, FAILED], "1")
    assert [(f.value, f.measure) for f in reading.figures] == [(400, "uses")]
    assert [(u.text, u.reason) for u in reading.unsure] == [("12", TWO_MEASURES)]


@pytest.mark.parametrize(
    "table,footnote",
    [
        ("Year | Searches\n2021 | *\n2022 | 40", "* fewer than 5 and not shown"),
        ("Year | Searches\n2021 | -\n2022 | 40", "- figures under 5 are withheld"),
        ("Year | Searches\n2021 | *\n2022 | 40", "Note: * denotes a number below 5, suppressed"),
    ],
)
def test_the_footnote_explaining_a_hidden_cell_is_no_number_of_its_own(table, footnote):
    reading = read_figures(f"{table}\n{footnote}", [SEARCHES], "1")
    assert [(u.text, u.reason) for u in reading.unsure] == [
        (footnote.removeprefix("Note: ")[0], f"a number not shown: the footnote says '{footnote}'")
    ]


def test_a_bound_in_a_sentence_that_explains_no_hidden_cell_is_still_listed():
    reading = read_figures(
        "Year | Searches\n2022 | 40\nFewer than 5 were in 2021.", [SEARCHES], "1"
    )
    assert [(u.text, u.reason) for u in reading.unsure] == [("5", "a bound, not the figure")]
