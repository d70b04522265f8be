"""The Met's response printed to PDF from a browser reads as its web page and its text do.

The committed fixture is the saved page (fixtures/metropolitan/*.html) laid out by
tests/browser_print.py as a browser prints it: wrapped paragraphs, drawn list markers, ruled
tables, the date and title at the top of each page, the URL and "1/5" at the bottom.
"""

import pytest
from browser_print import MET_PDF, PRINTED_AT, print_page
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit.pipeline import parse
from multiforce.toolkit.readers import read_document
from test_metropolitan import figures

SCANNER = "mobile_fingerprint_scanner"


def rows(path, table):
    found = parse(path, "metropolitan").extraction.rows[table]
    return sorted(
        tuple(sorted((k, str(v)) for k, v in r.items() if k != "document_id")) for r in found
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """print(html, paper="A4", name=...) -> a fresh PDF of that page."""
    folder = tmp_path_factory.mktemp("printed")

    def make(html=None, paper="A4", name="page.pdf"):
        return print_page(html or MET_HTML.read_text(encoding="utf-8"), folder / name, paper=paper)

    return make


def test_printed_pdf_gives_the_same_rows_as_the_text():
    for table in ("observations", "outcomes", "responses"):
        assert rows(MET_PDF, table) == rows(MET_TEXT, table), table


@pytest.mark.parametrize("paper", ["A5", "A6", "B4", "letter"])
def test_any_paper_size_gives_the_same_rows(printed, paper):
    """Other widths wrap other lines and break pages elsewhere (on A5, mid-paragraph)."""
    pdf = printed(paper=paper, name=f"{paper}.pdf")
    assert len(read_document(pdf).text.splitlines()) == len(
        read_document(MET_HTML).text.splitlines()
    )
    for table in ("observations", "outcomes"):
        assert rows(pdf, table) == rows(MET_TEXT, table), table


def test_the_pdf_reads_as_the_page_it_was_printed_from():
    assert read_document(MET_PDF).text == read_document(MET_HTML).text


def test_the_committed_fixture_is_what_the_printer_makes(printed):
    assert read_document(printed(name="again.pdf")).text == read_document(MET_PDF).text


def test_browser_furniture_is_dropped_and_tables_are_kept():
    document = read_document(MET_PDF)
    assert PRINTED_AT not in document.text and "https://" not in document.text
    assert not any(line.strip() in {"1/5", "2/5", "5/5"} for line in document.text.splitlines())
    assert (
        document.text.count("Freedom of information request") == 1
    )  # the page's own, not the headers
    assert document.table_names == ["page 4", "page 4"]
    assert document.tables[1][3] == ["2019", "27217", "11478", "1449"]
    assert "2019 | 27217 | 11478 | 1449" in document.text.splitlines()


def test_numbers_are_parsed_from_the_pdf(printed):
    html = MET_HTML.read_text(encoding="utf-8")
    assert "<td>11478</td>" in html and "approximately 730 devices" in html
    changed = printed(
        html.replace("<td>11478</td>", "<td>11477</td>").replace(
            "approximately 730 devices", "approximately 731 devices"
        ),
        name="changed.pdf",
    )
    got = figures(changed)
    assert got[(SCANNER, "matches", "2019-01-01", "2019-12-31", "police")]["value"] == 11477
    assert got[(SCANNER, "devices_in_service", "2022-01-01", "2022-12-31", None)]["value"] == 731
