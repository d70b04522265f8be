"""Realistic office files, made in the tests: Word letters, workbooks, ODS, PDFs good and bad.

Each maker writes the file as the program that usually makes it would (python-docx for Word,
XlsxWriter for Excel, the OpenDocument layout for LibreOffice, reportlab for PDFs), so that the
readers meet the same structures as in a force's response.
"""

import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape


def docx_letter(
    path: Path,
    paragraphs: list[str],
    table: list[list[str]] | None = None,
    after: list[str] = (),
    header: str | None = None,
) -> Path:
    """A Word letter: paragraphs, then a table (first row bold, as headings), then more
    paragraphs."""
    import docx

    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=max(len(row) for row in table))
        grid.style = "Table Grid"
        for cells, row in zip(table, grid.rows, strict=True):
            for text, cell in zip(cells, row.cells, strict=False):
                cell.text = text
    for text in after:
        document.add_paragraph(text)
    document.save(path)
    return path


def xlsx_workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An Excel workbook, one sheet per entry; numbers, dates and text as typed cells."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path)
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for y, row in enumerate(rows):
            for x, value in enumerate(row):
                if isinstance(value, date):
                    sheet.write_datetime(y, x, value, dates)
                elif value is not None:
                    sheet.write(y, x, value)
    workbook.close()
    return path


def ods_spreadsheet(path: Path, sheets: dict[str, list[list]]) -> Path:
    """An OpenDocument spreadsheet as LibreOffice lays one out: `mimetype` first, stored."""
    tables = []
    for name, rows in sheets.items():
        xml_rows = []
        for row in rows:
            cells = []
            for value in row:
                if value is None or value == "":
                    cells.append("<table:table-cell/>")
                elif isinstance(value, (int, float)):
                    cells.append(
                        f'<table:table-cell office:value-type="float" office:value="{value}">'
                        f"<text:p>{value}</text:p></table:table-cell>"
                    )
                else:
                    cells.append(
                        f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                        "</text:p></table:table-cell>"
                    )
            xml_rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
        tables.append(f'<table:table table:name="{escape(name)}">{"".join(xml_rows)}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def pdf_letter(
    path: Path, lines: list[str], *, footer: str | None = None, encrypt: str | None = None
) -> Path:
    """A one-page PDF letter, one line of text per entry, and a footer at the foot of the page;
    with `encrypt`, it needs that password to open."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    canvas.setFont("Helvetica", 11)
    y = A4[1] - 72
    for line in lines:
        canvas.drawString(72, y, line)
        y -= 15
    if footer:
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 30, footer)
    canvas.save()
    return path


def pdf_scan(path: Path) -> Path:
    """A PDF whose only page is a picture of a letter, as a scanner makes one: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    picture = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(picture)
    for y in range(80, 700, 18):
        draw.rectangle((60, y, 520, y + 8), fill=40)  # lines of "text" as ink, not as characters
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(picture), 0, 0, *A4)
    canvas.save()
    return path


def fill_template(
    template: Path,
    out: Path,
    answers: dict[tuple, dict],
    extra: list[list] = (),
    response: dict | None = None,
) -> Path:
    """A force's filled copy of an answer template, saved as its spreadsheet program would.

    `answers` maps (technology, measure, year, breakdown, breakdown_value or "") to the cells to
    fill, e.g. {"value": 27217, "note": "approximately"}; `extra` rows are added at the end;
    `response` fills the response's details (by default its reference is the file's stem). An
    .xlsx template is opened, filled and saved with openpyxl (as Excel would: another writer
    than the one that made it); a .csv one is saved as Excel saves CSV: Windows-1252, dates as
    DD/MM/YYYY.
    """
    from multiforce.toolkit.formats.template import COLUMNS

    details = {"reference": out.stem} if response is None else response

    def key_of(cells) -> tuple:
        year = cells[2].year if hasattr(cells[2], "year") else int(str(cells[2])[:4])
        return (cells[0], cells[1], year, cells[4], cells[5] or "")

    if template.suffix == ".xlsx":
        import openpyxl

        workbook = openpyxl.load_workbook(template)
        sheet = workbook["Answers"]
        for row in sheet.iter_rows(min_row=2):
            fill = answers.get(key_of([cell.value for cell in row]))
            for column, value in (fill or {}).items():
                row[COLUMNS.index(column)].value = value
        for cells in extra:
            sheet.append(list(cells))
        for row in workbook["Response"].iter_rows(min_row=2):
            if row[0].value in details:
                row[1].value = details[row[0].value]
        workbook.save(out)
        return out
    import csv

    lines = template.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.reader([line for line in lines if not line.startswith("#")]))
    header = rows.index(list(COLUMNS))
    for cells in rows[:header]:
        cells[1] = str(details.get(cells[0], ""))
    for cells in rows[header + 1 :]:
        for column, value in (answers.get(key_of(cells)) or {}).items():
            cells[COLUMNS.index(column)] = str(value)
        for index in (2, 3):
            y, m, d = cells[index].split("-")
            cells[index] = f"{d}/{m}/{y}"
    rows += [[str(cell) for cell in cells] for cells in extra]
    with out.open("w", encoding="cp1252", newline="") as handle:
        handle.write("\r\n".join(comments) + "\r\n")
        csv.writer(handle).writerows(rows)
    return out


def pdf_paragraphs(
    path: Path, paragraphs: list[tuple[str | None, str]], *, space_after: float = 6
) -> Path:
    """A PDF letter of (label, text) paragraphs as a word processor sets them: wrapped at the
    margin, a labelled paragraph ("1.", "(a)") with a hanging indent."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    plain = ParagraphStyle(
        "p", fontName="Helvetica", fontSize=11, leading=13.5, spaceAfter=space_after
    )
    hanging = ParagraphStyle("li", parent=plain, leftIndent=24, bulletIndent=0)
    story = [
        Paragraph(escape(text), hanging if label else plain, bulletText=label)
        for label, text in paragraphs
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path
