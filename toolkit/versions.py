"""Fingerprints of the code that reads documents, recorded with each published document.

An ingest skips a document already published (same sha256) only if the code that read it is
the code that would read it now; otherwise it reads it again, so a changed adapter, reader or
rule never leaves stale rows. The fingerprint is deliberately coarse: any change to the
toolkit, the schemas, the adapter's own package or a library the install requires counts.
"""

import hashlib
import inspect
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = ("toolkit", "schemas")
DISTRIBUTION = "multiforce"
READING_EXTRAS = ("ocr",)  # an extra whose libraries read documents (scanned letters)
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
    for library in reading_libraries():
        try:
            digest.update(f"{library}=={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.digest()


def reading_libraries() -> list[str]:
    """Every library multiforce's install requires (and its reading extras), from the installed
    distribution's metadata, so a library added to pyproject.toml counts without a list kept
    here. Coarse on purpose, like the rest of the fingerprint: upgrading a library that only
    serves (Datasette) re-reads the documents too, which costs time, never a stale row. The PDF
    reader pins its text engine (pdfminer.six) exactly, so that moves with it."""
    try:
        required = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []  # run from a source tree that was never installed: the code alone counts
    names = {
        re.match(r"[A-Za-z0-9._-]+", requirement).group(0).lower()
        for requirement in required
        if _extra(requirement) in (None, *READING_EXTRAS)
    }
    return sorted(names)


def _extra(requirement: str) -> str | None:
    found = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", requirement.partition(";")[2])
    return found.group(1) if found else None


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
