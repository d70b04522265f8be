"""Every reader on realistic files made here, good and broken; the format is told by content."""

import shutil
import zipfile
from datetime import date

import makers
import pytest
from browser_print import MET_PDF
from conftest import MET_TEXT
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.pipeline import parse
from multiforce.toolkit.readers import read_document
from multiforce.toolkit.readers.pdf import _join_lines
from test_ocr import needs_tesseract
from test_printed_pdf import rows

LETTER = [
    "Avon and Somerset Constabulary",
    "Our reference: FOI 1234/22",
    "Dear Ms Smith,",
    "Please find below the number of mobile fingerprint scanner searches.",
]
SEARCHES = [
    ["Year", "Searches", "Police matches"],
    ["2019", "27,217", "11,478"],
    ["2020", "24,494", "10,502"],
]


def error_of(path) -> str:
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    message = str(raised.value)
    assert str(path) in message and "Expected" in message
    return message


# --- Word -------------------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_letterhead_in_order(tmp_path):
    path = makers.docx_letter(
        tmp_path / "letter.docx", LETTER[1:], SEARCHES, ["Yours sincerely"], header=LETTER[0]
    )
    document = read_document(path)
    assert document.text.splitlines() == [
        "Avon and Somerset Constabulary",
        "Our reference: FOI 1234/22",
        "Dear Ms Smith,",
        "Please find below the number of mobile fingerprint scanner searches.",
        "Year | Searches | Police matches",
        "2019 | 27,217 | 11,478",
        "2020 | 24,494 | 10,502",
        "Yours sincerely",
    ]
    assert document.tables == [SEARCHES] and document.table_names == ["table 1"]
    assert document.media_type.endswith("wordprocessingml.document")


def test_docx_list_numbers_are_written_as_the_document_shows_them(tmp_path):
    import docx

    word = docx.Document()
    word.add_paragraph("You asked:")
    for question in ["How many arches?", "How many wands?"]:
        word.add_paragraph(question, style="List Number")
    word.add_paragraph("Where they stand:")
    word.add_paragraph("In the north.", style="List Bullet")
    word.add_paragraph("How many scanners?", style="List Number")
    word.save(tmp_path / "listed.docx")
    assert read_document(tmp_path / "listed.docx").text.split("\n") == [
        "You asked:",
        "1. How many arches?",
        "2. How many wands?",
        "Where they stand:",
        "In the north.",
        "3. How many scanners?",  # the same list goes on, as Word shows it
    ]


def test_docx_merged_cells_are_read_once(tmp_path):
    import docx

    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Number of matches received"
    for cell, text in zip(table.rows[1].cells, ["2019", "11478", "1449"], strict=True):
        cell.text = text
    word.save(tmp_path / "merged.docx")
    document = read_document(tmp_path / "merged.docx")
    assert document.text.splitlines() == ["Number of matches received", "2019 | 11478 | 1449"]


def test_the_met_response_as_a_word_document_gives_the_same_rows(tmp_path):
    """Paragraphs as Word paragraphs, the `a | b` lines as Word tables: the adapter reads both."""
    import docx

    word = docx.Document()
    lines = MET_TEXT.read_text(encoding="utf-8").splitlines()
    table = None
    for line in lines:
        if " | " not in line:
            word.add_paragraph(line)
            table = None
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if table is None:
            table = word.add_table(rows=0, cols=4)
        for cell, text in zip(table.add_row().cells, cells, strict=False):
            cell.text = text
    word.save(tmp_path / "met.docx")
    for table_name in ("observations", "outcomes"):
        assert rows(tmp_path / "met.docx", table_name) == rows(MET_TEXT, table_name)


def test_a_damaged_docx_is_named(tmp_path):
    good = makers.docx_letter(tmp_path / "good.docx", LETTER)
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "bad.docx", "w") as target:
        for member in source.infolist():
            data = source.read(member)
            target.writestr(
                member,
                b"<w:document><w:body><w:p>" if member.filename == "word/document.xml" else data,
            )
    assert "Word document could not be read" in error_of(tmp_path / "bad.docx")


