"""Write validated rows into the SQLite database, atomically.

The new database is built aside (a copy of the old one, or empty) and renamed over the old
one: a crash at any point leaves the old file or the new one, whole. A lock file serialises
writers, so two ingests into one database run one after the other.
"""
import errno
import fcntl
import glob
import os
import re
import sqlite3
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from ..schemas.models import columns
from .errors import DatabaseBusy, MultiforceError, ValidationFailed
from .records import ROW_KEYS, Extraction
from .reference import publish_reference
from .validation import Problem, Report, _describe
from .views import VIEWS

TYPES = {"String": str, "Float64": float, "Int64": int}
FOREIGN_KEYS = {
    "responses": [("force_id", "forces", "force_id")],
    "documents": [("response_id", "responses", "response_id")],
    "observations": [("response_id", "responses", "response_id"),
                     ("document_id", "documents", "document_id"),
                     ("force_id", "forces", "force_id")],
    "outcomes": [("response_id", "responses", "response_id"),
                 ("document_id", "documents", "document_id"),
                 ("force_id", "forces", "force_id")],
}
INDEXES = {
    "responses": [["force_id"]],
    "documents": [["response_id"]],
    "observations": [["force_id", "technology", "measure", "period_start"],
                     ["technology", "measure", "period_start"],
                     ["response_id"], ["document_id"]],
    "outcomes": [["force_id", "technology", "measure"], ["technology", "status"],
                 ["response_id"], ["document_id"]],
}
# A figure that several documents of a response state is cited from the one with the smallest
# document_id, whatever the order or history of ingests: the same documents, the same database.
SMALLEST_DOCUMENT_WINS = {"observations", "outcomes"}
LOCK_WAIT_SECONDS = 30.0
CANNOT_WRITE = {sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR}


def publish(db_path: Path | str, extraction: Extraction, *, fresh: bool = False) -> None:
    db_path = Path(db_path)
    with _write_errors_are_clear(db_path), _locked(db_path):
        _remove_stale_asides(db_path)
        aside = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex[:8]}.building")
        try:
            if db_path.exists() and not fresh:
                _copy(db_path, aside)
            conn = sqlite3.connect(aside, isolation_level=None)
            try:
                db = sqlite_utils.Database(conn)
                ensure_schema(db)
                _check_against_published(conn, extraction)
                _write(conn, extraction)
            finally:
                conn.close()
            _sync(aside)
            os.replace(aside, db_path)
            _sync(db_path.parent)
        finally:
            _remove(aside)


