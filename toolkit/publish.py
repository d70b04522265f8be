"""Write validated rows into the SQLite database, atomically.

The new database is built aside (a copy of the old one, or empty) and renamed over the old
one: a crash at any point leaves the old file or the new one, whole. A lock file serialises
writers, so two ingests into one database run one after the other.

Rows arrive in batches (a build streams its documents, a batch at a time). Each batch is
written into the aside database in its own transaction and checked against the rows already
there, so the rules that span documents hold across batches; only the finished database is
renamed over the old one. An ingest that finds nothing new writes nothing and leaves the
database untouched.
"""

import errno
import fcntl
import glob
import json
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
from .records import ROW_KEYS, TABLES, Extraction, cited_first, merge_responses
from .reference import publish_reference
from .validation import Problem, Report, row_label
from .views import VIEWS

TYPES = {"String": str, "Float64": float, "Int64": int}
FOREIGN_KEYS = {
    "responses": [("force_id", "forces", "force_id")],
    "documents": [("response_id", "responses", "response_id")],
    "questions": [("response_id", "responses", "response_id")],
    "observations": [
        ("response_id", "responses", "response_id"),
        ("document_id", "documents", "document_id"),
        ("force_id", "forces", "force_id"),
    ],
    "outcomes": [
        ("response_id", "responses", "response_id"),
        ("document_id", "documents", "document_id"),
        ("force_id", "forces", "force_id"),
        ("held_by", "forces", "force_id"),
    ],
}
INDEXES = {
    "forces": [["name"]],  # the views list forces by name: no sort, and outcomes found per force
    # The views join every figure to its response's source_kind: covered, one lookup each.
    "responses": [["force_id"], ["response_id", "source_kind"]],
    "documents": [["response_id"]],
    "questions": [["response_id"], ["technology", "measure"]],
    "observations": [
        ["force_id", "technology", "measure", "period_start"],
        ["technology", "measure", "period_start"],
        # figures_by_force_year by technology, force and period, read from the index alone
        [
            "technology",
            "force_id",
            "period_start",
            "period_end",
            "measure",
            "breakdown",
            "breakdown_value",
            "value",
            "qualifier",
            "period_label",
            "response_id",
        ],
        ["response_id"],
        ["document_id"],
    ],
    "outcomes": [
        ["force_id", "technology", "measure"],
        ["technology", "status"],
        ["force_id", "technology", "status", "exemptions"],  # outcome_matrix's distinct statuses
        ["response_id"],
        ["document_id"],
    ],
}
# A figure that several documents of a response state is cited from the one with the smallest
# document_id, whatever the order or history of ingests: the same documents, the same database.
SMALLEST_DOCUMENT_WINS = {"observations", "outcomes"}
LOCK_WAIT_SECONDS = 30.0
CANNOT_WRITE = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_IOERR,
}
# The aside file is private until it is renamed, and it is fsynced before that: SQLite need
# not sync each batch itself. A large page cache keeps the indexes' pages in memory while a
# big build writes them in key order that is not insertion order.
ASIDE_PRAGMAS = (
    "PRAGMA synchronous = OFF",
    "PRAGMA cache_size = -262144",
    "PRAGMA temp_store = MEMORY",
)


