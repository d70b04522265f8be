"""Each layout profile reads its fixture document (made up, modelled on publishers.md's
markers) to the reviewed golden JSON beside it: response, topics, outcomes and figures."""

import json
import runpy
from pathlib import PurePosixPath

import pytest
import setuptools
from conftest import ROOT
from layout_reading import fixtures, golden_path, reading
from multiforce.toolkit.layouts import Response, choose, read_response
from multiforce.toolkit.layouts.profiles import profiles
from multiforce.toolkit.meaning import read_meaning
from multiforce.toolkit.readers import read_document


@pytest.mark.parametrize("path", fixtures(), ids=lambda p: p.name)
def test_fixture_reads_to_its_golden(path):
    got = reading(path)
    golden = golden_path(path)
    if not golden.exists():
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.fail(f"{golden.name} was missing and has been written: review it, then rerun.")
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_every_profile_has_a_fixture():
    read = {reading(path)["response"]["layout"] for path in fixtures()}
    assert {p.id for p in profiles()} <= read


def test_body_is_the_documents_own_lines_without_chrome():
    for path in fixtures():
        document = read_document(path)
        body = read_response(document).body
        assert "cookie" not in body.lower() and "Quickly exit" not in body
        for line in body.splitlines():
            assert line in document.text, f"{path.name}: {line!r} is not the document's"


def test_quotes_are_passages_of_the_document():
    for path in fixtures():
        text = read_document(path).text
        got = reading(path)
        for row in got["outcomes"] + got["figures"]:
            assert row["quote"] in text, f"{path.name}: {row['quote']!r}"


def test_the_vocabulary_files_are_installed(monkeypatch):
    """pip install . (not editable) must carry schemas/*.yaml, which only package_data ships."""
    captured = {}
    monkeypatch.setattr(setuptools, "setup", lambda **kwargs: captured.update(kwargs))
    monkeypatch.chdir(ROOT)
    runpy.run_path(str(ROOT / "setup.py"))
    patterns = captured["package_data"]["multiforce.schemas"]
    for name in ("layouts.yaml", "phrases.yaml", "questions.yaml"):
        assert (ROOT / "schemas" / name).exists()
        assert any(PurePosixPath(name).match(p) for p in patterns), f"{name} would not be installed"


@pytest.mark.parametrize(
    "text,url,layout",
    [
        # a platform variant is told by its own marker, with or without the platform's chrome
        (
            "Freedom of information request reference no: 01.FOI.22.123456",
            None,
            "police-platform/met",
        ),
        ("Enquiry Reference: 12-25\nDate: 01/01/25", None, "police-platform/cleveland"),
        # another force's page in capitals is not the Met's: only its 01.FOI reference is
        (
            "Quickly exit this site by pressing the Escape key\n"
            "FREEDOM OF INFORMATION REQUEST REFERENCE NO: 512-2024",
            None,
            "police-platform/other",
        ),
        # the platform's chrome alone names no force's variant
        (
            "Quickly exit this site by pressing the Escape key\nSome text",
            None,
            "police-platform/other",
        ),
        # the address decides between layouts the text leaves open
        (
            "Some text",
            "https://www.cleveland.police.uk/foi-ai/cleveland-police/x/",
            "police-platform/cleveland",
        ),
        ("Dear Sir,\nYours sincerely", None, "letter"),
        ("Nothing to tell", None, "plain"),
    ],
)
def test_the_layout_is_chosen_by_markers_and_address(text, url, layout):
    assert choose(text, url).id == layout


@pytest.mark.parametrize(
    "url,reference",
    [
        # North Yorkshire's slug may carry words after the number
        (
            "https://www.northyorkshire.police.uk/foi-ai/north-yorkshire-police/"
            "foi-disclosure-2023-24/may-2023/foi-0417-202324---kiosk-logs/",
            "0417/2023-24",
        ),
        # Cleveland's older pages state no Enquiry Reference: the slug's number is it
        (
            "https://www.cleveland.police.uk/foi-ai/cleveland-police/disclosure/2020/march/"
            "10422---drone-flights/",
            "10422",
        ),
    ],
)
def test_a_reference_is_read_from_the_address(tmp_path, url, reference):
    page = tmp_path / "page.txt"
    page.write_text("Quickly exit this site by pressing the Escape key\nRequest\nHow many?\n")
    assert read_response(read_document(page), url).reference == reference


