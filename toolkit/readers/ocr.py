"""Scanned letters: page images read by Tesseract, laid out as the PDF reader lays out text.

A scan (a PDF of page images, or a photo of a letter as PNG, JPEG, TIFF or GIF) has no text
layer. Tesseract recognises its words and where they stand; the words become lines of the
same shape as a PDF's (pdfplumber's line dicts with their characters), so a scan's paragraphs
are rejoined and its tables kept as `cell | cell` rows by the same rules as a printed PDF.

The Document says its text came from OCR (`text_source = "ocr"`): quotes are checked against
this text, and a draft read from it marks every figure for a person to confirm, since a
recognised 8 may have been a 3.

OCR is an optional extra: `pip install "multiforce[ocr]"` (pytesseract, pypdfium2) and the
Tesseract program (`apt-get install tesseract-ocr`, `brew install tesseract`).
"""

import io
import statistics
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from . import pdf

RESOLUTION = 300  # dots per inch: what Tesseract reads best
POINTS = 72  # a PDF's unit: lines are laid out in points, whatever the image's resolution
INSTALL = (
    'OCR installed: `pip install "multiforce[ocr]"` and the Tesseract program '
    "(Debian/Ubuntu: `apt-get install tesseract-ocr`; macOS: `brew install tesseract`)"
)
LANGUAGE = "eng"


def read_pdf_scan(path: Path, data: bytes) -> Document:
    """A PDF whose pages are images: each page rendered and recognised."""
    _require(path)
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
        images = [page.render(scale=RESOLUTION / POINTS).to_pil().convert("L") for page in document]
    except pypdfium2.PdfiumError as error:
        raise DocumentError(
            path,
            f"the PDF's page images could not be rendered for OCR ({error}).",
            "a complete PDF: download it again.",
        ) from None
    return _document(path, data, pdf.MEDIA_TYPE, images, "the PDF has no text layer")


def read_image(path: Path, data: bytes, kind: str) -> Document:
    """A photo or scan of a letter saved as an image."""
    _require(path)
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            images = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise DocumentError(
            path,
            f"this {kind} image could not be opened ({error}); it may be truncated or damaged.",
            f"a complete {kind} image of the letter, or the letter as a PDF or text.",
        ) from None
    media_type = f"image/{kind.lower()}"
    return _document(path, data, media_type, images, f"this is a {kind} image")


def _document(path: Path, data: bytes, media_type: str, images, what: str) -> Document:
    pages, heights = [], []
    for number, image in enumerate(images, 1):
        scale = POINTS / RESOLUTION
        lines = _lines(_words(image), scale)
        pages.append(pdf.line_blocks(lines, number, image.width * scale))
        heights.append(image.height * scale)
    text, tables = pdf.compose(pages, heights)
    if not text:
        raise DocumentError(
            path,
            f"{what}, and OCR found no text in it.",
            "a legible scan of the letter (at least 200 dots per inch, upright), or the "
            "letter as a PDF with text; else transcribe the response.",
        )
    return Document(
        path=path,
        data=data,
        media_type=media_type,
        text=text,
        tables=[table.rows for table in tables],
        table_names=[f"page {table.page}" for table in tables],
        text_source="ocr",
    )


def _words(image) -> list[dict]:
    import pytesseract

    found = pytesseract.image_to_data(
        image, lang=LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    words = []
    for i, text in enumerate(found["text"]):
        if text and text.strip() and float(found["conf"][i]) >= 0:
            words.append(
                {
                    "text": text.strip(),
                    "left": found["left"][i],
                    "top": found["top"][i],
                    "width": found["width"][i],
                    "height": found["height"][i],
                    "line": (found["block_num"][i], found["par_num"][i], found["line_num"][i]),
                }
            )
    return words


def _lines(words: list[dict], scale: float) -> list[dict]:
    """Tesseract's lines, with the lines of one row that it set in separate blocks (a table's
    columns) joined again; each as pdfplumber gives a line: text, edges and characters."""
    fragments: dict[tuple, list[dict]] = {}
    for word in words:
        fragments.setdefault(word["line"], []).append(word)
    rows: list[list[dict]] = []
    for fragment in sorted(fragments.values(), key=lambda ws: min(w["top"] for w in ws)):
        top = min(w["top"] for w in fragment)
        bottom = max(w["top"] + w["height"] for w in fragment)
        middle = (top + bottom) / 2
        row = next((r for r in rows if _spans(r, middle)), None)
        if row is None:
            rows.append(list(fragment))
        else:
            row.extend(fragment)
    if not rows:
        return []
    # One size for the page: a line's height depends on its letters (no descender in "2021"),
    # and a letter's body text is set in one size.
    size = statistics.median(_height(row) for row in rows) * scale
    return sorted((_line(row, scale, size) for row in rows), key=lambda line: line["top"])


def _height(row: list[dict]) -> int:
    return max(w["top"] + w["height"] for w in row) - min(w["top"] for w in row)


def _spans(row: list[dict], middle: float) -> bool:
    return min(w["top"] for w in row) <= middle <= max(w["top"] + w["height"] for w in row)


def _line(words: list[dict], scale: float, size: float) -> dict:
    words = sorted(words, key=lambda w: w["left"])
    top = min(w["top"] for w in words) * scale
    bottom = max(w["top"] + w["height"] for w in words) * scale
    chars = []
    for word in words:
        # Tesseract places words, not letters: the letters share the word's width evenly.
        left, width = word["left"] * scale, word["width"] * scale
        step = width / len(word["text"])
        for n, letter in enumerate(word["text"]):
            chars.append(
                {
                    "text": letter,
                    "x0": left + n * step,
                    "x1": left + (n + 1) * step,
                    "top": top,
                    "bottom": bottom,
                    "size": size,
                }
            )
    return {
        "text": " ".join(w["text"] for w in words),
        "x0": chars[0]["x0"],
        "x1": chars[-1]["x1"],
        "top": top,
        "bottom": bottom,
        "chars": chars,
    }


def _require(path: Path) -> None:
    """OCR's Python packages and the Tesseract program, or a clear error naming the install."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError as error:
        raise DocumentError(
            path,
            f"the file is a scan (page images, no text), and reading it needs OCR, but the "
            f"Python package {error.name} is not installed.",
            INSTALL + "; or transcribe the response.",
        ) from None
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        raise DocumentError(
            path,
            "the file is a scan (page images, no text), and reading it needs OCR, but the "
            "Tesseract program is not installed (or not on the PATH).",
            INSTALL + "; or transcribe the response.",
        ) from None
