"""CSV (and TSV) files: one table, its delimiter found from the rows, its encoding detected."""

import csv
import io
from collections import Counter
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from .cells import clean, rows_text

MEDIA_TYPE = "text/csv"
DELIMITERS = (",", ";", "\t", "|")
SAMPLE_ROWS = 200


def read(path: Path, data: bytes, decoded: str) -> Document:
    delimiter = _delimiter(decoded, prefer="\t" if path.suffix.lower() == ".tsv" else ",")
    try:
        rows = [
            [clean(cell) for cell in row]
            for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise DocumentError(
            path,
            f"the CSV could not be read ({error}).",
            "a CSV file: save it again from a spreadsheet program as CSV (UTF-8).",
        ) from None
    return Document(
        path=path,
        data=data,
        media_type=MEDIA_TYPE,
        text="\n".join(rows_text(rows)),
        tables=[rows],
        table_names=[path.name],
    )


def _delimiter(decoded: str, prefer: str) -> str:
    """The delimiter that splits most rows into the same number of columns, more than one.

    Only rows it splits are counted: a title or a question above the table is one cell under
    every delimiter but its own, and a few such rows would outvote a short table's rows."""
    # Comment lines (a template's help, which avoids commas) would outvote a few data rows.
    lines = [line for line in decoded.splitlines() if not line.startswith("#")]
    sample = "\n".join(lines[:SAMPLE_ROWS])

    def score(delimiter: str):
        try:
            widths = Counter(
                len(row)
                for row in csv.reader(io.StringIO(sample), delimiter=delimiter)
                if len(row) > 1
            )
        except csv.Error:
            return (False, 0, 0, False)
        width, rows = widths.most_common(1)[0] if widths else (1, 0)
        return (width > 1, rows, width, delimiter == prefer)

    return max(DELIMITERS, key=score)