def test_a_range_numbers_a_block_only_when_written_as_a_label(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Request\n1. How many knife arches?\n2. How many wands?\n3. Where are they kept?\n"
        "Response\n1-2.\nArches: 4, wands: 9.\n3. In store.\n"
        "3-4 of the arches are kept in the north.\n"
    )
    response = read_response(read_document(page))
    assert {a.question: a.text.split("\n")[0] for a in response.answers} == {
        "1": "Arches: 4, wands: 9.",
        "2": "Arches: 4, wands: 9.",
        "3": "In store.",
    }
    assert "3-4 of the arches" in response.answer_to("3")


@pytest.mark.parametrize(
    "opening", ["I have today decided to disclose", "I have decided to refuse"]
)
def test_a_platform_decision_sentence_ends_the_request(tmp_path, opening):
    page = tmp_path / "page.txt"
    page.write_text(
        "Quickly exit this site by pressing the Escape key\n"
        "I note you seek access to the following information:\n"
        "1. How many knife arches do you own?\n"
        f"{opening} some of the requested information.\n"
        "Section 31(1) - Law Enforcement\n"
    )
    response = read_response(read_document(page), "https://www.kent.police.uk/foi-ai/kent/d/x/")
    assert [q.text for q in response.questions] == ["1. How many knife arches do you own?"]
    assert response.answer.startswith(opening)


def test_a_reply_in_a_whatdotheyknow_thread_answers_the_request(tmp_path):
    """The force's reply opens with "Dear ..." as the request did: it is the answer, not a
    second request."""
    page = tmp_path / "thread.txt"
    page.write_text(
        "Kiosks - a Freedom of Information request to Cumbria Constabulary\n"
        "Dear Cumbria Constabulary,\n1. How many kiosks?\n2. How many extractions in 2024?\n"
        "Yours faithfully,\nA Requester\n"
        "Dear A Requester,\n1. The force has 11 kiosks.\n2. This is exempt under section 31(1).\n"
        "Yours sincerely,\nThe FOI Unit\n"
        # the requester writes again: a message of the thread, not a request with its answer
        "Dear Cumbria Constabulary,\nI ask for an internal review of question 2.\n"
        "Yours faithfully,\nA Requester\n"
    )
    response = read_response(read_document(page), "https://www.whatdotheyknow.com/request/kiosks")
    assert response.layout == "whatdotheyknow"
    assert [q.text for q in response.questions] == [
        "1. How many kiosks?",
        "2. How many extractions in 2024?",
    ]
    assert [a.text.split("\n")[0] for a in response.answers] == [
        "The force has 11 kiosks.",
        "This is exempt under section 31(1).",
    ]


@pytest.mark.parametrize("heading", ["Response", "Our answer:", "Our reply"])
def test_a_letter_s_answer_heading_parts_the_request_from_the_answer(tmp_path, heading):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Our ref: 12/25\nDear Requester,\nYou asked:\n1. How many wands?\n"
        f"{heading}\n1. The force has 9 wands.\nYours sincerely\nThe Disclosure Team\n"
    )
    response = read_response(read_document(letter))
    assert [q.text for q in response.questions] == ["1. How many wands?"]
    assert response.answer_to("1") == "The force has 9 wands."


GROUPED = """Our ref: 0500/25
Dear Requester,
You asked:
Mobile Fingerprint Scanners
1. How many mobile fingerprint scanners did the force own in 2024?
2. How many times were the scanners used in 2024?
Knife Arches
1. How many knife arches did the force own in 2024?
2. How many times were the arches used in 2024?
Response
{answer}
Yours sincerely
The Disclosure Team
"""
SCANNERS = ("Mobile Fingerprint Scanners / 1", "Mobile Fingerprint Scanners / 2")
ARCHES = ("Knife Arches / 1", "Knife Arches / 2")