def ensure_schema(db: sqlite_utils.Database) -> None:
    publish_reference(db)
    for table, foreign_keys in FOREIGN_KEYS.items():
        schema = {name: TYPES[dtype.__name__] for name, dtype in columns(table).items()}
        db[table].create(schema, pk=ROW_KEYS[table], foreign_keys=foreign_keys, if_not_exists=True)
        for index in INDEXES[table]:
            db[table].create_index(index, if_not_exists=True)
    if not db["documents"].detect_fts():
        db["documents"].enable_fts(["filename", "text"], create_triggers=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def _recorded_by_hand(extraction: Extraction) -> list[tuple[str]]:
    """Transcribed and compiled responses: their file is their whole record, so ingesting it
    again replaces the rows it gave before, as a document's rows are replaced."""
    return [(row["response_id"],) for row in extraction.rows["responses"] if row["source_kind"] != "document"]


def _check_against_published(conn: sqlite3.Connection, extraction: Extraction) -> None:
    """One key, one value: a figure already published from another document must agree."""
    incoming = {row["document_id"]: row["filename"] for row in extraction.rows["documents"]}
    replaced = {response_id for (response_id,) in _recorded_by_hand(extraction)}
    problems = []
    for table, column in (("observations", "value"), ("outcomes", "status")):
        key = ROW_KEYS[table]
        for index, row in enumerate(extraction.rows[table]):
            held = conn.execute(
                f"SELECT t.{column}, t.document_id, d.filename FROM {table} t "
                f"LEFT JOIN documents d ON d.document_id = t.document_id WHERE t.{key} = ?", (row[key],)
            ).fetchone()
            if held and held[1] is None and row["response_id"] in replaced:
                continue
            if held and held[0] != row[column] and held[1] not in incoming:
                problems.append(Problem(
                    incoming.get(row["document_id"], row["response_id"]), table,
                    f"row {index + 1} ({_describe(table, row)})", "one value per key",
                    f"the database already holds {_shown(held[0])} from {held[2] or 'another document'} "
                    f"(document {str(held[1])[:12]}), this document says {_shown(row[column])}: "
                    "check which document is right",
                ))
    if problems:
        raise ValidationFailed(Report(problems))


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


def _write(conn: sqlite3.Connection, extraction: Extraction) -> None:
    documents = [(row["document_id"],) for row in extraction.rows["documents"]]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    try:
        by_hand = _recorded_by_hand(extraction)
        for table in ("observations", "outcomes"):
            conn.executemany(f"DELETE FROM {table} WHERE document_id = ?", documents)
            conn.executemany(f"DELETE FROM {table} WHERE document_id IS NULL AND response_id = ?", by_hand)
        for table in ("responses", "documents", "observations", "outcomes"):
            _insert(conn, table, extraction.rows[table])
        conn.execute("COMMIT")
    except sqlite3.IntegrityError as error:
        _roll_back(conn)
        raise MultiforceError(
            f"The database refused rows that had passed validation ({error}); nothing was published. "
            "Expected validation to catch every such problem, so this is a bug in multiforce or in an "
            "adapter: run again as `multiforce --debug ...` and include the traceback in a bug report."
        ) from error
    except BaseException:
        _roll_back(conn)
        raise


def _roll_back(conn: sqlite3.Connection) -> None:
    # SQLite rolls back by itself on some errors (a full disk): a second ROLLBACK would fail
    # and hide the error that matters.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    names = list(columns(table))
    key = ROW_KEYS[table]
    conflict = "DO UPDATE SET " + ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
    if table in SMALLEST_DOCUMENT_WINS:
        conflict += f" WHERE excluded.document_id < {table}.document_id"
    sql = (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
           f"ON CONFLICT({key}) {conflict}")
    conn.executemany(sql, ([row[n] for n in names] for row in rows))


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) not in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise
        raise MultiforceError(
            f"{source}: this file is not a SQLite database ({error}). Expected a database that "
            "multiforce built: give another --db path, or move this file away."
        ) from None
    finally:
        src.close()
        dst.close()


def _remove_stale_asides(db_path: Path) -> None:
    """Databases left half-built by a killed writer: we hold the lock, so none is in use."""
    for stale in db_path.parent.glob(f".{glob.escape(db_path.name)}.*.building"):
        _remove(stale)


def _remove(aside: Path) -> None:
    for path in (aside, *(aside.with_name(aside.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


@contextmanager
def _write_errors_are_clear(db_path: Path):
    """A full disk, or a place that cannot be written, is the user's to fix: say so."""
    try:
        yield
    except MultiforceError:
        raise
    except (OSError, sqlite3.Error) as error:
        if _is_disk_full(error):
            needed = db_path.stat().st_size if db_path.exists() else 0
            raise MultiforceError(
                f"{db_path}: the disk is full ({error}). The new database is built beside the old one "
                f"and renamed over it, so {db_path.parent} needs room for a second copy (about "
                f"{needed / 1e6 + 1:.0f} MB). Nothing was published: the database is as it was. "
                "Free some space on that disk, or give a --db path on another disk, and run again."
            ) from error
        if isinstance(error, sqlite3.OperationalError) and re.search(r"no (?:such )?column|no such table", str(error)):
            raise MultiforceError(
                f"{db_path}: the database's tables are not the ones this version of multiforce writes "
                f"({error}). Expected a database built by this version: rebuild it from the documents "
                "(`multiforce build`, or ingest them into a new --db path). Nothing was published."
            ) from error
        if isinstance(error, OSError) or getattr(error, "sqlite_errorcode", None) in CANNOT_WRITE:
            raise MultiforceError(
                f"{db_path}: the database cannot be written there ({error}). Expected a --db path in a "
                "folder you may write to, on a disk that is not read-only. Nothing was published: "
                "give another --db path, or fix the folder's permissions, and run again."
            ) from error
        raise


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(error)


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def _locked(db_path: Path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with open(db_path.with_name(db_path.name + ".lock"), "w") as lock:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseBusy(
                        f"{db_path}: database busy: another multiforce process has been writing to it "
                        f"for over {LOCK_WAIT_SECONDS:.0f} s. Wait for it to finish and run again."
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