class Publication:
    """One writer's session on a database: what it holds, what to forget, batches to write."""

    def __init__(self, db_path: Path, fresh: bool):
        self.db_path = db_path
        self.fresh = fresh
        self.aside = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex[:8]}.building")
        self.conn: sqlite3.Connection | None = None
        self.written = _Written()

    def held_documents(self) -> dict[str, tuple]:
        """Every published document: document_id -> (adapter, adapter_version, force_id)."""
        if self.conn is not None:
            return _held(self.conn)
        if self.fresh or not self.db_path.exists():
            return {}
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            return _held(conn)
        except sqlite3.DatabaseError as error:
            raise _not_a_database(self.db_path, error) from None
        finally:
            conn.close()

    def forget(self, document_ids) -> None:
        """Delete the documents' rows (to read them again), and responses left with no rows."""
        document_ids = list(document_ids)
        if not document_ids:
            return
        conn = self._connection()
        ids = json.dumps(document_ids)
        conn.execute("BEGIN")
        try:
            responses = [
                r
                for (r,) in conn.execute(
                    "SELECT DISTINCT response_id FROM documents WHERE document_id IN (SELECT value FROM json_each(?))",
                    (ids,),
                )
            ]
            for table in ("observations", "outcomes", "documents"):
                conn.execute(
                    f"DELETE FROM {table} WHERE document_id IN (SELECT value FROM json_each(?))",
                    (ids,),
                )
            for table in ("questions", "responses"):  # a response's questions go with it
                conn.execute(
                    f"DELETE FROM {table} WHERE response_id IN (SELECT value FROM json_each(?)) "
                    + " ".join(
                        f"AND NOT EXISTS (SELECT 1 FROM {held} t WHERE t.response_id = {table}.response_id)"
                        for held in ("documents", "observations", "outcomes")
                    ),
                    (json.dumps(responses),),
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def write(self, extraction: Extraction) -> None:
        """Check one batch against the rows already written, then write it in one transaction."""
        conn = self._connection()
        by_hand = _recorded_by_hand(extraction)  # before its responses meet those held
        held = {}
        if (
            self.written.batches or not self.fresh
        ):  # the first batch of a build meets an empty database
            held = _check_against_published(conn, extraction)
        replacing = bool(self.written.batches or not self.fresh)
        _write(conn, extraction, replacing=replacing, held=held, by_hand=by_hand)
        self.written.add(extraction)

    def finish(self) -> None:
        if self.conn is None:
            if not self.fresh:
                return  # nothing was written: the database stays exactly as it was
            self._connection()
        # A build written in one batch was checked whole by validation.
        problems = (
            _matches_against_published(self.conn, self.written)
            if self.written.batches > 1 or not self.fresh
            else []
        )
        if problems:
            raise ValidationFailed(Report(problems))
        # Statistics for the query planner (sampled: quick at any size); without them SQLite
        # scans every outcome for outcome_matrix and sorts all of them for who_refused_what.
        self.conn.execute("PRAGMA analysis_limit = 1000")
        self.conn.execute("ANALYZE")
        self.conn.close()
        self.conn = None
        _sync(self.aside)
        os.replace(self.aside, self.db_path)
        _sync(self.db_path.parent)

    def discard(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        _remove(self.aside)

    def _connection(self) -> sqlite3.Connection:
        if self.conn is None:
            if self.db_path.exists() and not self.fresh:
                _copy(self.db_path, self.aside)
            self.conn = sqlite3.connect(self.aside, isolation_level=None)
            for pragma in ASIDE_PRAGMAS:
                self.conn.execute(pragma)
            ensure_schema(sqlite_utils.Database(self.conn))
        return self.conn


@contextmanager
def publication(db_path: Path | str, *, fresh: bool = False):
    """A locked session that publishes everything written in it at the end, or nothing."""
    db_path = Path(db_path)
    with _write_errors_are_clear(db_path), _locked(db_path):
        _remove_stale_asides(db_path)
        session = Publication(db_path, fresh)
        try:
            yield session
            session.finish()
        finally:
            session.discard()


def publish(db_path: Path | str, extraction: Extraction, *, fresh: bool = False) -> None:
    with publication(db_path, fresh=fresh) as session:
        session.write(extraction)


def ensure_schema(db: sqlite_utils.Database) -> None:
    publish_reference(db)
    for index in INDEXES["forces"]:
        db["forces"].create_index(index, if_not_exists=True)
    for table, foreign_keys in FOREIGN_KEYS.items():
        schema = {name: TYPES[dtype.__name__] for name, dtype in columns(table).items()}
        db[table].create(schema, pk=ROW_KEYS[table], foreign_keys=foreign_keys, if_not_exists=True)
        held = db[table].columns_dict
        for (
            name,
            kind,
        ) in schema.items():  # a database built by an earlier version lacks new columns
            if name not in held:
                db[table].add_column(name, kind)
        for index in INDEXES[table]:
            db[table].create_index(index, if_not_exists=True)
    if not db["documents"].detect_fts():
        db["documents"].enable_fts(["filename", "text"], create_triggers=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def _held(conn: sqlite3.Connection) -> dict[str, tuple]:
    tables = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "documents" not in tables:
        return {}
    held = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    adapter = (
        "d.adapter, d.adapter_version" if {"adapter", "adapter_version"} <= held else "NULL, NULL"
    )
    return {
        document_id: rest
        for document_id, *rest in conn.execute(
            f"SELECT d.document_id, {adapter}, r.force_id FROM documents d "
            "LEFT JOIN responses r ON r.response_id = d.response_id"
        )
    }


def _recorded_by_hand(extraction: Extraction) -> list[tuple[str]]:
    """Transcribed and compiled responses: their file is their whole record, so ingesting it
    again replaces the rows it gave before, as a document's rows are replaced."""
    return [
        (row["response_id"],)
        for row in extraction.rows["responses"]
        if row["source_kind"] != "document"
    ]


def _check_against_published(conn: sqlite3.Connection, extraction: Extraction) -> dict[str, dict]:
    """One key, one value: a figure already published from another document must agree.
    Returns, per table, the batch's keys already held and the document each is cited from."""
    incoming = {row["document_id"]: row["filename"] for row in extraction.rows["documents"]}
    replaced = {response_id for (response_id,) in _recorded_by_hand(extraction)}
    problems = _merge_held_responses(conn, extraction)
    cited: dict[str, dict] = {}
    for table, column in (("observations", "value"), ("outcomes", "status")):
        key = ROW_KEYS[table]
        rows = extraction.rows[table]
        if not rows:
            continue
        held = {
            found[0]: found[1:]
            for found in conn.execute(
                f"SELECT t.{key}, t.{column}, t.document_id, d.filename FROM {table} t "
                "LEFT JOIN documents d ON d.document_id = t.document_id "
                f"WHERE t.{key} IN (SELECT value FROM json_each(?))",
                (json.dumps([row[key] for row in rows]),),
            )
        }
        cited[table] = {held_key: document for held_key, (_, document, _) in held.items()}
        for index, row in enumerate(rows):
            if row[key] not in held:
                continue
            value, document, filename = held[row[key]]
            if document is None and row["response_id"] in replaced:
                continue
            if value != row[column] and document not in incoming:
                source = extraction.source_of(table, index) or row["response_id"]
                held_from = (
                    f"{filename} (document {document[:12]})" if document else "its transcription"
                )
                problems.append(
                    Problem(
                        source,
                        table,
                        row_label(table, index, row),
                        "one value per key",
                        f"the database already holds {_shown(value)} from {held_from}, "
                        f"{source} says {_shown(row[column])}: check which source is right",
                    )
                )
    if problems:
        raise ValidationFailed(Report(problems))
    return cited


def _merge_held_responses(conn: sqlite3.Connection, extraction: Extraction) -> list[Problem]:
    """A response already published from another source becomes one row with the batch's
    (records.merge_responses): its kinds joined, the sources' dates agreeing."""
    rows = extraction.rows["responses"]
    names = list(columns("responses"))
    held = {
        found[0]: dict(zip(names, found, strict=True))
        for found in conn.execute(
            f"SELECT {', '.join(names)} FROM responses "
            "WHERE response_id IN (SELECT value FROM json_each(?))",
            (json.dumps([row["response_id"] for row in rows]),),
        )
    }
    problems = []
    for index, row in enumerate(rows):
        if row["response_id"] not in held:
            continue
        rows[index], disagreeing = merge_responses(held[row["response_id"]], row)
        problems += [
            Problem(
                extraction.source_of("responses", index) or row["response_id"],
                "responses",
                row["response_id"],
                "sources of one response agree",
                f"{column}: the database holds {held[row['response_id']][column]} "
                f"(from its {held[row['response_id']]['source_kind']}), this source says {row[column]}",
            )
            for column in disagreeing
        ]
    return problems


def _shown(value) -> str:
    return f"{value:g}" if isinstance(value, float) else repr(value)


class _Written:
    """What a session wrote, as far as the rules that span batches need to know."""

    def __init__(self):
        self.batches = 0
        self.documents: set[str] = set()
        self.responses: set[str] = set()  # of rows without a document (transcriptions)
        self.periods: set[tuple] = set()  # that have uses or matches

    def add(self, extraction: Extraction) -> None:
        self.batches += 1
        self.documents.update(row["document_id"] for row in extraction.rows["documents"])
        for row in extraction.rows["observations"]:
            if row["document_id"] is None:
                self.responses.add(row["response_id"])
            if row["measure"] in ("uses", "matches"):
                self.periods.add(
                    (row["force_id"], row["technology"], row["period_start"], row["period_end"])
                )

    def holds(self, document_id: str | None, response_id: str) -> bool:
        return document_id in self.documents if document_id else response_id in self.responses


def _matches_against_published(conn: sqlite3.Connection, written: _Written) -> list[Problem]:
    """Matches never exceed uses, across everything this session wrote and what was there.

    Run once, when every batch is written (pairs within one batch were checked by validation):
    a period's largest number of matches against its smallest number of uses finds the periods
    worth looking at, in one query over the periods this session touched.
    """
    if not written.periods:
        return []
    group = (
        "force_id = p.force_id AND technology = p.technology "
        "AND period_start = p.period_start AND period_end = p.period_end"
    )
    suspect = conn.execute(
        f"""
        WITH p AS (SELECT json_extract(value, '$[0]') AS force_id, json_extract(value, '$[1]') AS technology,
                          json_extract(value, '$[2]') AS period_start, json_extract(value, '$[3]') AS period_end
                   FROM json_each(?))
        SELECT force_id, technology, period_start, period_end FROM p
        WHERE (SELECT max(value) FROM observations WHERE {group} AND measure = 'matches')
            > (SELECT min(value) FROM observations WHERE {group} AND measure = 'uses' AND breakdown = 'none')
        """,
        (json.dumps(sorted(written.periods)),),
    ).fetchall()
    problems = []
    for period in suspect:
        found = conn.execute(
            "SELECT o.measure, o.value, o.document_id, o.response_id, coalesce(d.filename, o.response_id), "
            "o.observation_id || ' (' || o.technology || ' ' || o.measure || ' ' || o.period_label "
            "|| coalesce(' ' || o.breakdown_value, '') || ')' "
            "FROM observations o LEFT JOIN documents d ON d.document_id = o.document_id "
            "WHERE o.force_id = ? AND o.technology = ? AND o.period_start = ? AND o.period_end = ? "
            "AND (o.measure = 'matches' OR (o.measure = 'uses' AND o.breakdown = 'none'))",
            period,
        ).fetchall()
        uses = [row for row in found if row[0] == "uses"]
        for match in (row for row in found if row[0] == "matches"):
            for use in uses:
                new = (written.holds(match[2], match[3]), written.holds(use[2], use[3]))
                if match[1] > use[1] and any(new):
                    mine, theirs = (match, use) if new[0] else (use, match)
                    problems.append(
                        Problem(
                            mine[4],
                            "observations",
                            mine[5],
                            "matches never exceed uses",
                            f"{match[1]:g} matches against {use[1]:g} uses in the same period "
                            f"(the {theirs[0]} are stated by {theirs[4]})",
                        )
                    )
    return problems


def _write(
    conn: sqlite3.Connection,
    extraction: Extraction,
    replacing: bool = True,
    held: dict | None = None,
    by_hand: list[tuple[str]] | None = None,
) -> None:
    """One transaction; `replacing` first deletes what the batch's documents (and transcribed or
    compiled responses) said before."""
    documents = [(row["document_id"],) for row in extraction.rows["documents"]]
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    try:
        if replacing:
            by_hand = _recorded_by_hand(extraction) if by_hand is None else by_hand
            for table in ("observations", "outcomes"):
                conn.executemany(f"DELETE FROM {table} WHERE document_id = ?", documents)
                conn.executemany(
                    f"DELETE FROM {table} WHERE document_id IS NULL AND response_id = ?", by_hand
                )
        for table in TABLES:
            _insert(conn, table, extraction.rows[table], (held or {}).get(table, {}))
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


def _insert(
    conn: sqlite3.Connection, table: str, rows: list[dict], held: dict[str, str | None]
) -> None:
    """Insert the rows; a key already held is updated only where the rule says so.

    A figure that several documents state is cited from the one with the smallest document_id.
    Within a batch the rows come smallest document first (pipeline._combined), so a plain
    insert that skips held keys keeps the right one; only keys held from before (`held`, found
    when the batch was checked) can need the citation moved. An upsert on every row would
    decide the same, at a third more of publishing's time.
    """
    if not rows:
        return
    names = list(columns(table))
    key = ROW_KEYS[table]
    placeholders = ", ".join("?" * len(names))
    if table not in SMALLEST_DOCUMENT_WINS:
        update = ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders}) "
            f"ON CONFLICT({key}) DO UPDATE SET {update}",
            (tuple(map(row.get, names)) for row in rows),
        )
        return
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({placeholders}) ON CONFLICT({key}) DO NOTHING",
        (tuple(map(row.get, names)) for row in rows),
    )
    moved = [
        row
        for row in rows
        if row[key] in held and cited_first(row) < cited_first({"document_id": held[row[key]]})
    ]
    if moved:
        others = [n for n in names if n != key]
        conn.executemany(
            f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in others)} "
            f"WHERE {key} = ? AND (document_id IS NULL OR document_id > ?)",
            ([row[n] for n in others] + [row[key], row["document_id"]] for row in moved),
        )


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) not in (
            sqlite3.SQLITE_NOTADB,
            sqlite3.SQLITE_CORRUPT,
        ):
            raise
        raise _not_a_database(source, error) from None
    finally:
        src.close()
        dst.close()


def _not_a_database(path: Path, error: Exception) -> MultiforceError:
    return MultiforceError(
        f"{path}: this file is not a SQLite database ({error}). Expected a database that "
        "multiforce built: give another --db path, or move this file away."
    )


def _remove_stale_asides(db_path: Path) -> None:
    """Databases left half-built by a killed writer: we hold the lock, so none is in use."""
    for stale in db_path.parent.glob(f".{glob.escape(db_path.name)}.*.building"):
        _remove(stale)


def _remove(aside: Path) -> None:
    for path in (
        aside,
        *(aside.with_name(aside.name + suffix) for suffix in ("-journal", "-wal", "-shm")),
    ):
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
        if isinstance(error, sqlite3.OperationalError) and re.search(
            r"no (?:such )?column|no such table", str(error)
        ):
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
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(
        error
    )


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
