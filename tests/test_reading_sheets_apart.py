"""A workbook's sheet of figures belongs to the answer that points to it by its name; where no
answer does, its figures are left for a person, never run on as the last answer of the sheet
before (which turned that question's refusal into a partial disclosure)."""

import pytest
from makers import ods_spreadsheet, xlsx_workbook
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning
from multiforce.toolkit.readers import read_document

QUESTIONS = [
    ["1. How many knife arches does the force hold?"],
    ["2. How many times were knife arches used in each year from {first} to {last}?"],
    ["3. How much did the force spend on knife arches in {last}?"],
]


def workbook(tmp_path, answers, figures_sheet, years=(2021, 2022), values=(310, 275), make=None):
    """A workbook whose first sheet holds the questions and answers, the second the figures."""
    first, last = years
    letter = [["Our ref: FOI 77/24"]]
    letter += [[q[0].format(first=first, last=last)] for q in QUESTIONS]
    letter += [["Response"], *([a] for a in answers)]
    table = [["Year", "Uses"], *([year, value] for year, value in zip(years, values, strict=True))]
    maker = make or xlsx_workbook
    suffix = ".ods" if maker is ods_spreadsheet else ".xlsx"
    path = maker(tmp_path / f"answer{suffix}", {"Answers": letter, figures_sheet: table})
    return read_meaning(read_response(read_document(path)))


REFUSED = "3. The spend is withheld under Section 43(2)."


@pytest.mark.parametrize(
    ("sheet", "pointer"),
    [
        ("Data", "2. Please see the Data sheet."),
        ("Figures", "2. See the tab named Figures."),
        ("Uses by year", "2. The figures are on the 'Uses by year' worksheet."),
        ("Sheet2", "2. Please see Sheet2."),
    ],
)
def test_a_sheet_named_by_an_answer_is_that_answers(tmp_path, sheet, pointer):
    meaning = workbook(tmp_path, ["1. The force holds 4 knife arches.", pointer, REFUSED], sheet)
    assert [(f.question, f.value, f.period_label) for f in meaning.figures] == [
        ("2", 310, "2021"),
        ("2", 275, "2022"),
    ]
    statuses = {o.question: (o.status, o.exemptions) for o in meaning.outcomes}
    assert statuses["3"] == ("refused", "s43(2)")


@pytest.mark.parametrize(
    ("years", "values"), [((2021, 2022), (310, 275)), ((2019, 2020), (88, 1204))]
)
def test_the_sheets_years_and_figures_are_read_as_written(tmp_path, years, values):
    answers = ["1. The force holds 4 knife arches.", "2. Please see the Data sheet.", REFUSED]
    meaning = workbook(tmp_path, answers, "Data", years, values)
    assert [(f.question, f.value, f.period_label) for f in meaning.figures] == [
        ("2", values[0], str(years[0])),
        ("2", values[1], str(years[1])),
    ]


def test_an_ods_sheet_named_by_an_answer_is_that_answers(tmp_path):
    answers = ["1. The force holds 4 knife arches.", "2. Please see the Data sheet.", REFUSED]
    meaning = workbook(tmp_path, answers, "Data", make=ods_spreadsheet)
    assert [(f.question, f.value) for f in meaning.figures] == [("2", 310), ("2", 275)]


@pytest.mark.parametrize("last_answer", [REFUSED, "3. This information is not held."])
def test_a_sheet_no_answer_names_is_left_for_a_person(tmp_path, last_answer):
    answers = ["1. The force holds 4 knife arches.", "2. The figures follow.", last_answer]
    meaning = workbook(tmp_path, answers, "Data")
    assert [f.question for f in meaning.figures if f.value in (310, 275)] == []
    unsure = {u.text: u.question for u in meaning.unsure_figures}
    assert unsure["310"] is None and unsure["275"] is None
    statuses = {o.question: o.status for o in meaning.outcomes}
    assert statuses["3"] in ("refused", "not_held")


