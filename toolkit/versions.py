"""Fingerprints of the code that reads documents, recorded with each published document.

An ingest skips a document already published (same sha256) only if the code that read it is
the code that would read it now; otherwise it reads it again, so a changed adapter, reader or
rule never leaves stale rows. The fingerprint is deliberately coarse: any change to the
toolkit, the schemas, the adapter's own package or the document-reading libraries counts.
"""

import hashlib
import inspect
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = ("toolkit", "schemas")
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "selectolax", "charset-normalizer")
READING_LIBRARIES += ("pytesseract", "pypdfium2")  # OCR of scanned letters
CODE_FILES = (".py", ".csv", ".yaml")  # the layouts, phrases and questions read are YAML data


@cache
def code_fingerprint() -> bytes:
    digest = hashlib.sha256()
    for folder in CODE:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in CODE_FILES and "__pycache__" not in path.parts:
                digest.update(
                    path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes()
                )
    for library in READING_LIBRARIES:
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.digest()


@cache
def adapter_version(cls: type) -> str:
    """The fingerprint of the toolkit plus the package (or module) the adapter class is in."""
    digest = hashlib.sha256(code_fingerprint())
    source = Path(inspect.getfile(sys.modules[cls.__module__]))
    files = sorted(source.parent.rglob("*.py")) if source.name == "__init__.py" else [source]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(cls.__qualname__.encode())
    return digest.hexdigest()[:16]
