"""Turn a file into a Document, whatever its format. Format quirks live here, not in adapters."""
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from . import html, pdf, text

READABLE = "a police force's FOI response saved as text, HTML or PDF"


def read_document(path: Path | str) -> Document:
    path = Path(path)
    if not path.is_file():
        problem = "is a folder, not a file." if path.is_dir() else "no such file."
        raise DocumentError(path, problem, READABLE + ": check the path.")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"the file cannot be read ({error.strerror or error}).",
                            READABLE + ": check that you may read it.") from None
    if not data.strip():
        raise DocumentError(path, f"the file is empty ({len(data)} bytes).", READABLE + ".")
    if data.startswith(b"%PDF"):
        return pdf.read(path, data)
    if data.startswith(b"PK\x03\x04"):
        raise DocumentError(
            path,
            "this is a zip container (DOCX, XLSX or ODS), which this version does not read yet.",
            READABLE + ": save the response as PDF or text and ingest that.",
        )
    decoded = text.decode(path, data)
    if html.looks_like_html(path, decoded):
        return html.read(path, data, decoded)
    return Document(path=path, data=data, media_type="text/plain", text=text.normalise(decoded))