def _grouped(tmp_path, answer: str) -> Response:
    letter = tmp_path / "letter.txt"
    letter.write_text(GROUPED.format(answer=answer))
    response = read_response(read_document(letter))
    assert [q.label for q in response.questions] == [*SCANNERS, *ARCHES]
    return response


def _grouped_answers(tmp_path, answer: str) -> dict[str | None, str]:
    return {a.question: a.text for a in _grouped(tmp_path, answer).answers}


@pytest.mark.parametrize(
    "answer",
    [
        # one group's heading, then the numbers start again with none
        "Mobile Fingerprint Scanners\n1. The force owned 40.\n2. They were used 900 times.\n"
        "1. The force owned 3.\n2. They were used 12 times.",
        # ... at once: a group answered in one number
        "Mobile Fingerprint Scanners\n1. The force owned 40.\n"
        "1. The force owned 3.\n2. They were used 12 times.",
        # ... each question restated, alike in both groups
        "Mobile Fingerprint Scanners\nRequest 1: How many did the force own in 2024?\n"
        "Response 1: The force owned 40.\nRequest 1: How many did the force own in 2024?\n"
        "Response 1: The force owned 3.\nRequest 2: How many times were they used in 2024?\n"
        "Response 2: They were used 12 times.",
        # no heading at all
        "1. The force owned 40.\n2. They were used 900 times.\n"
        "1. The force owned 3.\n2. They were used 12 times.",
    ],
    ids=["one heading", "one heading, a number again at once", "one heading, restated", "none"],
)
def test_an_answer_whose_group_the_response_does_not_say_answers_no_group_s_question(
    tmp_path, answer
):
    response = _grouped(tmp_path, answer)
    answers = {a.question: a.text for a in response.answers}
    assert not any("owned 3" in text or "12 times" in text for text in answers.values())
    assert set(answers) <= set(SCANNERS)
    meaning = read_meaning(response)
    assert 12 not in [f.value for f in meaning.figures]
    assert ("12", None) in [(u.text, u.question) for u in meaning.unsure_figures]
    assert set(ARCHES) <= set(meaning.unsure_outcomes)


@pytest.mark.parametrize("heading", ["Mobile Fingerprint Scanners\n", ""], ids=["one", "none"])
def test_an_answer_whose_group_is_not_sure_decides_no_question_s_outcome(tmp_path, heading):
    response = _grouped(
        tmp_path,
        f"{heading}Q1 - The force owned 40.\nQ2 - The information is not held.\n"
        "Q1 - The information is not held.\nQ2 - The information is not held.",
    )
    meaning = read_meaning(response)
    assert "not_held" not in [o.status for o in meaning.outcomes if o.question != SCANNERS[1]]
    assert set(ARCHES) <= set(meaning.unsure_outcomes)


def test_a_group_heading_the_response_keeps_decides_the_group(tmp_path):
    answers = _grouped_answers(
        tmp_path,
        "Mobile Fingerprint Scanners\n1. The force owned 40.\n2. They were used 900 times.\n"
        "Knife Arches\n1. The force owned 3.\n2. They were used 12 times.",
    )
    assert answers == {
        SCANNERS[0]: "The force owned 40.",
        SCANNERS[1]: "They were used 900 times.",
        ARCHES[0]: "The force owned 3.",
        ARCHES[1]: "They were used 12 times.",
    }


@pytest.mark.parametrize("heading", ["Mobile Fingerprint Scanners\n", ""], ids=["one", "none"])
def test_a_restated_question_decides_the_group_where_no_heading_does(tmp_path, heading):
    answers = _grouped_answers(
        tmp_path,
        f"{heading}1. How many mobile fingerprint scanners did the force own in 2024?\n"
        "The force owned 40.\n"
        "1. How many knife arches did the force own in 2024?\nThe force owned 3.",
    )
    assert {label: text.split("\n")[-1] for label, text in answers.items()} == {
        SCANNERS[0]: "The force owned 40.",
        ARCHES[0]: "The force owned 3.",
    }


