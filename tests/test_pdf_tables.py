"""Tables drawn without rules keep their cells apart: a letter's unruled table, and a web page
printed to PDF by the Chromium that CI installs (its tables have no borders unless the page's
style draws them)."""

import shutil
import subprocess

import pytest
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit.pipeline import parse
from multiforce.toolkit.readers import read_document

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def letter_pdf(path, rows, *, padding=6, heading=("Year", "Searches", "Matches")):
    """A short letter whose table is set out in columns with no rules, as a word processor does."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    table = Table([list(heading), *rows], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    story = [
        Paragraph("Our ref: FOI-0042-24", styles["Normal"]),
        Paragraph("Question 2 - How many searches were made in each year?", styles["Normal"]),
        table,
        Paragraph("Yours sincerely", styles["Normal"]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


ROWS = [["2019", "1204", "512"], ["2020", "980", "401"], ["2021", "1,531", "630"]]


def test_an_unruled_table_is_read_as_rows(tmp_path):
    document = read_document(letter_pdf(tmp_path / "letter.pdf", ROWS))
    lines = document.text.splitlines()
    assert lines[2:6] == [
        "Year | Searches | Matches",
        "2019 | 1204 | 512",
        "2020 | 980 | 401",
        "2021 | 1,531 | 630",
    ]
    assert document.tables == [[["Year", "Searches", "Matches"], *ROWS]]
    assert document.table_names == ["page 1"]
    assert lines[-1] == "Yours sincerely"


def test_cells_a_space_apart_are_not_one_number(tmp_path):
    """With little padding a row of numbers stands a word space apart: it is still cells."""
    document = read_document(letter_pdf(tmp_path / "tight.pdf", ROWS, padding=2.5))
    assert "2019 | 1204 | 512" in document.text.splitlines()
    assert "20191204" not in document.text.replace(" ", "")


def test_a_changed_cell_changes_only_that_cell(tmp_path):
    changed = [row[:] for row in ROWS]
    changed[1][2] = "402"
    before = read_document(letter_pdf(tmp_path / "a.pdf", ROWS)).tables[0]
    after = read_document(letter_pdf(tmp_path / "b.pdf", changed)).tables[0]
    assert [(r, c) for r in range(4) for c in range(3) if before[r][c] != after[r][c]] == [(2, 2)]
    assert after[2][2] == "402"


def test_prose_and_numbered_lists_are_not_tables(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "list.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n, (label, text) in enumerate([("1.", "First answer."), ("2.", "Second answer.")]):
        page.drawString(72, 700 - 14 * n, label)
        page.drawString(110, 700 - 14 * n, text)  # a tab after the label
    page.drawString(72, 650, "Between 2019 and 2021 there were 12 searches in total.")
    page.save()
    document = read_document(path)
    assert document.tables == []
    assert "|" not in document.text


def chromium_print(html, out):
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return out


def rows(path, table):
    found = parse(path, "metropolitan").extraction.rows[table]
    return sorted(
        tuple(sorted((k, str(v)) for k, v in r.items() if k != "document_id")) for r in found
    )


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("style", ["padding: 2px 8px", "padding: 0"])
def test_a_chromium_print_of_the_met_page_reads_as_the_page(tmp_path, style):
    html = tmp_path / "page.html"
    html.write_text(
        MET_HTML.read_text(encoding="utf-8").replace("padding: 2px 8px", style), encoding="utf-8"
    )
    pdf = chromium_print(html, tmp_path / "page.pdf")
    document = read_document(pdf)
    assert document.text == read_document(MET_HTML).text
    assert "2018 | 8145 | 3195 | 391" in document.text.splitlines()
    for table in ("observations", "outcomes"):
        assert rows(pdf, table) == rows(MET_TEXT, table), table
