"""The fixed sequence: read each document, parse it with its adapter, validate, publish."""
from dataclasses import dataclass
from pathlib import Path

from .audit import Audit, audit
from .discovery import adapter_for, adapters, format_adapters, recognise
from .errors import ValidationFailed
from .publish import publish
from .readers import read_document
from .readers.safety import check_text, time_limit
from .records import Extraction
from .validation import Report, validate


@dataclass(frozen=True)
class Parsed:
    path: Path
    extraction: Extraction
    audit: Audit | None = None  # what became of every number; None for formats that opt out

    @property
    def force_id(self) -> str:
        named = sorted({row["force_id"] for row in self.extraction.rows["responses"]})
        return f"{len(named)} forces" if len(named) > 3 else ", ".join(named) or "-"  # a compilation names many


def parse(path: Path | str, force: str | None = None) -> Parsed:
    with time_limit(Path(path)):  # a hostile file fails with a clear error instead of hanging
        document = read_document(path)
        check_text(document.path, document.text)
        for cls in format_adapters().values():
            adapter = cls()
            if adapter.recognises(document):
                return _audited(document, adapter, adapter.parse(document, force))
        adapter = adapter_for(force) if force else recognise(document)
        return _audited(document, adapter, adapter.parse(document))


def _audited(document, adapter, extraction: Extraction) -> Parsed:
    """Force adapters (and formats that declare `ignored`) account for every number."""
    if not hasattr(adapter, "ignored"):
        return Parsed(document.path, extraction)
    return Parsed(document.path, extraction, audit(document.path, document.text, extraction.rows, adapter.ignored))


def extract(sources) -> tuple[Extraction, list[Parsed]]:
    """Parse (path, force or None) pairs into one batch of rows."""
    parsed = [parse(path, force) for path, force in sources]
    combined = Extraction()
    # A figure stated by two documents is kept from the one with the smallest id, so the order
    # of the files does not change what is published (publish keeps to the same rule).
    for item in sorted(parsed, key=_smallest_document_id):
        combined.extend(item.extraction)
    return combined, parsed


def _smallest_document_id(item: Parsed) -> str:
    return min((row["document_id"] for row in item.extraction.rows["documents"]), default="")


def check(extraction: Extraction) -> Report:
    report = validate(extraction)
    if not report.ok:
        raise ValidationFailed(report)
    return report


def ingest(db: Path | str, paths, force: str | None = None) -> list[Parsed]:
    extraction, parsed = extract((path, force) for path in paths)
    check(extraction)
    publish(db, extraction)
    return parsed


def bundled_corpus() -> list[tuple[Path, str | None]]:
    documents = [(path, force_id) for force_id, cls in adapters().items() for path in cls.bundled_documents()]
    return documents + [(path, None) for cls in format_adapters().values() for path in cls.bundled_documents()]


def build(db: Path | str) -> list[Parsed]:
    extraction, parsed = extract(bundled_corpus())
    check(extraction)
    publish(db, extraction, fresh=True)
    return parsed
