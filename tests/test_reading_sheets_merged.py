"""A workbook's heading merged over several columns reads as Word's spanning cell does: once,
without the empty cells it covers, so that one table reads alike in every format."""

import docx
import pytest
from multiforce.toolkit.readers import read_document


def merged_workbook(path, periods, parts, values):
    """A sheet whose periods are each merged over the parts below them."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Figures")
    width = len(parts)
    for n, period in enumerate(periods):
        left = 1 + n * width
        sheet.merge_range(0, left, 0, left + width - 1, period)
        for k, part in enumerate(parts):
            sheet.write(1, left + k, part)
    sheet.write(2, 0, "Scanners")
    for x, value in enumerate(values, start=1):
        sheet.write(2, x, value)
    workbook.close()
    return path


def word_table(path, periods, parts, values):
    """The same table in Word, each period's cell merged over its parts."""
    document = docx.Document()
    width = len(parts)
    table = document.add_table(rows=3, cols=1 + width * len(periods))
    for n, period in enumerate(periods):
        left = 1 + n * width
        table.cell(0, left).text = period
        table.cell(0, left).merge(table.cell(0, left + width - 1))
        for k, part in enumerate(parts):
            table.cell(1, left + k).text = part
    table.cell(2, 0).text = "Scanners"
    for x, value in enumerate(values, start=1):
        table.cell(2, x).text = str(value)
    document.save(path)
    return path


@pytest.mark.parametrize(
    ("periods", "parts", "values"),
    [
        (["2021/22", "2022/23"], ["Searches", "Matches"], [2100, 640, 2380, 702]),
        (["2019", "2020", "2021"], ["Arches", "Wands"], [3, 40, 3, 44, 5, 61]),
        (["April to June", "July to September"], ["Kiosk", "Lab", "Total"], [1, 2, 3, 4, 5, 9]),
    ],
)
def test_a_merged_heading_reads_as_words_spanning_cell(tmp_path, periods, parts, values):
    workbook = read_document(merged_workbook(tmp_path / "m.xlsx", periods, parts, values))
    word = read_document(word_table(tmp_path / "m.docx", periods, parts, values))
    heading = " | " + " | ".join(periods)
    assert workbook.text.split("\n")[1] == heading
    assert workbook.text.split("\n")[2] == " | " + " | ".join(parts * len(periods))
    assert workbook.text.split("\n")[1:] == word.text.split("\n")


def test_the_tables_keep_the_sheets_columns(tmp_path):
    """A filled template is read by its columns: the table keeps the merged cell's column."""
    periods, parts = ["2021/22", "2022/23"], ["Searches", "Matches"]
    workbook = read_document(merged_workbook(tmp_path / "m.xlsx", periods, parts, [1, 2, 3, 4]))
    assert workbook.tables[0][0] == ["", "2021/22", "", "2022/23", ""]


def test_a_row_holding_a_number_keeps_every_column(tmp_path):
    """A figure merged across two columns is not moved under another column's heading."""
    import xlsxwriter

    path = tmp_path / "figure.xlsx"
    workbook = xlsxwriter.Workbook(path)
    sheet = workbook.add_worksheet("Figures")
    for x, heading in enumerate(["Year", "Arches", "Wands", "Scanners"]):
        sheet.write(0, x, heading)
    sheet.write(1, 0, 2021)
    sheet.merge_range(1, 1, 1, 2, 5)
    sheet.write(1, 3, 7)
    workbook.close()
    assert read_document(path).text.split("\n")[2] == "2021 | 5 |  | 7"
