"""Which questions a statement covers, and where an answer's text starts and ends."""

from pathlib import Path

import pytest
from multiforce.toolkit.adapter import Adapter
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


NUMBERED_FIGURES_LETTER = """Our ref: 0978/25
Dear Requester,
You asked:
1. How many times were mobile fingerprint scanners used in each of 2022 and 2023?
2. How many knife wands did the force own on 1 March 2025?
Response
{first}
2023 = 1,250
{second}
Yours sincerely
Information Rights Unit
Kent Police
"""


def figures_of(text: str) -> list[tuple[str | None, float, str | None]]:
    meaning = read_meaning(read_response(document(text)))
    return [(f.question, f.value, f.period_label) for f in meaning.figures]


@pytest.mark.parametrize(
    "first,second",
    [
        ("1. 2022 = 1,100", "2. 35 knife wands"),
        ("Q1: 2022 = 1,100", "Q2: 35 knife wands"),
        ("1.\n2022 = 1,100", "2.\n35 knife wands"),
    ],
)
def test_a_figure_on_the_answers_number_line_is_read(first, second):
    text = NUMBERED_FIGURES_LETTER.format(first=first, second=second)
    assert figures_of(text) == [
        ("1", 1100.0, "2022"),
        ("1", 1250.0, "2023"),
        ("2", 35.0, "1 March 2025"),
    ]
    # the answer's text is what follows its number, each line still the document's
    answers = read_response(document(text)).answers
    assert [a.text.split("\n")[0] for a in answers] == ["2022 = 1,100", "35 knife wands"]


INTERLEAVED_LETTER = """Freedom of Information Request Reference No: 2025/0457
I write in connection with your request for information received by Humberside Police.
Request
Q1. How many times were mobile fingerprint scanners used in each of 2022 and 2023?
{first}
2023 = 1,250
Q2. How many knife wands did the force own on 1 March 2025?
{second}
Yours sincerely
"""


@pytest.mark.parametrize(
    "first,second",
    [
        ("A1. 2022 = 1,100", "A2. 35 knife wands"),
        ("Answer: 2022 = 1,100", "Answer - 35 knife wands"),
    ],
)
def test_a_figure_on_the_answer_label_line_under_its_question_is_read(first, second):
    text = INTERLEAVED_LETTER.format(first=first, second=second)
    assert figures_of(text) == [
        ("Q1", 1100.0, "2022"),
        ("Q1", 1250.0, "2023"),
        ("Q2", 35.0, "1 March 2025"),
    ]


PSNI_PAGE = """April 2, 2025 | Technology
Request Number: FOI/18001
Category: Technology
Subject: Knife arches
Request and Answer:
Your request has been considered. PSNI can neither confirm nor deny that it holds it (s.24(2)).
Question 1
How many knife arches does PSNI own?
Question 2
How many times were knife arches used in 2024?
Back to top
"""


def test_a_psni_question_s_text_is_what_follows_its_label():
    response = read_response(document(PSNI_PAGE), "https://www.psni.police.uk/foi-disclosure-log/x")
    assert response.layout == "psni-log"
    assert [(q.label, q.text) for q in response.questions] == [
        ("Question 1", "How many knife arches does PSNI own?"),
        ("Question 2", "How many times were knife arches used in 2024?"),
    ]
    assert response.answers == ()  # the question is not its own answer
    meaning = read_meaning(response)
    assert [(t.technology, t.measure) for t in meaning.questions[1].topics] == [
        ("knife_arch", "uses")
    ]
    assert {o.question: o.status for o in meaning.outcomes} == {
        "Question 1": "neither_confirm_nor_deny",
        "Question 2": "neither_confirm_nor_deny",
    }


THREAD = """Sign in
Kiosks - a Freedom of Information request to Cumbria Constabulary
Request sent to Cumbria Constabulary by A Requester on 2 March 2025.
Dear Cumbria Constabulary,
{request}
Yours faithfully,
A Requester
Dear A Requester,
{answer}
Yours sincerely,
The FOI Unit
{greeting}
Thank you. I understand the figures for 2024 are not held, but I believe 300 phones waited.
Yours faithfully,
A Requester
The request was successful.
"""
FOLLOW_UP = "Thank you. I understand the figures for 2024 are not held"