def test_a_sheet_two_answers_name_is_left_for_a_person(tmp_path):
    answers = [
        "1. The force holds 4 knife arches.",
        "2. Please see the Data sheet.",
        "3. The Data sheet gives no spend: it is withheld under Section 43(2).",
    ]
    meaning = workbook(tmp_path, answers, "Data")
    assert [f for f in meaning.figures if f.value in (310, 275)] == []
    assert {u.text for u in meaning.unsure_figures} >= {"310", "275"}


def test_a_letters_sign_off_does_not_end_the_sheets_after_it(tmp_path):
    letter = [
        ["Our ref: FOI 12/24"],
        ["Dear Ms Jones"],
        ["1. How many knife arches does the force hold?"],
        ["2. How many times were knife arches used in each year from 2021 to 2022?"],
        ["Response"],
        ["1. The force holds 4 knife arches."],
        ["2. Please see the Uses sheet."],
        ["Yours sincerely"],
        ["Information Manager"],
    ]
    table = [["Year", "Uses"], [2021, 310], [2022, 275]]
    path = xlsx_workbook(tmp_path / "letter.xlsx", {"Letter": letter, "Uses": table})
    meaning = read_meaning(read_response(read_document(path)))
    assert [(f.question, f.value) for f in meaning.figures if f.value != 4] == [
        ("2", 310),
        ("2", 275),
    ]


def test_the_only_questions_answer_takes_the_sheet(tmp_path):
    request = [["1. How many times were knife arches used in each year from 2021 to 2022?"]]
    table = [["Year", "Uses"], [2021, 310], [2022, 275]]
    path = xlsx_workbook(tmp_path / "one.xlsx", {"Request": request, "Table": table})
    meaning = read_meaning(read_response(read_document(path)))
    assert [(f.question, f.value) for f in meaning.figures] == [("1", 310), ("1", 275)]


def test_a_sheet_opening_with_a_title_is_not_the_answer_before(tmp_path):
    """A sheet holding its own numbered answer: the title row above that answer does not run
    on as the answer of the sheet before."""
    first = [["1. How many knife arches does the force hold?"], ["The force holds 4."]]
    second = [
        ["Knife arch uses 2023"],
        ["2. How many times were knife arches used in 2023?"],
        ["Year | Uses"],
    ]
    path = xlsx_workbook(tmp_path / "two.xlsx", {"Q1": first, "Q2": second})
    response = read_response(read_document(path))
    assert "Knife arch uses 2023" not in response.answer_to("1")


@pytest.mark.parametrize(("heading", "uses"), [("Response", 275), ("Answer", 31), ("Reply", 1040)])
def test_a_sheet_named_as_the_answers_heading_heads_the_answers(tmp_path, heading, uses):
    """Questions on one sheet, their answers numbered alike on a sheet named "Response": the
    answers are the questions', not two more questions."""
    request = [
        ["1. How many knife arches does the force hold?"],
        ["2. How many times were knife arches used in 2022?"],
    ]
    answers = [["1. The force holds 4 knife arches."], [f"2. Knife arches were used {uses} times."]]
    path = xlsx_workbook(tmp_path / "two.xlsx", {"Questions": request, heading: answers})
    response = read_response(read_document(path))
    assert [q.label for q in response.questions] == ["1", "2"]
    meaning = read_meaning(response)
    assert [(f.question, f.value) for f in meaning.figures] == [("2", uses)]


def test_a_first_sheet_named_response_still_holds_the_questions(tmp_path):
    letter = [
        ["1. How many knife arches does the force hold?"],
        ["Response"],
        ["1. The force holds 4 knife arches."],
    ]
    table = [["Year", "Uses"], [2021, 310]]
    path = xlsx_workbook(tmp_path / "first.xlsx", {"Response": letter, "Notes": table})
    response = read_response(read_document(path))
    assert [q.text for q in response.questions] == [letter[0][0]]
    assert response.answer_to("1").startswith("The force holds 4 knife arches.")
