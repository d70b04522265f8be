"""Word documents (DOCX): paragraphs and tables in the order they stand, with python-docx.

python-docx parses the package's XML with entity resolution turned off, so a crafted file
cannot make it read other files or expand entities.
"""

import io
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from .cells import clean, rows_text

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read(path: Path, data: bytes) -> Document:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines = _furniture(document, "header")
        tables = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                rows = _rows(block)
                tables.append(rows)
                lines += rows_text(rows)
            else:
                lines += [line for line in (clean(part) for part in block.text.split("\n")) if line]
        lines += _furniture(document, "footer")
    except Exception as error:  # python-docx and lxml raise many types for a damaged package
        raise DocumentError(
            path,
            f"the Word document could not be read ({type(error).__name__}: {error}). It may be "
            "damaged, or a different kind of file with a .docx name.",
            "a complete DOCX: open it in Word or LibreOffice and save it again, or save it as PDF.",
        ) from error
    text = "\n".join(lines)
    if not text.strip():
        raise DocumentError(
            path,
            "the Word document holds no text (it may hold only images).",
            "a response with text: run OCR on its images or transcribe the response.",
        )
    return Document(
        path=path,
        data=data,
        media_type=MEDIA_TYPE,
        text=text,
        tables=tables,
        table_names=[f"table {n}" for n in range(1, len(tables) + 1)],
    )


def _rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is not previous:  # a cell spanning columns is listed once per column
                cells.append(clean(cell.text))
            previous = cell._tc
        rows.append(cells)
    return rows


def _furniture(document, kind: str) -> list[str]:
    """The letterhead's or footer's lines (where a reference often stands), once each."""
    lines: list[str] = []
    for section in document.sections:
        part = getattr(section, kind)
        if part.is_linked_to_previous and lines:
            continue
        for paragraph in part.paragraphs:
            for line in (clean(piece) for piece in paragraph.text.split("\n")):
                if line and line not in lines:
                    lines.append(line)
    return lines