@pytest.mark.parametrize(
    "request_text,answer,labels",
    [
        (
            "1. How many phones awaited a kiosk examination on 1 March 2025?\n"
            "2. How many kiosks does the force have?",
            "1. 120 phones awaited examination on 1 March 2025.\n2. The force has 11 kiosks.",
            ["1", "2"],
        ),
        (
            "How many kiosks does the force have?",
            "The force has 11 kiosks.",
            ["request"],
        ),
    ],
)
@pytest.mark.parametrize("greeting", ["Dear Cumbria Constabulary,", "Dear Cumbria Police,"])
def test_a_requesters_later_message_is_not_part_of_the_answer(
    request_text, answer, labels, greeting
):
    text = THREAD.format(request=request_text, answer=answer, greeting=greeting)
    url = "https://www.whatdotheyknow.com/request/kiosks"
    response = read_response(document(text), url)
    assert response.layout == "whatdotheyknow"
    assert FOLLOW_UP not in response.answer
    assert not any(FOLLOW_UP in a.text for a in response.answers)
    assert not any(FOLLOW_UP in s.text for s in response.statements)
    meaning = read_meaning(response)
    assert {o.question: o.status for o in meaning.outcomes} == dict.fromkeys(labels, "disclosed")
    assert "300" not in [u.text for u in meaning.unsure_figures]


PARTS_LETTER = """Our ref: 0979/25
Dear Requester,
You asked:
1. Regarding mobile fingerprint scanners:
1a. How many searches were carried out in 2023?
1b. How many matches were returned in 2023?
2. Regarding knife arches:
(a) How many were deployed in 2023?
(b) How many knife wands were purchased in 2023?
3. Regarding cyber kiosks:
i. How many extractions were made in 2023?
ii. How many were purchased in 2023?
Response
Please see the spreadsheet attached.
Yours sincerely
Information Rights Unit
Kent Police
"""


def test_a_lettered_part_takes_its_parent_questions_technology_unless_it_names_its_own():
    meaning = read_meaning(read_response(document(PARTS_LETTER)))
    technologies = {q.label: sorted({t.technology for t in q.topics}) for q in meaning.questions}
    assert technologies == {
        "1": [],
        "1a": ["mobile_fingerprint_scanner"],
        "1b": ["mobile_fingerprint_scanner"],
        "2": [],
        "2a": ["knife_arch"],
        "2b": ["knife_wand"],
        "3": [],
        "3i": ["phone_extraction"],
        "3ii": ["phone_extraction"],
    }


WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _numbered_word_list(path: Path, number_format: str) -> Path:
    """A Word letter whose "List Number" paragraphs Word numbers in `number_format`."""
    import docx

    word = docx.Document()
    word.add_paragraph("You asked:")
    for question in ["How many arches?", "How many wands?", "How many scanners?", "Where?"]:
        word.add_paragraph(question, style="List Number")
    num_id = str(word.styles["List Number"].element.pPr.numPr.numId.val)
    numbering = word.part.numbering_part.element
    instance = next(
        n
        for n in numbering.findall(f"{WORD_NAMESPACE}num")
        if n.get(f"{WORD_NAMESPACE}numId") == num_id
    )
    abstract_id = instance.find(f"{WORD_NAMESPACE}abstractNumId").get(f"{WORD_NAMESPACE}val")
    abstract = next(
        a
        for a in numbering.findall(f"{WORD_NAMESPACE}abstractNum")
        if a.get(f"{WORD_NAMESPACE}abstractNumId") == abstract_id
    )
    level = abstract.findall(f"{WORD_NAMESPACE}lvl")[0]
    level.find(f"{WORD_NAMESPACE}numFmt").set(f"{WORD_NAMESPACE}val", number_format)
    word.save(path)
    return path


