"""Plain text in any common encoding, detected."""

import codecs
from pathlib import Path

from ..errors import DocumentError

CONTROL = {c for c in range(32)} - {9, 10, 12, 13}
CONTROL_BYTES = bytes(sorted(CONTROL))  # counted in C: a per-byte loop was a third of parsing
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(path: Path, data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(path, data, encoding)
    if b"\x00" in data[:65536] or _control_share(data[:65536]) > 0.05:
        raise DocumentError(
            path,
            "the file holds binary data, not text (it has control bytes no text document has).",
            "a police force's FOI response saved as text, HTML, PDF, DOCX, XLSX, ODS or CSV: check "
            "that the file is not an image, an archive or a damaged download.",
        )
    for encoding in ("utf-8", "cp1252"):
        # A UK public body's file that is not UTF-8 is almost always Windows-1252; detectors
        # guess Baltic or Central European code pages for mostly-English text, so try it first.
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(
            path,
            "the text's encoding could not be recognised.",
            "text in UTF-8, Windows-1252 or another common encoding: re-save the file as UTF-8.",
        )
    return str(best)


def normalise(decoded: str) -> str:
    return decoded.replace("\r\n", "\n").replace("\r", "\n")


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DocumentError(
            path,
            f"the file starts as {encoding} text but is damaged ({error}).",
            "a complete text file: save it again as UTF-8.",
        ) from None


def _control_share(sample: bytes) -> float:
    return (len(sample) - len(sample.translate(None, CONTROL_BYTES))) / max(len(sample), 1)
