"""What a binary file is, from its bytes: the zip members or OLE streams inside, not its name.

Word and spreadsheet files are containers: DOCX and XLSX are zips with word/document.xml or
xl/workbook.xml; ODS is a zip whose first member, `mimetype`, names it; old .doc and .xls files,
and password-protected Office files of any age, are OLE compound files.
"""

import io
import zipfile
from pathlib import Path

from ..errors import DocumentError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
ODS = b"application/vnd.oasis.opendocument.spreadsheet"
ODT = b"application/vnd.oasis.opendocument.text"
SAVE_AGAIN = "open it in Word, Excel or LibreOffice and save it again, or download it again"


def zip_kind(path: Path, data: bytes) -> str:
    """'docx', 'xlsx', 'xlsb' or 'ods' for a zip container; a DocumentError for anything else."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as error:
        raise DocumentError(
            path,
            f"the file is a zip container (as DOCX, XLSX and ODS files are) but it is damaged or "
            f"truncated ({error}).",
            f"a complete file: {SAVE_AGAIN}.",
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if mimetype == ODS:
        return "ods"
    if mimetype == ODT:
        raise DocumentError(
            path,
            "this is an OpenDocument text file (ODT), which multiforce does not read.",
            "a DOCX, PDF or text file: open it in LibreOffice and save it as DOCX or PDF.",
        )
    if "[Content_Types].xml" in names or mimetype:
        raise DocumentError(
            path,
            "the file is an Office or OpenDocument container but holds no Word document, "
            "workbook or spreadsheet (a damaged file, or a presentation or drawing).",
            f"a DOCX, XLSX or ODS response: {SAVE_AGAIN}.",
        )
    raise DocumentError(
        path,
        f"this is a zip archive of {len(names)} file(s), not a Word or spreadsheet file.",
        "one response document per file: unzip the archive and ingest the documents inside.",
    )


def ole_kind(path: Path, data: bytes) -> str:
    """'xls' for an old Excel workbook; a DocumentError for encrypted or old Word files."""
    head = data[: 1 << 20]
    if "EncryptedPackage".encode("utf-16-le") in head:
        raise DocumentError(
            path,
            "the Office file is protected with a password (encrypted).",
            "an unprotected file: ask the force for a copy without a password, or open it with "
            "the password and save a copy without one.",
        )
    if "WordDocument".encode("utf-16-le") in head:
        raise DocumentError(
            path,
            "this is an old Word document (.doc), which multiforce does not read.",
            "a DOCX, PDF or text file: open it in Word or LibreOffice and save it as DOCX or PDF.",
        )
    if "Workbook".encode("utf-16-le") in head or "Book".encode("utf-16-le") in head:
        return "xls"
    raise DocumentError(
        path,
        "this is an OLE compound file (an old Office format) that is neither a workbook nor "
        "a Word document.",
        "a PDF, DOCX, XLSX, ODS, CSV, HTML or text file: save it in one of these formats.",
    )