@pytest.mark.parametrize(
    "number_format,numbers",
    [
        ("upperLetter", ["A.", "B.", "C.", "D."]),
        ("lowerRoman", ["i.", "ii.", "iii.", "iv."]),
        ("upperRoman", ["I.", "II.", "III.", "IV."]),
        ("lowerLetter", ["a.", "b.", "c.", "d."]),
        ("decimal", ["1.", "2.", "3.", "4."]),
    ],
)
def test_word_list_numbers_in_letters_and_roman_numerals_are_written(
    tmp_path, number_format, numbers
):
    from multiforce.toolkit.readers import read_document

    path = _numbered_word_list(tmp_path / "listed.docx", number_format)
    lines = read_document(path).text.split("\n")
    assert lines == [
        "You asked:",
        f"{numbers[0]} How many arches?",
        f"{numbers[1]} How many wands?",
        f"{numbers[2]} How many scanners?",
        f"{numbers[3]} Where?",
    ]


WELSH_PAGE = """Allanfa Gyflym
Cyfeirnod RhG: 118/2025
Cais:
1. Faint o sganwyr olion bysedd sydd gan yr heddlu?
2. Faint o weithiau y defnyddiwyd y sganwyr yn 2024?
Ymateb:
1. {first}
2. {second}
"""
WELSH_URL = (
    "https://www.dyfed-powys.police.uk/cy-GB/foi-ai/heddlu-dyfed-powys/datgeliadau-2025/mai/x/"
)


@pytest.mark.parametrize(
    "first,second,expected",
    [
        # not held, in the words a Welsh authority uses of information it does not hold
        (
            "Nid ydym yn cadw'r wybodaeth hon.",
            "Mae adran 12(1) yn berthnasol.",
            {"1": ("not_held", None), "2": ("cost_limit", "s12(1)")},
        ),
        # withheld under an exemption, the section written "Adran"
        (
            "Rydym yn atal yr wybodaeth o dan Adran 31(1)(a).",
            "Rydym yn esemptio rhan o'r wybodaeth: Adran 40(2).",
            {"1": ("refused", "s31(1)(a)"), "2": ("partially_disclosed", "s40(2)")},
        ),
        (
            "Mae'r wybodaeth yn esempt o dan adran 24(1).",
            "Byddai'r cais yn costio mwy na'r terfyn uchaf.",
            {"1": ("refused", "s24(1)"), "2": ("cost_limit", None)},
        ),
    ],
)
def test_welsh_refusal_not_held_and_exemption_wording_is_read(first, second, expected):
    text = WELSH_PAGE.format(first=first, second=second)
    meaning = read_meaning(read_response(document(text), WELSH_URL))
    assert {o.question: (o.status, o.exemptions) for o in meaning.outcomes} == expected


def test_welsh_wording_that_denies_an_exemption_is_not_a_refusal():
    text = WELSH_PAGE.format(first="Nid yw'r wybodaeth yn esempt.", second="Nid ydym yn atal dim.")
    meaning = read_meaning(read_response(document(text), WELSH_URL))
    assert [o.status for o in meaning.outcomes] == []


def test_a_force_s_reply_after_the_requester_wrote_again_is_still_the_answer():
    text = (
        "Kiosks - a Freedom of Information request to Cumbria Constabulary\n"
        "Request sent to Cumbria Constabulary by A Requester on 2 March 2025.\n"
        "Dear Cumbria Constabulary,\nHow many kiosks does the force have?\n"
        "Yours faithfully,\nA Requester\n"
        "Dear Cumbria Constabulary,\nI understand the figures are not held for 2023.\n"
        "Yours faithfully,\nA Requester\n"
        "Dear A Requester,\nThe force has 11 kiosks.\nYours sincerely,\nThe FOI Unit\n"
    )
    response = read_response(document(text), "https://www.whatdotheyknow.com/request/kiosks")
    assert "The force has 11 kiosks." in response.answer
    assert "not held" not in response.answer


