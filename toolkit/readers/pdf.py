"""PDF letters: text page by page (pdfplumber), with a clear error for broken or image-only files."""
from pathlib import Path

from ..document import Document
from ..errors import DocumentError


def read(path: Path, data: bytes) -> Document:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            tables = [table for page in pdf.pages for table in page.extract_tables()]
    except Exception as error:  # pdfminer raises many unrelated types for damaged files
        raise DocumentError(
            path,
            f"the PDF could not be read ({type(error).__name__}: {error}). It may be truncated or damaged.",
            "a complete PDF: download it again, or save the response page as HTML or text.",
        ) from error
    text = "\n".join(pages).strip()
    if not text:
        raise DocumentError(
            path,
            "the PDF has no text layer (it is a scan or an image).",
            "a PDF with text: run OCR on it (e.g. ocrmypdf) or transcribe the response.",
        )
    cleaned = [[[cell or "" for cell in row] for row in table] for table in tables]
    return Document(path=path, data=data, media_type="application/pdf", text=text, tables=cleaned)
