"""The fixed sequence: read each document, parse it with its adapter, validate, publish.

Documents stream through in batches: a build of any size holds one batch of rows at a time.
Worker processes read and parse the documents (`jobs` of them), and their rows are published
in the order the documents were given, so the database is the same whatever the number of
jobs. Every batch is validated, then checked against and written into the database being built
aside, which replaces the old one only when every batch has passed. A document already
published (the same sha256, read by the same code) is skipped before it is parsed.
"""

from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from .adapter import Adapter
from .audit import Audit, audit
from .discovery import adapter_for, adapters, format_adapters, recognise, registered
from .errors import MultiforceError, ValidationFailed
from .progress import NOTHING_SHOWN
from .readers import read_document
from .readers.safety import check_text, time_limit
from .records import Extraction
from .store.digests import Digests
from .store.publish import publication
from .validation import Report, validate
from .versions import adapter_version
from .workers import fewer_collections, in_order

# A batch closes at whichever comes first: enough documents to amortise validation's fixed
# cost, or enough text to bound memory whatever the documents' size.
BATCH_DOCUMENTS = 1000
BATCH_TEXT_BYTES = 64 * 2**20


@dataclass(frozen=True)
class Parsed:
    path: Path
    extraction: Extraction
    adapter: str | None = None
    adapter_version: str | None = None
    audit: Audit | None = None  # what became of every number; None for formats that opt out
    noted: tuple[str, ...] = ()  # the audit's warnings, once the audit itself is let go

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(self.audit.warnings()) if self.audit else self.noted

    def without_audit(self) -> "Parsed":
        """The rows and the warnings, without the audit (it holds the document's whole text)."""
        return replace(self, audit=None, noted=self.warnings)

    @property
    def force_id(self) -> str:
        return _force_of(self.extraction)

    @property
    def counts(self) -> dict[str, int]:
        return self.extraction.counts()

    def stamped(self) -> Extraction:
        """The rows, each document marked with the adapter and code that read it."""
        for row in self.extraction.rows["documents"]:
            row["adapter"], row["adapter_version"] = self.adapter, self.adapter_version
        return self.extraction


@dataclass(frozen=True)
class Ingested:
    """What publishing did with one file (the rows themselves are not kept)."""

    path: Path
    force_id: str
    counts: dict[str, int] = field(default_factory=dict)
    skipped: bool = False
    warnings: tuple[str, ...] = ()  # not the audit itself: it holds the document's whole text


def parse(path: Path | str, force: "str | Adapter | None" = None) -> Parsed:
    """Read and parse one file; `force` is a force id, an adapter to use, or None to recognise."""
    with time_limit(Path(path)):  # a hostile file fails with a clear error instead of hanging
        document = read_document(path)
        check_text(document.path, document.text)
        force_id = force.force_id if isinstance(force, Adapter) else force
        for cls in format_adapters().values():
            adapter = cls()
            if adapter.recognises(document):
                return _parsed(document, adapter, adapter.parse(document, force_id), cls.name)
        if isinstance(force, Adapter):
            adapter = force
        else:
            adapter = adapter_for(force, document.path) if force else recognise(document)
        return _parsed(document, adapter, adapter.parse(document), adapter.force_id)


def _parsed(document, adapter, extraction: Extraction, name: str) -> Parsed:
    """Force adapters (and formats that declare `ignored`) account for every number."""
    audited = (
        audit(document.path, document.text, extraction.rows, adapter.audit_ignored)
        if hasattr(adapter, "ignored")
        else None
    )
    return Parsed(document.path, extraction, name, adapter_version(type(adapter)), audited)


def extract(sources) -> tuple[Extraction, list[Parsed]]:
    """Parse (path, force or None) pairs into one batch of rows. Every file is read, so that a
    file that cannot be is reported with all the others that cannot, at once."""
    parsed, unread = [], []
    for path, force in sources:
        try:
            parsed.append(parse(path, force))
        except MultiforceError as error:
            unread.append(error)
    if len(unread) == 1:
        raise unread[0]
    if unread:
        raise MultiforceError(
            f"{len(unread)} files could not be read:\n- " + "\n- ".join(map(str, unread))
        )
    return _combined(parsed), parsed


def _combined(parsed: list[Parsed]) -> Extraction:
    """One batch of rows. A figure stated by two documents is kept from the one with the
    smallest id, so the order of the files does not change what is published (publishing
    keeps to the same rule)."""
    combined = Extraction()
    for item in sorted(parsed, key=_smallest_document_id):
        combined.extend(item.stamped(), item.path.name)
    return combined


def _smallest_document_id(item: Parsed) -> str:
    return min((row["document_id"] for row in item.extraction.rows["documents"]), default="")


def check(extraction: Extraction) -> Report:
    report = validate(extraction)
    if not report.ok:
        raise ValidationFailed(report)
    return report


def ingest(
    db: Path | str,
    paths,
    force: "str | Adapter | None" = None,
    *,
    jobs: int = 1,
    progress=NOTHING_SHOWN,
) -> list[Ingested]:
    if isinstance(force, str):  # before any document is skipped as published already
        registered(force)
    return publish_sources(db, [(path, force) for path in paths], jobs=jobs, progress=progress)


def bundled_corpus() -> list[tuple[Path, str | None]]:
    documents = [
        (path, force_id) for force_id, cls in adapters().items() for path in cls.bundled_documents()
    ]
    return documents + [
        (path, None) for cls in format_adapters().values() for path in cls.bundled_documents()
    ]


