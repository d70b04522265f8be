"""Spreadsheets (XLSX, XLSB, ODS, XLS), with calamine: every sheet is a table.

calamine (python-calamine) reads all four formats with one API, in Rust, without resolving XML
entities, and gives each cell's value rather than its display text: 8145, a date, TRUE. Rows
keep the sheet's numbering (row 1 is the sheet's first row, empty or not), so that a problem can
be reported at the row a person sees. A percentage-formatted cell reads as its value (0.93), as
calamine does not give number formats.

A date is written as the day it is (2021-03-31), but a sheet may show a date as its year alone
(a heading "2021" stored as 1 January 2021) or its month: where a date falls on the first of a
month, an XLSX's number format (read with openpyxl) says which the sheet shows. Where the format
cannot be read (ODS, XLS, XLSB), a 1 January beside or under another is not safely a day, and
its cell says so for a person: "2021-01-01 or the year 2021".
"""

import io
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Final

from ..document import Document
from ..errors import DocumentError
from .cells import rows_text, sheet_line, value_text

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "xlsb": "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "xls": "application/vnd.ms-excel",
}
NAMES = {
    "xlsx": "XLSX workbook",
    "xlsb": "XLSB workbook",
    "ods": "ODS spreadsheet",
    "xls": "XLS workbook",
}


def read(path: Path, data: bytes, kind: str) -> Document:
    import python_calamine as calamine

    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        read_sheets = [
            (meta.name, workbook.get_sheet_by_name(meta.name))
            for meta in workbook.sheets_metadata
            if meta.typ == calamine.SheetTypeEnum.WorkSheet
        ]
        sheets = [(name, sheet.to_python(skip_empty_area=False)) for name, sheet in read_sheets]
        merges = [sheet.merged_cell_ranges or [] for _, sheet in read_sheets]
    except calamine.PasswordError:
        raise DocumentError(
            path,
            f"the {NAMES[kind]} is protected with a password.",
            "an unprotected file: ask the force for a copy without a password.",
        ) from None
    except Exception as error:  # calamine's errors name the broken part; the type says little
        raise DocumentError(
            path,
            f"the {NAMES[kind]} could not be read ({type(error).__name__}: {error}). It may be "
            "damaged or truncated.",
            "a complete spreadsheet: open it in Excel or LibreOffice and save it again, or "
            "download it again.",
        ) from error
    shown = _date_formats(data, sheets) if kind == "xlsx" else None
    tables = [
        _rows_text(rows, None if shown is None else shown.get(name, {})) for name, rows in sheets
    ]
    # The tables keep every column where the sheet has it (a filled template is read by its
    # columns); the text writes a merged heading once (`_spans_once`).
    lines = []
    for (name, rows), table, merged in zip(sheets, tables, merges, strict=True):
        lines += [sheet_line(name), *rows_text(_spans_once(table, merged, rows))]
    if not any(any(cell for cell in row) for table in tables for row in table):
        raise DocumentError(
            path,
            f"the {NAMES[kind]} has no filled cells.",
            "a spreadsheet with the response's figures.",
        )
    return Document(
        path=path,
        data=data,
        media_type=MEDIA_TYPES[kind],
        text="\n".join(lines),
        tables=tables,
        table_names=[name for name, _ in sheets],
    )


def _rows_text(rows: list[list], formats: dict[tuple[int, int], str] | None) -> list[list[str]]:
    """The sheet's cells as a person reads them; `formats` holds the number formats of its
    dates on the first of a month, or is None where the workbook's formats cannot be read."""
    table = [[value_text(value) for value in row] for row in rows]
    for (y, x), day in _firsts_of_months(rows).items():
        if formats is not None:
            table[y][x] = _as_shown(day, formats.get((y, x), ""))
        elif _new_year(day) and _beside_another_new_year(rows, y, x):
            table[y][x] = f"{day.isoformat()} or the year {day.year}"
    return table


