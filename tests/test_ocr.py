"""Scanned letters are read by OCR: a fixture letter drawn as a page image, in a PDF and as a
photo, reads back as its text, with its table's cells apart and its text marked as OCR's."""

import shutil
from pathlib import Path

import matplotlib
import pytest
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.readers import ocr, read_document

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed (.ci/run installs it)"
)
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
DPI = 300

LETTER = [
    "Anyshire Constabulary",
    "Our ref: FOI 0123/24",
    "Dear Requester,",
    "Question 1 - How many times were mobile fingerprint scanners used in each year from "
    "2021 to 2022?",
    ("Year", "Searches"),
    ("2021", "1204"),
    ("2022", "980"),
    "Question 2 - How many people were scanned? This information is not held.",
    "Yours sincerely",
]


def page_image(lines, *, width_in=8.27, height_in=11.69):
    """An A4 page at 300 dpi with `lines` drawn in ink: a sentence wraps at the right margin,
    a pair of strings is a row of a two-column table without rules."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (int(width_in * DPI), int(height_in * DPI)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 40)  # about 10 points at 300 dpi
    left, right, y = 240, image.width - 240, 240
    for line in lines:
        if isinstance(line, tuple):
            for x, cell in zip((left, left + 500), line, strict=True):
                draw.text((x, y), cell, font=font, fill=0)
            y += 60
            continue
        words, current = line.split(), ""
        for word in words:
            candidate = f"{current} {word}".strip()
            if draw.textlength(candidate, font=font) > right - left:
                draw.text((left, y), current, font=font, fill=0)
                y, current = y + 56, word
            else:
                current = candidate
        draw.text((left, y), current, font=font, fill=0)
        y += 90
    return image


def scanned_pdf(path, lines):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(page_image(lines)), 0, 0, *A4)
    canvas.save()
    return path


@needs_tesseract
def test_a_scanned_pdf_reads_back_as_the_letter(tmp_path):
    document = read_document(scanned_pdf(tmp_path / "scan.pdf", LETTER))
    assert document.text_source == "ocr"
    lines = document.text.splitlines()
    assert lines[:3] == ["Anyshire Constabulary", "Our ref: FOI 0123/24", "Dear Requester,"]
    assert lines[3] == LETTER[3]  # rejoined where the scan wrapped it
    assert lines[4:7] == ["Year | Searches", "2021 | 1204", "2022 | 980"]
    assert document.tables == [[["Year", "Searches"], ["2021", "1204"], ["2022", "980"]]]
    assert lines[-1] == "Yours sincerely"


@needs_tesseract
def test_a_photo_of_the_letter_is_read_and_a_changed_figure_reads_changed(tmp_path):
    changed = [("2022", "987") if line == ("2022", "980") else line for line in LETTER]
    page_image(changed).save(tmp_path / "photo.png")
    document = read_document(tmp_path / "photo.png")
    assert document.text_source == "ocr" and document.media_type == "image/png"
    assert "2022 | 987" in document.text.splitlines()
    assert "2021 | 1204" in document.text.splitlines()


@needs_tesseract
def test_a_scan_with_no_words_says_so(tmp_path):
    from PIL import Image

    Image.new("L", (800, 600), 255).save(tmp_path / "blank.png")
    with pytest.raises(DocumentError, match=r"blank\.png: this is a PNG image, and OCR found no"):
        read_document(tmp_path / "blank.png")


def test_without_tesseract_the_error_names_the_install(tmp_path, monkeypatch):
    import pytesseract

    def missing():
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_tesseract_version", missing)
    page_image(["Anyshire Constabulary"], width_in=2, height_in=1).save(tmp_path / "photo.jpg")
    with pytest.raises(DocumentError) as error:
        read_document(tmp_path / "photo.jpg")
    message = str(error.value)
    assert "photo.jpg" in message and "Tesseract program is not installed" in message
    assert "apt-get install tesseract-ocr" in message and 'pip install "multiforce[ocr]"' in message
    assert ocr.INSTALL in message