def test_docx_entities_are_not_resolved(tmp_path):
    """An external entity in a crafted DOCX must not pull another file's content into the text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    good = makers.docx_letter(tmp_path / "good.docx", ["Dear Ms Smith,", "placeholder"])
    crafted = tmp_path / "crafted.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(crafted, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(
                    b"<w:document ",
                    f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><w:document '.encode(),
                    1,
                )
                data = data.replace(b"placeholder", b"&x;")
            target.writestr(member, data)
    with pytest.raises(DocumentError, match="DOCTYPE or ENTITY") as refused:
        read_document(crafted)
    assert "TOPSECRET" not in str(refused.value)


# --- Spreadsheets -----------------------------------------------------------------------------


def test_xlsx_two_sheets_are_two_named_tables(tmp_path):
    path = makers.xlsx_workbook(
        tmp_path / "answers.xlsx",
        {
            "Scanners": [
                [None],
                ["Year", "Searches", "Checked on"],
                [2019, 27217, date(2022, 3, 31)],
                [2020, 24494.5, None],
            ],
            "Kiosks": [["Year", "Kiosks"], [2021, 109]],
        },
    )
    document = read_document(path)
    assert document.table_names == ["Scanners", "Kiosks"]
    scanners = document.tables[0]
    assert scanners[0] == [""] * 3  # the empty first row keeps its place: row 2 is the header
    assert scanners[1:] == [
        ["Year", "Searches", "Checked on"],
        ["2019", "27217", "2022-03-31"],
        ["2020", "24494.5", ""],
    ]
    assert document.text.splitlines() == [
        "Sheet: Scanners",
        "Year | Searches | Checked on",
        "2019 | 27217 | 2022-03-31",
        "2020 | 24494.5",
        "Sheet: Kiosks",
        "Year | Kiosks",
        "2021 | 109",
    ]
    assert document.media_type.endswith("spreadsheetml.sheet")


def test_ods_is_read_like_xlsx(tmp_path):
    path = makers.ods_spreadsheet(
        tmp_path / "answers.ods",
        {
            "Scanners": [["Year", "Searches"], [2019, 27217], [2020, "24,494 (approx.)"]],
            "Notes": [["Not held"]],
        },
    )
    document = read_document(path)
    assert document.table_names == ["Scanners", "Notes"]
    assert document.text.splitlines() == [
        "Sheet: Scanners",
        "Year | Searches",
        "2019 | 27217",
        "2020 | 24,494 (approx.)",
        "Sheet: Notes",
        "Not held",
    ]
    assert document.media_type == "application/vnd.oasis.opendocument.spreadsheet"


def test_xlsx_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    good = makers.xlsx_workbook(
        tmp_path / "good.xlsx", {"Sheet1": [["placeholder", "Year"], [2019, 1]]}
    )
    crafted = tmp_path / "crafted.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(crafted, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/sharedStrings.xml":
                doctype = f'<!DOCTYPE sst [<!ENTITY x SYSTEM "file://{secret}">]><sst '.encode()
                data = data.replace(b"<sst ", doctype, 1).replace(b"placeholder", b"&x;")
            target.writestr(member, data)
    try:
        text = read_document(crafted).text
    except DocumentError:
        return  # calamine refuses the crafted file: as safe as reading it without the entity
    assert "TOPSECRET" not in text


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_xlsx_is_named(tmp_path, cut):
    data = makers.xlsx_workbook(tmp_path / "good.xlsx", {"Sheet1": [["Year", 2019]]}).read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: int(len(data) * cut)])
    assert "damaged or truncated" in error_of(tmp_path / "cut.xlsx")


def test_an_xlsx_with_a_broken_sheet_is_named(tmp_path):
    good = makers.xlsx_workbook(tmp_path / "good.xlsx", {"Sheet1": [["Year", 2019]]})
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(tmp_path / "bad.xlsx", "w") as target:
        for member in source.infolist():
            broken = member.filename == "xl/worksheets/sheet1.xml"
            target.writestr(
                member, b"<worksheet><sheetData><row><c" if broken else source.read(member)
            )
    assert "XLSX workbook could not be read" in error_of(tmp_path / "bad.xlsx")


def test_a_password_protected_office_file_is_named(tmp_path):
    """Excel and Word save a password-protected file as an OLE container holding
    EncryptedPackage."""
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + bytes(1024))
    name = "EncryptedPackage".encode("utf-16-le")
    ole[512 + 64 : 512 + 64 + len(name)] = name
    (tmp_path / "protected.xlsx").write_bytes(bytes(ole))
    assert "protected with a password" in error_of(tmp_path / "protected.xlsx")


# --- CSV --------------------------------------------------------------------------------------


def test_windows_1252_csv_with_semicolons(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        "Année;Searches;Note\r\n2019;27217;“approximately”\r\n2020;24,494;\r\n".encode("cp1252")
    )
    document = read_document(path)
    assert document.tables == [
        [
            ["Année", "Searches", "Note"],
            ["2019", "27217", "“approximately”"],
            ["2020", "24,494", ""],
        ]
    ]
    assert document.text.splitlines() == [
        "Année | Searches | Note",
        "2019 | 27217 | “approximately”",
        "2020 | 24,494",
    ]
    assert document.table_names == ["export.csv"] and document.media_type == "text/csv"


def test_csv_quoted_commas_and_line_breaks(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'Year,Searches,Note\n2019,"27,217","manual count,\nnot complete"\n', encoding="utf-8"
    )
    document = read_document(path)
    assert document.tables[0][1] == ["2019", "27,217", "manual count, not complete"]
    assert "2019 | 27,217 | manual count, not complete" in document.text.splitlines()


# --- PDF --------------------------------------------------------------------------------------


def test_an_encrypted_pdf_is_named(tmp_path):
    path = makers.pdf_letter(tmp_path / "locked.pdf", LETTER, encrypt="s3cret")
    message = error_of(path)
    assert "encrypted" in message and "password" in message


@needs_tesseract  # without it the error names the install (test_ocr)
def test_an_image_only_pdf_is_named(tmp_path):
    assert "no text layer" in error_of(makers.pdf_scan(tmp_path / "scan.pdf"))


def test_a_truncated_pdf_is_named(tmp_path):
    data = MET_PDF.read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])
    assert "PDF could not be read" in error_of(tmp_path / "cut.pdf")


def test_a_short_pdf_letter_keeps_its_lines(tmp_path):
    path = makers.pdf_letter(
        tmp_path / "letter.pdf", LETTER + ["2019 | 27,217"], footer="Page 1 of 1"
    )
    assert read_document(path).text.splitlines() == LETTER + ["2019 | 27,217"]


NUMBERED = [
    (
        None,
        "I can confirm that the information you requested is held by the force and I have set "
        "out our answers to your questions below, in the order you asked them.",
    ),
    (
        "1.",
        "The number of mobile fingerprint scanners owned by the force in each year from 2015 "
        "to 2021: the force owned 40 scanners in each of these years.",
    ),
    ("2.", "Short answer."),
    (
        "(a)",
        "The number of times the scanners were used is not held, because the devices do not "
        "keep a record of searches that can be extracted without manual review.",
    ),
    (None, "Yours sincerely"),
]


@pytest.mark.parametrize("space_after", [6, 0])
def test_pdf_paragraphs_and_hanging_indents_are_rejoined(tmp_path, space_after):
    """With paragraph spacing or without, numbered items wrapped under their text read as one
    line."""
    path = makers.pdf_paragraphs(tmp_path / "letter.pdf", NUMBERED, space_after=space_after)
    lines = read_document(path).text.splitlines()
    assert lines == [" ".join(filter(None, item)) for item in NUMBERED]


def test_a_pdf_line_starting_with_a_question_number_starts_a_paragraph(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def filling(opening: str) -> str:  # ends where the next line's number would not fit
        text = opening
        while stringWidth(text + " a?", "Helvetica", 11) < 595.27 - 2 * 72 - 1:
            text += " a"
        return text + "?"

    asked = [
        "You asked:",
        filling("1. How many knife"),
        "2. How many were used?",
        filling("Where were they"),
        "Q3 Where are they kept?",
        filling("Are they"),
        "a) In stores?",
        filling("Is it"),
        "(b) In stores?",
    ]
    path = makers.pdf_letter(tmp_path / "asked.pdf", asked)
    assert read_document(path).text.splitlines() == asked


def test_a_word_wrapped_after_its_hyphen_is_joined_without_a_space():
    assert (
        _join_lines(["(All kiosks – networked and non-", "networked)"])
        == "(All kiosks – networked and non-networked)"
    )
    assert _join_lines(["Section 31(1) -", "Law Enforcement"]) == "Section 31(1) - Law Enforcement"


# --- Telling formats apart ---------------------------------------------------------------------


def test_content_decides_not_the_name(tmp_path):
    shutil.copy(MET_PDF, tmp_path / "response.txt")
    assert read_document(tmp_path / "response.txt").media_type == "application/pdf"
    makers.xlsx_workbook(tmp_path / "download", {"Sheet1": [["Year", "Searches"], [2019, 27217]]})
    assert read_document(tmp_path / "download").table_names == ["Sheet1"]
    assert (
        parse(tmp_path / "response.txt", "metropolitan").extraction.counts()["observations"] == 28
    )


@pytest.mark.parametrize(
    "name,content,expected",
    [
        (
            "page.xlsx",
            b"<!DOCTYPE html><html><body>Please sign in</body></html>",
            "named .xlsx but holds text",
        ),
        ("letter.docx", b"Dear Ms Smith, not really a Word file", "named .docx but holds text"),
        ("letter.pdf", b"404 Not Found", "named .pdf but holds text"),
        # without Tesseract the error names its install instead (test_ocr)
        pytest.param(
            "scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image", marks=needs_tesseract
        ),
        ("letter.rtf", b"{\\rtf1\\ansi Dear Ms Smith}", "Rich Text Format"),
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100) + "WordDocument".encode("utf-16-le"),
            "old Word document",
        ),
        ("empty.xlsx", b"", "empty"),
        ("bare.zip", b"PK\x03\x04 this zip ends here", "damaged or truncated"),
    ],
)
def test_files_that_are_not_what_they_seem_are_named(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    assert expected in error_of(tmp_path / name)


def test_a_zip_of_other_files_and_an_odt_are_named(tmp_path):
    with zipfile.ZipFile(tmp_path / "bundle.xlsx", "w") as archive:
        archive.writestr("response.pdf", MET_PDF.read_bytes())
    assert "unzip the archive" in error_of(tmp_path / "bundle.xlsx")
    with zipfile.ZipFile(tmp_path / "letter.odt", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert "OpenDocument text" in error_of(tmp_path / "letter.odt")


def test_html_ordered_list_items_keep_their_numbers(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>You asked:</p><ol><li>How many arches?</li><li>How many wands?</li></ol>"
        "<ol start='3'><li>Where are they?<ol type='a'><li>In the north</li><li>In the south</li>"
        "</ol></li></ol><ul><li>A bullet</li></ul><ol type='i'><li>A roman one</li></ol>"
        "</body></html>"
    )
    assert read_document(page).text.split("\n") == [
        "You asked:",
        "1. How many arches?",
        "2. How many wands?",
        "3. Where are they?",
        "a. In the north",
        "b. In the south",
        "A bullet",
        "A roman one",
    ]
