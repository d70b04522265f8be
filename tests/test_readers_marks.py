"""Readers keep what a page sets apart apart: a raised footnote mark beside a figure, a heading
after a long question, a year shown from a date, a table below one-cell title rows."""

import pytest
import yaml
from multiforce.toolkit import drafting
from multiforce.toolkit.readers import read_document


def figures_of(path) -> list[tuple[str, int | float]]:
    draft = yaml.safe_load(drafting.draft_yaml(drafting.read(path)))
    return [(f["period"]["label"], f["value"]) for f in draft.get("figures") or []]


def draft_text(path) -> str:
    return drafting.draft_yaml(drafting.read(path))


# --- Word: a raised run is a mark, not more digits of the figure ---------------------------------

WORD_LETTER = [
    "Northshire Police",
    "Our ref: FOI/2024/0101",
    "Date: 1 August 2024",
    "You asked:",
    "1. How many knife wands does the force hold?",
    "Response",
]


def _word_answer(path, figure: str, mark: str, alignment: str = "superscript", style=None):
    """A made-up letter whose answer sets `mark` raised (or lowered) after `figure`."""
    import docx

    word = docx.Document()
    if style is not None:  # the mark's own run says nothing: its character style raises it
        from docx.enum.style import WD_STYLE_TYPE

        word.styles.add_style(style, WD_STYLE_TYPE.CHARACTER).font.superscript = True
    for line in WORD_LETTER:
        word.add_paragraph(line)
    answer = word.add_paragraph("1. The force holds ")
    answer.add_run(figure)
    raised = answer.add_run(mark, style=style)
    if style is None:
        setattr(raised.font, alignment, True)
    answer.add_run(" knife wands.")
    note = word.add_paragraph()
    note.add_run(mark).font.superscript = True
    note.add_run(" Two of these are on loan.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Knife wands"
    table.cell(1, 0).text = "2021"
    cell = table.cell(1, 1).paragraphs[0]
    cell.add_run(figure)
    setattr(cell.add_run(mark).font, alignment, True)
    word.save(path)
    return path


@pytest.mark.parametrize(
    "figure,mark,written",
    [("48", "2", "48²"), ("130", "1", "130¹"), ("48", "13", "48¹³"), ("7", "2", "7²")],
)
def test_a_word_superscript_mark_is_written_raised_not_glued_to_the_figure(
    tmp_path, figure, mark, written
):
    text = read_document(_word_answer(tmp_path / "raised.docx", figure, mark)).text
    assert f"1. The force holds {written} knife wands." in text
    assert f"2021 | {written}" in text.splitlines()
    # a footnote's own mark, opening its line, stands as before (cells.marked says why)
    assert f"{mark} Two of these are on loan." in text.splitlines()
    assert f"{figure}{mark}" not in text


@pytest.mark.parametrize("count", [6, 14])
def test_a_footnote_line_opened_by_its_mark_gives_no_figure(tmp_path, count):
    """Read as "² Includes 6 wands…", the footnote would give 6 wands for the whole period."""
    path = _word_answer(tmp_path / "note.docx", "48", "2")
    import docx

    word = docx.Document(path)
    note = word.paragraphs[len(WORD_LETTER) + 1]
    note.runs[1].text = f" Includes {count} wands transferred from a neighbouring force."
    word.save(path)
    assert f"2 Includes {count} wands" in read_document(path).text
    assert count not in [value for _, value in figures_of(path)]


def test_a_word_subscript_mark_is_written_lowered(tmp_path):
    text = read_document(_word_answer(tmp_path / "lowered.docx", "48", "2", "subscript")).text
    assert "2021 | 48₂" in text.splitlines() and "482" not in text


def test_a_mark_raised_by_its_character_style_is_a_mark(tmp_path):
    path = _word_answer(tmp_path / "styled.docx", "48", "2", style="Note Mark")
    assert "1. The force holds 48² knife wands." in read_document(path).text


@pytest.mark.parametrize("figure,mark", [("48", "2"), ("61", "3")])
def test_a_word_footnote_mark_does_not_become_part_of_the_published_figure(tmp_path, figure, mark):
    values = [value for _, value in figures_of(_word_answer(tmp_path / "d.docx", figure, mark))]
    assert int(figure + mark) not in values  # before: 482, from "48" and a raised "2"


# --- CSV: the table's rows choose the delimiter, not the one-cell rows above it -----------------


@pytest.mark.parametrize(
    "table,rows",
    [
        (
            'Measure,2020/21,2021/22,2022/23\nExtractions,"1,204","1,350","1,420"\n',
            [
                ["Measure", "2020/21", "2021/22", "2022/23"],
                ["Extractions", "1,204", "1,350", "1,420"],
            ],
        ),
        (
            'Measure,2020/21,2021/22\nExtractions,"2,817",905\n',
            [["Measure", "2020/21", "2021/22"], ["Extractions", "2,817", "905"]],
        ),
        (
            "Measure;2020/21;2021/22\nExtractions;1204;1350\n",
            [["Measure", "2020/21", "2021/22"], ["Extractions", "1204", "1350"]],
        ),
    ],
)
def test_one_cell_title_and_question_rows_do_not_choose_the_csv_delimiter(tmp_path, table, rows):
    titles = [
        "Northshire Police FOI 2023/001",
        "Response to your request",
        "1. How many extractions were carried out in each financial year?",
    ]
    path = tmp_path / "answer.csv"
    path.write_text("\n".join(titles) + "\n" + table, encoding="utf-8")
    assert read_document(path).tables[0] == [[title] for title in titles] + rows


def test_a_csv_table_under_title_rows_gives_its_figures(tmp_path):
    path = tmp_path / "answer.csv"
    path.write_text(
        "Northshire Police FOI 2023/001\n"
        "1. How many mobile phone extractions were carried out in each financial year from "
        "2020/21 to 2022/23?\n"
        'Measure,2020/21,2021/22,2022/23\nExtractions,"1,204","1,350","1,420"\n',
        encoding="utf-8",
    )
    assert figures_of(path) == [("2020/21", 1204), ("2021/22", 1350), ("2022/23", 1420)]
    path.write_text(path.read_text(encoding="utf-8").replace('"1,350"', '"1,351"'))
    assert ("2021/22", 1351) in figures_of(path)


# --- PDF: a raised mark is set on its line, apart from the figure --------------------------------

PDF_LETTER = [
    "Northshire Police",
    "Our ref: FOI/2024/0202",
    "Date: 3 May 2024",
    "You asked:",
    "1. How many knife wands did the force hold as at 31 March 2024?",
    "2. How many mobile phone extractions were carried out in 2020/21 and 2021/22?",
    "Response",
]


def _pdf_answer(path, figure: str, mark: str, cell: str, shift: str = "super"):
    """A made-up PDF letter: `mark` set raised (or lowered) after `figure` in a sentence, after
    `cell` in a ruled table, and before its footnote."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=4)
    raised = f"<{shift}>{mark}</{shift}>"
    table = Table(
        [
            ["Financial year", "2020-21", "2021-22"],
            ["Extractions", Paragraph(cell + raised, style), "1,905"],
        ]
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [Paragraph(line, style) for line in PDF_LETTER] + [
        Paragraph(f"1. As at 31 March 2024 the force held {figure}{raised} knife wands.", style),
        Paragraph("2. Please see the table.", style),
        table,
        Paragraph(f"{raised} This figure is provisional.", style),
        Paragraph("Yours sincerely,", style),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


@pytest.mark.parametrize(
    "figure,mark,cell,raised",
    [("48", "1", "1,820", "¹"), ("130", "2", "1,820", "²"), ("48", "1", "2,417", "¹")],
)
def test_a_pdf_superscript_mark_stays_on_its_line_apart_from_the_figure(
    tmp_path, figure, mark, cell, raised
):
    document = read_document(_pdf_answer(tmp_path / "raised.pdf", figure, mark, cell))
    lines = document.text.splitlines()
    assert f"1. As at 31 March 2024 the force held {figure}{raised} knife wands." in lines
    assert f"Extractions | {cell}{raised} | 1,905" in lines
    assert f"{mark} This figure is provisional." in lines  # its footnote's mark, on its line
    assert mark not in lines  # before: the mark was a line of its own, read as the figure
    assert document.tables[0][1] == ["Extractions", f"{cell}{raised}", "1,905"]


def test_a_pdf_subscript_mark_is_written_lowered(tmp_path):
    lines = read_document(_pdf_answer(tmp_path / "low.pdf", "48", "2", "1,820", "sub")).text
    assert "Extractions | 1,820₂ | 1,905" in lines.splitlines()


@pytest.mark.parametrize("figure,mark,cell", [("48", "1", "1,820"), ("61", "3", "2,417")])
def test_a_pdf_footnote_mark_is_not_published_as_the_figure(tmp_path, figure, mark, cell):
    values = [value for _, value in figures_of(_pdf_answer(tmp_path / "p.pdf", figure, mark, cell))]
    assert int(mark) not in values and int(figure + mark) not in values
    assert int(cell.replace(",", "") + mark) not in values
    assert ("2021-22", 1905) in figures_of(tmp_path / "p.pdf")  # the unmarked cell is read


# --- Spreadsheets: a date shown as a year is a year; where the format is unknown, a person says --


def _xlsx_years(path, years: list[int], number_format: str, month: int = 1):
    """A made-up sheet: a question, then a row of dates in `number_format` over searches."""
    from datetime import date

    import xlsxwriter

    workbook = xlsxwriter.Workbook(path)
    shown = workbook.add_format({"num_format": number_format})
    sheet = workbook.add_worksheet("Answer")
    sheet.write(0, 0, "Northshire Police FOI 2024/0303")
    sheet.write(
        1,
        0,
        "1. How many searches were carried out using mobile fingerprint scanners in each "
        f"year from {years[0]} to {years[-1]}?",
    )
    sheet.write(2, 0, "Measure")
    sheet.write(3, 0, "Searches")
    for column, (year, searches) in enumerate(zip(years, [900, 950, 1010], strict=False), 1):
        sheet.write_datetime(2, column, date(year, month, 1), shown)
        sheet.write(3, column, searches)
    workbook.close()
    return path


@pytest.mark.parametrize(
    "years,number_format,heading",
    [
        ([2021, 2022, 2023], "yyyy", "Measure | 2021 | 2022 | 2023"),
        ([2019, 2020], "yyyy", "Measure | 2019 | 2020"),
        ([2021, 2022], '"Year "yyyy', "Measure | Year 2021 | Year 2022"),
        ([2021, 2022], "[$-809]yyyy;@", "Measure | 2021 | 2022"),
        ([2021, 2022], "dd/mm/yyyy", "Measure | 2021-01-01 | 2022-01-01"),  # shown as days
    ],
)
def test_an_xlsx_date_reads_as_its_number_format_shows_it(tmp_path, years, number_format, heading):
    document = read_document(_xlsx_years(tmp_path / "years.xlsx", years, number_format))
    assert heading in document.text.splitlines()


def test_an_xlsx_date_shown_as_a_month_reads_as_that_month(tmp_path):
    path = _xlsx_years(tmp_path / "months.xlsx", [2021, 2022], "mmm yyyy", month=3)
    assert "Measure | Mar 2021 | Mar 2022" in read_document(path).text.splitlines()


@pytest.mark.parametrize("years", [[2021, 2022, 2023], [2018, 2019, 2020]])
def test_years_stored_as_dates_are_drafted_as_calendar_years(tmp_path, years):
    figures = figures_of(_xlsx_years(tmp_path / "years.xlsx", years, "yyyy"))
    assert figures == [
        (str(year), value) for year, value in zip(years, [900, 950, 1010], strict=True)
    ]


def _ods_with_dates(tmp_path, cells: list, shown: str):
    """A made-up ODS whose cells given as date objects are dates the sheet shows as `shown`."""
    import zipfile
    from datetime import date

    import makers

    written = [f"@{cell.isoformat()}" if isinstance(cell, date) else cell for cell in cells]
    question = (
        "1. How many searches were carried out using mobile fingerprint scanners in each year "
        "from 2021 to 2022?"
    )
    rows = [["Northshire Police FOI 2024/0404"], [question], written, ["Searches", 900, 950]]
    plain = makers.ods_spreadsheet(tmp_path / "plain.ods", {"Answer": rows})
    path = tmp_path / "dates.ods"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "content.xml":
                for cell in cells:
                    if isinstance(cell, date):
                        content = content.replace(
                            f'office:value-type="string"><text:p>@{cell.isoformat()}<'.encode(),
                            f'office:value-type="date" office:date-value="{cell.isoformat()}">'
                            f"<text:p>{cell.strftime(shown)}<".encode(),
                        )
            target.writestr(item, content)
    return path


def test_an_ods_year_heading_stored_as_dates_is_left_for_a_person(tmp_path):
    from datetime import date

    path = _ods_with_dates(tmp_path, ["Measure", date(2021, 1, 1), date(2022, 1, 1)], "%Y")
    assert read_document(path).tables[0][2] == [
        "Measure",
        "2021-01-01 or the year 2021",
        "2022-01-01 or the year 2022",
    ]
    assert figures_of(path) == []  # before: 900 on the single day 2021-01-01, 950 on 2022-01-01
    assert "Searches, 2021-01-01 or the year 2021" in draft_text(path)


def test_a_lone_first_of_january_and_other_days_stay_days(tmp_path):
    from datetime import date

    cells = ["Checked on", date(2022, 1, 1), date(2022, 3, 31)]
    path = _ods_with_dates(tmp_path, cells, "%d/%m/%Y")
    assert read_document(path).tables[0][2] == ["Checked on", "2022-01-01", "2022-03-31"]


# --- PDF: a heading alone after a full-width question is not a wrapped word ----------------------

FILLER = "in each of the force's areas and in each year of the period that this request asks about"


def _full_width(start: str, end: str, width: float) -> str:
    """A question from `start` to `end`, with filler words between so that it reaches `width`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    words = FILLER.split()
    for count in range(len(words), -1, -1):
        text = " ".join([start, *words[:count], end])
        if stringWidth(text, "Helvetica", 10) <= width:
            return text
    return f"{start} {end}"


def _pdf_heading_letter(path, heading: str, kiosks: int, last_question_fills: bool = True):
    """A made-up PDF letter set line by line as a word processor sets it (10pt text, 12pt
    leading, 4pt between paragraphs), its last question reaching the right margin."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    left, right = 72, A4[0] - 72
    last = (
        _full_width("3. Please break these down", "by victim, witness or suspect.", right - left)
        if last_question_fills
        else "3. Please break these down by victim, witness or suspect."
    )
    lines = [
        "Northshire Police",
        "Our ref: NP/FOI/2023/0505",
        "Date: 21 August 2023",
        "You asked:",
        "1. How many mobile phone data extraction kiosks does the force have?",
        "2. How many extractions were carried out using the kiosks in 2022?",
        last,
        heading,
        f"1. The force has {kiosks} kiosks.",
        "2. The force carried out 2,310 extractions in 2022.",
        "3. To provide this breakdown would exceed the cost limit under Section 12 of the Act.",
        "Yours sincerely,",
    ]
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    y = A4[1] - 72
    for line in lines:
        canvas.drawString(left, y, line)
        y -= 16
    canvas.save()
    return path


@pytest.mark.parametrize("heading", ["Response", "Our response", "Response:"])
def test_a_heading_after_a_full_width_question_stands_alone(tmp_path, heading):
    path = _pdf_heading_letter(tmp_path / "letter.pdf", heading, 18)
    lines = read_document(path).text.splitlines()
    assert lines[6].startswith("3. Please break these down") and lines[6].endswith("suspect.")
    assert lines[7:9] == [heading, "1. The force has 18 kiosks."]


@pytest.mark.parametrize("kiosks", [18, 23])
def test_answers_after_a_heading_below_a_full_width_question_keep_their_numbers(tmp_path, kiosks):
    path = _pdf_heading_letter(tmp_path / "letter.pdf", "Response", kiosks)
    draft = yaml.safe_load(draft_text(path))
    assert [question["number"] for question in draft["questions"]] == ["1", "2", "3"]
    assert [(figure["question"], figure["value"]) for figure in draft["figures"]] == [
        ("1", kiosks),
        ("2", 2310),
    ]


def test_a_short_last_question_with_its_heading_reads_as_before(tmp_path):
    path = _pdf_heading_letter(tmp_path / "letter.pdf", "Response", 18, last_question_fills=False)
    assert read_document(path).text.splitlines()[6:8] == [
        "3. Please break these down by victim, witness or suspect.",
        "Response",
    ]


@pytest.mark.parametrize("wrapped", ["Additionally, 38 wands.", "Please see the table below"])
def test_a_paragraph_wrapped_at_the_margin_is_still_one_line(tmp_path, wrapped):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    left, right = 72, A4[0] - 72
    # a full line that ends a sentence, then a short last line that ends one too: wrapped
    first = _full_width("2. The force holds 6 knife arches", "at its stations.", right - left)
    canvas = Canvas(str(tmp_path / "wrapped.pdf"), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 10)
    for y, line in [(770, first), (758, wrapped), (742, "3. Next answer.")]:
        canvas.drawString(left, y, line)
    canvas.save()
    lines = read_document(tmp_path / "wrapped.pdf").text.splitlines()
    assert lines == [f"{first} {wrapped}", "3. Next answer."]


# --- HTML: a <sup> mark is a mark too ------------------------------------------------------------


@pytest.mark.parametrize(
    "figure,mark,written", [("48", "2", "48²"), ("130", "1", "130¹"), ("48", "13", "48¹³")]
)
def test_an_html_superscript_mark_is_written_raised(tmp_path, figure, mark, written):
    path = tmp_path / "answer.html"
    path.write_text(
        "<html><body><p>Northshire Police</p>"
        "<p>1. How many knife wands does the force hold?</p>"
        f"<p>1. The force holds {figure}<sup>{mark}</sup> knife wands.</p>"
        f"<table><tr><td>2021</td><td>{figure}<sup><a href='#n'>{mark}</a></sup></td></tr>"
        "<tr><td>2022</td><td>5</td></tr></table>"
        f"<p><sup>{mark}</sup> Two are on loan.</p><p>CO<sub>2</sub></p></body></html>",
        encoding="utf-8",
    )
    lines = read_document(path).text.splitlines()
    assert f"1. The force holds {written} knife wands." in lines
    assert f"2021 | {written}" in lines and "2022 | 5" in lines
    assert f"{mark} Two are on loan." in lines and "CO2" in lines  # no number: as it stands
    values = [value for _, value in figures_of(path)]
    assert int(figure + mark) not in values