def test_a_part_lettered_a_under_a_question_answered_below_it_is_a_question_not_an_answer():
    text = (
        "Freedom of Information Request Reference No: 2025/0458\n"
        "I write in connection with your request for information received by Humberside Police.\n"
        "Request\nQ1. Regarding cyber kiosks:\n"
        "a. How many kiosks were bought in 2024?\n3 kiosks.\n"
        "b. How many kiosks were retired in 2024?\n1 kiosk.\nYours sincerely\n"
    )
    response = read_response(document(text))
    assert [(q.label, q.text) for q in response.questions][1:] == [
        ("1a", "a. How many kiosks were bought in 2024?"),
        ("1b", "b. How many kiosks were retired in 2024?"),
    ]
    assert [(a.question, a.text) for a in response.answers] == [
        ("1a", "3 kiosks."),
        ("1b", "1 kiosk."),
    ]


def test_a_roman_numeral_in_brackets_starting_a_line_lists_within_its_sentence():
    text = (
        "Our ref: 0980/25\nDear Requester,\nYou asked:\n"
        "1. How many people were scanned using (i) knife arches and\n"
        "(ii) knife wands in 2024?\nResponse\nPlease see the spreadsheet attached.\n"
        "Yours sincerely\nInformation Rights Unit\nKent Police\n"
    )
    response = read_response(document(text))
    assert [q.label for q in response.questions] == ["1"]


BREAKDOWN_LETTER = """Our ref: 0981/25
Dear Requester,
You asked:
1. How many mobile fingerprint scanner searches were made in 2023, broken down by {asked}?
Response
1. In 2023 there were 2,115 searches. {answer}
Yours sincerely
Information Rights Unit
Kent Police
"""
TOTAL = ("disclosed", None, "In 2023 there were 2,115 searches.")


def outcomes_by_breakdown(text: str) -> dict[str, tuple[str, str | None, str]]:
    meaning = read_meaning(read_response(document(text)))
    return {
        topic.breakdown: (o.status, o.exemptions, o.quote)
        for o in meaning.outcomes
        for topic in meaning.topics_of(o)
    }


@pytest.mark.parametrize(
    "answer,status,exemptions",
    [
        (
            "We do not record ethnicity against searches, so the breakdown is not held.",
            "not_held",
            None,
        ),
        ("The breakdown by ethnicity is exempt under section 40(2).", "refused", "s40(2)"),
        (
            "Providing the breakdown by ethnicity would exceed the cost limit set by section 12.",
            "cost_limit",
            "s12",
        ),
    ],
)
def test_a_total_given_and_its_breakdown_withheld_have_an_outcome_each(answer, status, exemptions):
    text = BREAKDOWN_LETTER.format(asked="ethnicity", answer=answer)
    assert outcomes_by_breakdown(text) == {
        "none": TOTAL,
        "ethnicity": (status, exemptions, answer),
    }


@pytest.mark.parametrize(
    "asked,answer",
    [
        # the passage names no breakdown: which topic it withholds is not said
        ("ethnicity", "Some of the information is not held."),
        # the gender breakdown is neither given nor said to be withheld
        ("ethnicity and gender", "We do not record ethnicity against searches."),
    ],
)
def test_a_partial_disclosure_is_not_split_where_its_parts_are_not_sure(asked, answer):
    text = BREAKDOWN_LETTER.format(asked=asked, answer=answer)
    got = outcomes_by_breakdown(text)
    assert set(got) == {"none", *(b for b in ("ethnicity", "gender") if b in asked)}
    assert set(got.values()) == {("partially_disclosed", None, answer)}


class _GeneralReading(Adapter):
    """An adapter of no rules: it publishes the general reading."""

    force_id = "kent"
    recognise = r"Kent Police"
    reference = r"Our ref: (?P<reference>\S+)"
    title = "Scanner searches"


def test_an_adapter_publishes_each_part_of_a_partial_disclosure_for_its_own_topics():
    answer = "The breakdown by ethnicity is exempt under section 40(2)."
    text = BREAKDOWN_LETTER.format(asked="ethnicity", answer=answer)
    rows = _GeneralReading().parse(document(text)).rows["outcomes"]
    assert {r["breakdown"]: (r["status"], r["exemptions"], r["quote"]) for r in rows} == {
        "none": TOTAL,
        "ethnicity": ("refused", "s40(2)", answer),
    }