def test_a_question_restated_and_answered_under_one_number_keeps_its_group(tmp_path):
    answers = _grouped_answers(
        tmp_path,
        "Mobile Fingerprint Scanners\nRequest 1: How many did the force own in 2024?\n"
        "Response 1: The force owned 40.\nKnife Arches\n"
        "Request 1: How many did the force own in 2024?\nResponse 1: The force owned 3.",
    )
    assert {label: text.split("\n")[-1] for label, text in answers.items()} == {
        SCANNERS[0]: "The force owned 40.",
        ARCHES[0]: "The force owned 3.",
    }


def test_a_number_on_a_line_of_its_own_numbers_the_lines_after_it(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Essex Police\nOur ref: FOI 100/25\nDear Requester,\nYou asked:\n"
        "1. How many knife arches did the force own in 2024?\n"
        "2. In relation to scanners:\na) How many did the force own in 2024?\n"
        "b) How many times were they used in 2024?\n"
        "Response\n1.\nThe force owned 6 knife arches in 2024.\n2.\na)\nThe force owned 30.\n"
        "b)\nThis information is not held.\nYours sincerely,\nEssex Police\n"
    )
    response = read_response(read_document(letter))
    answers = {a.question: a.text.split("\n")[-1] for a in response.answers}
    assert answers == {
        "1": "The force owned 6 knife arches in 2024.",
        "2a": "The force owned 30.",
        "2b": "This information is not held.",
    }
    assert not [s.text for s in response.statements if s.covers]
    meaning = read_meaning(response)
    assert "2." not in [f.quote for f in meaning.figures + meaning.unsure_figures]
    outcomes = {o.question: o.status for o in meaning.outcomes}
    assert outcomes["2b"] == "not_held"
    assert outcomes.get("1") != "not_held" and outcomes.get("2a") != "not_held"


def test_an_answer_numbered_for_no_question_speaks_for_none(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Essex Police\nOur ref: FOI 101/25\nDear Requester,\nYou asked:\n"
        "1. How many knife arches did the force own in 2024?\n"
        "2. How many scanners did the force own in 2024?\n"
        "Response\n3. The force owned 6.\n4. This information is not held.\n"
        "Yours sincerely,\nEssex Police\n"
    )
    meaning = read_meaning(read_response(read_document(letter)))
    assert [o.status for o in meaning.outcomes] == []
    assert set(meaning.unsure_outcomes) == {"1", "2"}


def test_lettered_parts_of_an_answer_to_a_question_without_parts_are_its_answer(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "Essex Police\nOur ref: FOI 102/25\nDear Requester,\nYou asked:\n"
        "1. How many knife arches did the force own and use in 2024?\n"
        "2. How many scanners did the force own in 2024?\n"
        "Response\n1.\na) The force owned 6.\nb) This information is not held.\n"
        "2. The force owned 30 scanners in 2024.\nYours sincerely,\nEssex Police\n"
    )
    response = read_response(read_document(letter))
    assert response.answer_to("1").endswith("b) This information is not held.")
    assert not response.statements


@pytest.mark.parametrize(
    "request_line,response_line,request_date,response_date",
    [
        (
            "Date of request: 3 April 2024",
            "Date of response: 2 May 2024",
            "2024-04-03",
            "2024-05-02",
        ),
        ("Request date: 4 April 2024", "Response date: 9 May 2024", "2024-04-04", "2024-05-09"),
        ("Date received: 5 April 2024", "Date responded: 10 May 2024", "2024-04-05", "2024-05-10"),
        (
            "Date request received: 6 April 2024",
            "Date of reply: 1 May 2024",
            "2024-04-06",
            "2024-05-01",
        ),
    ],
)
def test_a_letter_s_labelled_dates_are_its_request_and_response_dates(
    tmp_path, request_line, response_line, request_date, response_date
):
    letter = tmp_path / "letter.txt"
    letter.write_text(
        f"Our ref: 12/25\n{request_line}\n{response_line}\nDear Requester,\nYou asked:\n"
        "1. How many wands?\nResponse\n1. The force has 9 wands.\nYours sincerely\n"
    )
    response = read_response(read_document(letter))
    assert (response.request_date, response.response_date) == (request_date, response_date)