def build(
    db: Path | str, *, jobs: int = 1, progress=NOTHING_SHOWN, replace: bool = False
) -> list[Ingested]:
    """The bundled corpus and the campaigns its responses answer, in one publication; over a
    database holding more than that only if `replace`."""
    from .campaigns.definition import add_bundled_campaigns

    return publish_sources(
        db,
        bundled_corpus(),
        fresh=True,
        jobs=jobs,
        progress=progress,
        then=add_bundled_campaigns,
        dropping=replace,
    )


def publish_sources(
    db: Path | str,
    sources,
    *,
    fresh: bool = False,
    jobs: int = 1,
    progress=NOTHING_SHOWN,
    then=None,
    dropping: bool = False,
) -> list[Ingested]:
    """Parse, validate and publish (path, force) sources into db, a batch at a time.

    `fresh` builds the database from nothing (a build); otherwise the sources are added to
    it and those already published are skipped unread. Every problem of every batch is
    collected into one report; if there is any, nothing is published. `jobs` worker processes
    read and parse the documents; `progress` is told of each, and of the steps around them
    (toolkit.progress); `then(session)`, if given, writes more into the same publication once
    every batch passed. A fresh publication replaces a database holding rows it does not
    give only if `dropping`.
    """
    results: list[Ingested] = []
    problems = []
    with fewer_collections(), publication(db, fresh=fresh, jobs=jobs, dropping=dropping) as session:
        pending, stale = _unpublished(session, sources, results)
        progress.phase(
            f"Putting away the rows of {len(stale):,} documents read by code that has since "
            "changed.",
            len(stale),
        )
        session.forget(stale)
        progress.start(len(pending))
        # closing: on an error, the workers stop now, not when the generator is collected
        with closing(_batches(pending, jobs, progress)) as batches:
            for batch in batches:
                extraction = _combined(batch)
                report = validate(extraction)
                try:
                    if report.ok:
                        session.write(extraction)
                except ValidationFailed as failed:
                    report = failed.report
                problems += report.problems
                results += [
                    Ingested(item.path, item.force_id, item.counts, warnings=item.warnings)
                    for item in batch
                ]
        if problems:
            raise ValidationFailed(Report(problems))
        if then is not None:
            then(session)
        progress.phase(
            "Publishing: the checks across documents, the indexes and the summary tables.",
            len(pending),
        )
    return results


def _unpublished(session, sources, results: list[Ingested]):
    """The sources to parse, and the published documents read by code that has since changed.

    A source is hashed first (or its digest taken from the record of files unchanged since
    they were hashed: store/digests.py): if its document is published, read by the code that
    would read it now, it is skipped without being parsed.
    """
    digests = Digests(session.db_path)
    # The published documents first: read while the copy runs, a database that is not in the
    # page cache (the last ingest wrote it past the cache) waits behind the copy's reads and
    # writes for every page. At a million figures that took 6.5 s, and 0.4 s before the copy.
    held = session.held_documents()
    # The copy to write into, made while the sources are hashed, parsed and validated: started
    # at once where a file changed (a document to read, most likely; if not, it is dropped).
    if digests.any_changed(path for path, _ in sources):
        session.copy_ahead()
    current = {
        name: adapter_version(cls) for name, cls in {**adapters(), **format_adapters()}.items()
    }
    given = {
        force.force_id: adapter_version(type(force))
        for _, force in sources
        if isinstance(force, Adapter)
    }
    current.update(given)
    pending, stale, seen = [], [], set()
    for path, force in sources:
        path = path if isinstance(path, Path) else Path(path)  # Path(path) alone: 0.2 s at 35,000
        document_id = digests.of(path)
        if document_id is not None and (
            document_id in seen or _current(held.get(document_id), current)
        ):
            force_id = held[document_id][2] if document_id in held else "-"
            results.append(Ingested(path, force_id or "-", skipped=True))
            continue
        if document_id in held:
            stale.append(document_id)
        seen.add(document_id)
        pending.append((path, force))
        session.copy_ahead()  # if not begun: a document read by code that has since changed
    digests.save()
    return pending, stale


def _current(held: tuple | None, current: dict[str, str]) -> bool:
    return held is not None and held[1] is not None and current.get(held[0]) == held[1]


def _batches(sources, jobs: int = 1, progress=NOTHING_SHOWN):
    batch, text = [], 0
    # The workers read the next batch while this process validates and writes the last.
    for item in in_order(
        _parsed_for_publishing, sources, jobs, ahead=BATCH_DOCUMENTS, give_way=True
    ):
        progress.advance()
        batch.append(item)
        text += sum(len(row["text"]) for row in item.extraction.rows["documents"])
        if len(batch) >= BATCH_DOCUMENTS or text >= BATCH_TEXT_BYTES:
            yield batch
            batch, text = [], 0
    if batch:
        yield batch


def _parsed_for_publishing(source) -> Parsed:
    """What a worker sends back: the rows and the audit's warnings, not the audit."""
    path, force = source
    return parse(path, force).without_audit()


def _force_of(extraction: Extraction) -> str:
    named = sorted({row["force_id"] for row in extraction.rows["responses"]})
    return (
        f"{len(named)} forces" if len(named) > 3 else ", ".join(named) or "-"
    )  # a compilation names many
