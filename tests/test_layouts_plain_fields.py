"""A web page, workbook or CSV answer (the plain layout) states its reference and dates as a
letter does, or heads its text with the reference: they are read, and a reference or date the
reading is not sure of stays not stated."""

import pytest
from makers import xlsx_workbook
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.readers import read_document

QUESTION = "1. How many knife arches does the force hold?"
ANSWER = "1. The force holds 4 knife arches."


def as_html(tmp_path, lines):
    body = "".join(f"<p>{line}</p>" for line in lines)
    path = tmp_path / "answer.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def as_csv(tmp_path, lines):
    path = tmp_path / "answer.csv"
    path.write_text("\n".join(f'"{line}"' for line in lines) + "\n", encoding="utf-8")
    return path


def as_xlsx(tmp_path, lines):
    return xlsx_workbook(tmp_path / "answer.xlsx", {"Answer": [[line] for line in lines]})


FORMATS = [as_html, as_csv, as_xlsx]


def read(tmp_path, make, heading_lines):
    response = read_response(read_document(make(tmp_path, [*heading_lines, QUESTION, ANSWER])))
    assert response.layout == "plain"
    return response


@pytest.mark.parametrize("make", FORMATS)
@pytest.mark.parametrize(
    ("heading", "reference"),
    [
        ("Kent Police - FOI 2024/2231", "2024/2231"),
        ("FOI 24/331: knife arches held", "24/331"),
        ("Suffolk Constabulary FOI 2023-0088", "2023-0088"),
        ("City of London Police - FOI CoLP/24/118", "CoLP/24/118"),
        ("Freedom of Information request 2022/0512", "2022/0512"),
        ("West Mercia Police FOI 9921", "9921"),
        ("Reference: AB/123/24", "AB/123/24"),
    ],
)
def test_a_heading_or_labelled_reference_is_read(tmp_path, make, heading, reference):
    assert read(tmp_path, make, [heading]).reference == reference


@pytest.mark.parametrize("make", FORMATS)
@pytest.mark.parametrize(
    ("line", "field", "day"),
    [
        ("Date of response: 4 March 2024", "response_date", "2024-03-04"),
        ("Date: 17/06/2023", "response_date", "2023-06-17"),
        ("Response date: 2 April 2025", "response_date", "2025-04-02"),
        ("Request date: 9 January 2024", "request_date", "2024-01-09"),
    ],
)
def test_a_labelled_date_is_read(tmp_path, make, line, field, day):
    assert getattr(read(tmp_path, make, [line]), field) == day


@pytest.mark.parametrize("make", FORMATS)
@pytest.mark.parametrize(
    "heading",
    [
        "FOI 2023 statistics",  # a year, not surely a reference
        "This answers FOI 2024/12, which you sent.",  # a sentence naming another request
        "Released under the Freedom of Information Act 2000",
        "Knife arches",
    ],
)
def test_a_reference_not_sure_is_not_stated(tmp_path, make, heading):
    assert read(tmp_path, make, [heading]).reference is None


@pytest.mark.parametrize("make", FORMATS)
@pytest.mark.parametrize("line", ["31/03/2024", "4 March 2024", "Date: as soon as possible"])
def test_a_date_not_labelled_as_the_responses_is_not_stated(tmp_path, make, line):
    assert read(tmp_path, make, [line]).response_date is None