def test_an_email_reply_s_sent_date_and_subject_s_request_number_are_read(tmp_path):
    email = tmp_path / "reply.txt"
    email.write_text(
        "From: Freedom of Information <foi@example.police.uk>\nSent: 14 March 2024 10:32\n"
        "Subject: FOI request 2024/551 - Knife arches\nDear Ms Smith,\n"
        "Q1: How many knife arches does the force own?\nA1: 5\nKind regards,\n"
        "Freedom of Information Team\nCheshire Constabulary\n"
    )
    response = read_response(read_document(email))
    assert (response.reference, response.response_date) == ("2024/551", "2024-03-14")


QUESTION_TABLE = """Gwent Police
Our ref: 2024/00871
Dear Requester,
Your request and our response are set out below.
{heading}
{rows}
{below}
Yours sincerely,
Information Rights Unit
"""


def _table_response(tmp_path, heading, rows, below=""):
    letter = tmp_path / "letter.txt"
    letter.write_text(QUESTION_TABLE.format(heading=heading, rows="\n".join(rows), below=below))
    return read_response(read_document(letter))


@pytest.mark.parametrize(
    "heading,rows",
    [
        (
            "Question | Response",
            ["1. How many kiosks? | 9", "2. How many wands? | 25", "3. What colour are they?"],
        ),
        (
            "No. | Question | Answer",
            ["1 | How many kiosks? | 9", "2 | How many wands? | 25", "3 | What colour are they?"],
        ),
        (
            "Your request | Our response",
            ["1. How many kiosks? | 9", "2. How many wands? | 25", "3. What colour are they?"],
        ),
    ],
)
def test_a_table_of_questions_beside_their_answers_pairs_each_row(tmp_path, heading, rows):
    response = _table_response(tmp_path, heading, rows)
    assert [(q.number, q.text) for q in response.questions] == [
        ("1", "1. How many kiosks?"),
        ("2", "2. How many wands?"),
        ("3", "3. What colour are they?"),
    ]
    assert [(a.question, a.text) for a in response.answers] == [("1", "9"), ("2", "25")]


def test_a_question_table_s_answer_and_the_note_below_it_are_read_as_written(tmp_path):
    rows = ["1. How many kiosks? | 11", "2. Please send the kiosk policy. | Withheld"]
    response = _table_response(
        tmp_path, "Question | Response", rows, "Section 31(1)(a) applies to question 2."
    )
    assert [(a.question, a.text) for a in response.answers] == [("1", "11"), ("2", "Withheld")]
    assert [(s.text, s.covers) for s in response.statements] == [
        ("Section 31(1)(a) applies to question 2.", ("2",))
    ]


def test_a_table_headed_otherwise_is_no_table_of_questions(tmp_path):
    rows = ["2021 | 40", "2022 | 52"]
    response = _table_response(tmp_path, "Year | Searches", rows)
    assert [q.text for q in response.questions] == [
        "Your request and our response are set out below."
    ]
    assert [a.text for a in response.answers] == ["Year | Searches\n2021 | 40\n2022 | 52"]


def test_a_word_table_of_questions_and_answers_pairs_each_row(tmp_path):
    import docx

    made = docx.Document()
    for line in ("Our ref: HC/FOI/2024/1001", "Dear Requester,"):
        made.add_paragraph(line)
    rows = [
        ("Question", "Response"),
        ("1. How many knife wands does the force own?", "40"),
        ("2. Please provide your knife wand policy.", ""),
    ]
    table = made.add_table(rows=len(rows), cols=2)
    for row, cells in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = cells
    made.add_paragraph("The policy for question 2 is exempt under section 31(1)(a).")
    made.add_paragraph("Yours sincerely,")
    made.save(tmp_path / "response.docx")
    response = read_response(read_document(tmp_path / "response.docx"))
    assert [q.number for q in response.questions] == ["1", "2"]
    assert [(a.question, a.text) for a in response.answers] == [("1", "40")]
    assert [(s.text, s.covers) for s in response.statements] == [
        ("The policy for question 2 is exempt under section 31(1)(a).", ("2",))
    ]
