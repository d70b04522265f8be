"""Tables as every reader writes them: cells as clean strings, rows as `cell | cell` lines.

One way of writing a row for every format means one adapter pattern (`^2019 \\| 27217`) reads
a table whether it came from a web page, a PDF, a Word letter or a spreadsheet.
"""

import re
from datetime import date, datetime, time, timedelta
from typing import Final

SPACES = re.compile(r"\s+")


def clean(cell) -> str:
    """A cell's text on one line: runs of spaces and line breaks become one space."""
    return SPACES.sub(" ", str(cell)).strip() if cell is not None else ""


def row_line(cells) -> str:
    """A row as a line of text; empty cells at the end of a row say nothing and are left out."""
    cleaned = [clean(cell) for cell in cells]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    return " | ".join(cleaned)


def rows_text(rows) -> list[str]:
    """The lines of a table's non-empty rows."""
    return [line for line in (row_line(row) for row in rows) if line]


def sheet_line(name: str) -> str:
    """The line a workbook's text holds before each sheet's rows, naming the sheet: the reading
    tells each sheet's rows apart by it (layouts.engine), so it is written in one place."""
    return f"Sheet: {name}"


def value_text(value) -> str:
    """A spreadsheet value as a person reads it in the cell: 8145 (not 8145.0), 2021-03-31."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(value, ".15g")  # 0.1 + 0.2 reads 0.3, as the spreadsheet shows it
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return clean(value)


SHIFTED_DIGITS: Final = {
    "raised": str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"),
    "lowered": str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"),
}


def marked(text: str, shift: str, before: str) -> str:
    """The text of a raised or lowered run (superscript, subscript) that follows `before`.

    Against a number it is a footnote's mark ("48" then a raised "2"): as plain digits it would
    join the number (482), so its digits are written as the raised or lowered digits a person
    sees ("48²"). Elsewhere, as the mark opening a footnote's own line, it is written as it
    stands: a line opened by "²" is read as an answer, whose numbers ("² Includes 6 wands")
    would be taken for figures of the question, where "2 Includes 6 wands" is left for a person.
    """
    return text.translate(SHIFTED_DIGITS[shift]) if before[-1:].isdigit() else text
