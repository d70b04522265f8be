"""Turn a file into a Document, whatever its format. Format quirks live here, not in adapters.

The format is told from the file's bytes (magic numbers, the members of a zip container), not
from its name: a response saved with the wrong extension is still read. Only CSV, which is
text, is told by its .csv or .tsv name.
"""

from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from . import containers, delimited, html, ocr, pdf, safety, spreadsheet, text, word

READABLE = (
    "a police force's FOI response saved as text, HTML, PDF, DOCX, XLSX, ODS or CSV, or a scan "
    "of one (PDF or image, read by OCR)"
)
IMAGES = (
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"GIF8", "GIF"),
)
DELIMITED = {".csv", ".tsv"}
BINARY_FORMATS = {".pdf", ".docx", ".doc", ".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".odt"}


def read_document(path: Path | str) -> Document:
    path = Path(path)
    if not path.is_file():
        problem = "is a folder, not a file." if path.is_dir() else "no such file."
        raise DocumentError(path, problem, READABLE + ": check the path.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(
            path,
            f"the file cannot be read ({error.strerror or error}).",
            READABLE + ": check that you may read it.",
        ) from None
    if not data.strip():
        raise DocumentError(path, f"the file is empty ({len(data)} bytes).", READABLE + ".")
    if data.startswith(containers.ZIP_MAGICS):
        kind = containers.zip_kind(path, data)
        safety.check_office_file(path)  # zip bombs and XML entities, before any library parses it
        return word.read(path, data) if kind == "docx" else spreadsheet.read(path, data, kind)
    if data.startswith(containers.OLE_MAGIC):
        return spreadsheet.read(path, data, containers.ole_kind(path, data))
    if b"%PDF-" in data[:1024]:  # the PDF header may follow a little junk
        return pdf.read(path, data)
    if data.startswith(b"{\\rtf"):
        raise DocumentError(
            path,
            "this is a Rich Text Format (RTF) file, which multiforce does not read.",
            "a DOCX, PDF or text file: open it in Word or LibreOffice and save it as DOCX.",
        )
    for magic, name in IMAGES:
        if data.startswith(magic):  # a photo or scan of a letter
            return ocr.read_image(path, data, name)
    decoded = text.decode(path, data)
    if path.suffix.lower() in BINARY_FORMATS:
        start = " ".join(decoded[:60].split())
        raise DocumentError(
            path,
            f"the file is named {path.suffix} but holds text, not a {path.suffix[1:].upper()} file "
            f"(it starts: {start!r}); a web page or error message saved in place of a download "
            "looks like this.",
            f"the real {path.suffix[1:].upper()} file: download it again.",
        )
    if html.looks_like_html(path, decoded):
        return html.read(path, data, decoded)
    if path.suffix.lower() in DELIMITED:
        return delimited.read(path, data, decoded)
    return Document(path=path, data=data, media_type="text/plain", text=text.normalise(decoded))
