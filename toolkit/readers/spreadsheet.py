"""Spreadsheets (XLSX, XLSB, ODS, XLS), with calamine: every sheet is a table.

calamine (python-calamine) reads all four formats with one API, in Rust, without resolving XML
entities, and gives each cell's value rather than its display text: 8145, a date, TRUE. Rows
keep the sheet's numbering (row 1 is the sheet's first row, empty or not), so that a problem can
be reported at the row a person sees. A percentage-formatted cell reads as its value (0.93), as
calamine does not give number formats.
"""

import io
from pathlib import Path

from ..document import Document
from ..errors import DocumentError
from .cells import rows_text, value_text

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
        sheets = [
            (meta.name, workbook.get_sheet_by_name(meta.name).to_python(skip_empty_area=False))
            for meta in workbook.sheets_metadata
            if meta.typ == calamine.SheetTypeEnum.WorkSheet
        ]
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
    tables = [[[value_text(value) for value in row] for row in rows] for _, rows in sheets]
    lines = []
    for (name, _), rows in zip(sheets, tables, strict=True):
        lines += [f"Sheet: {name}"] + rows_text(rows)
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