def _spans_once(table: list[list[str]], merged, rows: list[list]) -> list[list[str]]:
    """The table's rows as its text writes them: a heading merged over several columns
    written once, without the empty cells it covers, as Word's and a web page's spanning cells
    are read ("2021/22" merged over two columns reads "| 2021/22 | 2022/23", not "| 2021/22 |
    | 2022/23"), so a table reads alike in every format. Only a row of words is so written: a
    row holding a number keeps every column, lest a figure move under another's heading. A
    heading is not written in each column it spans: a table's reading would take its period
    for both columns and leave unread the row below naming what each counts ("Searches |
    Matches"), reading matches as searches."""
    written = [list(row) for row in table]
    for (top, left), (bottom, right) in sorted(merged, key=lambda cells: -cells[0][1]):
        for y in range(top, min(bottom + 1, len(written))):
            row = written[y]
            words_only = not any(isinstance(value, (int, float)) for value in rows[y])
            if words_only and left < len(row) and not any(row[left + 1 : right + 1]):
                del row[left + 1 : right + 1]
    return written


def _firsts_of_months(rows: list[list]) -> dict[tuple[int, int], date]:
    """The dates of a sheet with no time that fall on the first of a month, by (row, column)."""
    found = {}
    for y, row in enumerate(rows):
        for x, value in enumerate(row):
            if isinstance(value, datetime):
                if value.day == 1 and value.time() == time():
                    found[(y, x)] = value.date()
            elif isinstance(value, date) and value.day == 1:
                found[(y, x)] = value
    return found


def _new_year(day) -> bool:
    return isinstance(day, date) and (day.month, day.day) == (1, 1)


def _beside_another_new_year(rows: list[list], y: int, x: int) -> bool:
    """Whether another 1 January stands in the cell's row or column (year headings do)."""

    def new_year(value) -> bool:
        if isinstance(value, datetime) and value.time() != time():
            return False
        return _new_year(value)

    in_row = sum(new_year(value) for value in rows[y])
    in_column = sum(new_year(row[x]) for row in rows if x < len(row))
    return in_row > 1 or in_column > 1


MONTHS: Final = (
    "January February March April May June July August September October November December"
).split()
# A number format's parts: "quoted text", [$-809] or [Red], an escaped \x, the space of _x, the
# fill of *x, a run of y or m, any other character (shown as it is).
FORMAT_PARTS: Final = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.|y+|m+|.', re.I)
DAY_PARTS: Final = re.compile(r"[dhs]", re.I)


def _as_shown(day: date, number_format: str) -> str:
    """The date as its number format shows it where that shows no day: a year alone ("yyyy":
    2021) or a month ("mmm yyyy": Mar 2021); else the day it is (2021-03-01)."""
    section = number_format.split(";")[0]
    parts = FORMAT_PARTS.findall(section)
    years = [part for part in parts if part[0] in "yY"]
    if not years or any(DAY_PARTS.match(part) for part in parts):
        return day.isoformat()
    return "".join(_shown_part(part, day) for part in parts).strip()


def _shown_part(part: str, day: date) -> str:
    first = part[0].lower()
    if first == "y":
        return f"{day.year:04d}" if len(part) > 2 else f"{day.year % 100:02d}"
    if first == "m":
        month = MONTHS[day.month - 1]
        shown = {1: str(day.month), 2: f"{day.month:02d}", 3: month[:3], 4: month}
        return shown.get(len(part), month[0])
    if part.startswith('"'):
        return part[1:-1]
    if part.startswith("\\"):
        return part[1:]
    if part.startswith("_"):
        return " "
    if part.startswith(("[", "*")):
        return ""
    return part


def _date_formats(data: bytes, sheets) -> dict[str, dict[tuple[int, int], str]] | None:
    """The number formats of each sheet's dates on the first of a month, by sheet name and
    (row, column) as calamine numbers them; None where openpyxl cannot read the workbook."""
    wanted = {name: _firsts_of_months(rows) for name, rows in sheets}
    if not any(wanted.values()):
        return {}
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # a workbook calamine reads and openpyxl does not: its formats are unknown
        return None
    formats: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for name, cells in wanted.items():
            if not cells:
                continue
            sheet = workbook[name]
            first, last = min(y for y, _ in cells), max(y for y, _ in cells)
            width = max(x for _, x in cells) + 1
            rows = sheet.iter_rows(min_row=first + 1, max_row=last + 1, max_col=width)
            for y, row in enumerate(rows, first):
                for x, cell in enumerate(row):
                    if (y, x) in cells:
                        formats.setdefault(name, {})[(y, x)] = cell.number_format or ""
    except Exception:  # a sheet openpyxl cannot follow: its formats are unknown
        return None
    finally:
        workbook.close()
    return formats
