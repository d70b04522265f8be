"""Write validated rows into the SQLite database, atomically.

The new database is built aside (a copy of the old one, or empty) and renamed over the old
one: a crash at any point leaves the old file or the new one, whole. A lock file serialises
writers, so two ingests into one database run one after the other (store/files.py).

Rows arrive in batches (a build streams its documents, a batch at a time). Each batch is
written into the aside database in its own transaction and checked against the rows already
there (store/checks.py), so the rules that span documents hold across batches; only the
finished database is renamed over the old one. An ingest that finds nothing new writes nothing
and leaves the database untouched.
"""

import json
import sqlite3
from contextlib import contextmanager
from functools import partial
from operator import itemgetter
from pathlib import Path

import sqlite_utils

from ...schemas.models import columns
from ..errors import MultiforceError, ValidationFailed
from ..records import ROW_KEYS, TABLES, Extraction, cited_first
from ..summaries import Touched, rows_at_least, write_summaries
from ..validation import Report
from ..workers import default_jobs, in_order
from . import checks, files, fulltext
from .schema import HELD_DOCUMENTS, WRITING_INDEXES, drop_indexes, ensure_indexes, ensure_schema

# A figure that several documents of a response state is cited from the one with the smallest
# document_id, whatever the order or history of ingests: the same documents, the same database.
SMALLEST_DOCUMENT_WINS = {"observations", "outcomes"}
# From what share of the held documents a publish that forgets them (to read them again: after an
# upgrade, every one) drops the indexes that only the pages read, and makes them at its end
# (schema.drop_indexes). At a million figures, reading every document again took 414 s keeping
# them up to date and 378 s making them again, beside a build's 307 s (benchmarks.stages reread).
REINDEX_FROM = 0.5
# From what share of them its rows are removed by keeping the rest (_keep_the_rest), not deleted
# row by row. At a million figures, forgetting 90 % of the documents took 19 s against 29 s, but
# half of them 42 s against 38 s: the rest is written again, and its index entries with it.
KEEP_THE_REST_FROM = 0.8
# The aside file is private until it is renamed, and it is fsynced before that: SQLite need
# not sync each batch itself. Nor keep a rollback journal: a session that fails is discarded
# whole, never rolled back and carried on (a ROLLBACK without the journal leaves the file in no
# known state, and it is removed with the session). The journal is a copy of each page a batch
# changes (the indexes' pages above all) made before it changes it: publishing 10,000
# documents wrote 1.57 GB with it, 1.18 GB without, in half the write calls; forgetting every
# document of a million figures, to read them again, took 115 s with it and 51 s without
# (benchmarks.stages reread). A large page cache keeps the indexes' pages in memory while a
# big build writes them in key order that is not insertion order. Allowed temporary files,
# SQLite sorts the keys of an index it makes packed in runs of the cache's size (a file only
# for a run that outgrows it); with temporary storage in memory it allocates each key on its
# own. Making the indexes of 10,000 documents took 8.1 to 8.6 s of CPU that way, 5.9 s this
# way (a publish 31.5 to 34.3 s, 27.8 to 28.1 s).
# From how many documents the full-text index is made in a worker process while this one makes
# the other indexes (store/fulltext.py): below it, starting the worker and sharing the cores with
# it cost more than the indexing it takes off this process. Publishing 144 documents took
# 0.136 s with the index made here and 0.144 s in a worker, 250 took 0.290 against 0.307 s, 500
# took 0.525 against 0.520 s and 1,000 took 1.003 against 0.942 s (medians of 7 to 11 runs).
FULLTEXT_WORKER_FROM = 500
ASIDE_PRAGMAS = (
    "PRAGMA synchronous = OFF",
    "PRAGMA cache_size = -262144",
    "PRAGMA temp_store = FILE",
    "PRAGMA journal_mode = OFF",
)


class Publication:
    """One writer's session on a database: what it holds, what to forget, batches to write."""

    def __init__(self, db_path: Path, fresh: bool, jobs: int | None = None, dropping: bool = False):
        self.db_path = db_path
        self.fresh = fresh
        self.dropping = dropping  # a build may drop what the database it replaces holds beyond it
        self.jobs = default_jobs() if jobs is None else jobs  # processes for the end's work
        self.aside = files.aside_path(db_path)
        self.conn: sqlite3.Connection | None = None
        self.copy: files.Copy | None = None
        self.written = checks.Written()
        self.flushing = None  # the copy of the published file, on its way to the disk
        self.reindexing = False  # see REINDEX_FROM
        self.journal_mode = "delete"  # the published database's, restored at the end
        # the published rows the session changed: the summaries' rows of their forces are
        # computed again at the end (summaries.py)
        self.touched = Touched(db_path)

    def held_documents(self) -> dict[str, tuple]:
        """Every published document: document_id -> (adapter, adapter_version, force_id)."""
        if self.conn is not None:
            return _held(self.conn)
        if self.fresh or not self.db_path.exists():
            return {}
        conn = files.connect_read_only(self.db_path)
        try:
            return _held(conn)
        except sqlite3.DatabaseError as error:
            raise files.not_a_database(self.db_path, error) from None
        finally:
            conn.close()

    def forget(self, document_ids) -> None:
        """Delete the documents' rows (to read them again), and responses left with no rows."""
        document_ids = list(document_ids)
        if not document_ids:
            return
        conn = self._connection()
        ids = json.dumps(document_ids)
        (held,) = conn.execute("SELECT count(*) FROM documents").fetchone()
        with _transaction(conn):
            share = len(document_ids) / max(held, 1)
            if share >= REINDEX_FROM:
                drop_indexes(_database(conn))
                self.reindexing = True
            responses = [
                r
                for (r,) in conn.execute(
                    "SELECT DISTINCT response_id FROM documents "
                    "WHERE document_id IN (SELECT value FROM json_each(?))",
                    (ids,),
                )
            ]
            self.touched.add(conn, responses)
            # emptying a table whole needs its full-text triggers gone: dropped when reindexing
            remove = _keep_the_rest if self.reindexing and share >= KEEP_THE_REST_FROM else _delete
            gone = "document_id IN (SELECT value FROM json_each(:ids))"
            for table in ("observations", "outcomes", "documents"):
                remove(conn, table, gone, {"ids": ids})
            for table in ("questions", "responses"):  # a response's questions go with it
                left_empty = " ".join(
                    f"AND NOT EXISTS (SELECT 1 FROM {rows} t "
                    f"WHERE t.response_id = {table}.response_id)"
                    for rows in ("documents", "observations", "outcomes")
                )
                gone = f"response_id IN (SELECT value FROM json_each(:ids)) {left_empty}"
                remove(conn, table, gone, {"ids": json.dumps(responses)})

    def write(self, extraction: Extraction) -> None:
        """Check one batch against the rows already written, then write it in one transaction."""
        conn = self._connection()
        by_hand = checks.recorded_by_hand(extraction)  # before its responses meet those held
        # The first batch of a build meets an empty database: nothing to check it against.
        replacing = bool(self.written.batches or not self.fresh)
        if self.fresh and self.written.batches == 1:  # what the first batch wrote, indexed
            with _transaction(conn):  # for the checks and deletes of the batches after it
                ensure_indexes(_database(conn), only=WRITING_INDEXES)
        held = checks.one_value_per_key(conn, extraction) if replacing else {}
        if not self.fresh:
            documents = [row["document_id"] for row in extraction.rows["documents"]]
            responses = {row["response_id"] for rows in extraction.rows.values() for row in rows}
            self.touched.add(conn, responses, documents)
        _write(conn, extraction, replacing=replacing, held=held, by_hand=by_hand)
        self.written.add(extraction)

    def finish(self) -> None:
        if self.conn is None:
            if not self.fresh:
                return  # nothing was written: the database stays exactly as it was
            self._connection()
        if self.fresh and not self.dropping:
            _refuse_to_drop(self.db_path, self.conn)
        # An ingest's copy holds the statistics of the last publish (see `_check`).
        analyse = self.fresh or self.reindexing or not _has_statistics(self.conn)
        # The full-text index, when there is none (a build, or a publish that dropped it to make
        # it again), is made in a worker process (from FULLTEXT_WORKER_FROM documents) while
        # this one makes the other indexes and runs the checks, then copied in
        # (store/fulltext.py).
        indexing = [self.aside] if fulltext.missing(self.conn) else []
        beside = indexing and rows_at_least(self.conn, FULLTEXT_WORKER_FROM, ("documents",))
        jobs = self.jobs if beside else 1
        check = partial(self._check, analyse)
        for made in in_order(fulltext.build, indexing, jobs, meanwhile=check):
            fulltext.take(self.aside, made, ASIDE_PRAGMAS)
        # derived tables for fast pages: toolkit/summaries.py
        touched = None if self.fresh or self.reindexing else self.touched
        if touched is not None:
            touched.add(self.conn, touched.responses)  # the forces of their rows as they now are
        write_summaries(
            self.conn,
            meanwhile=() if analyse else _analyse(self.conn),
            jobs=self.jobs,
            touched=touched,
        )
        self.conn.execute(f"PRAGMA journal_mode = {self.journal_mode}")  # a WAL database stays one
        self.conn.close()
        self.conn = None
        if self.flushing is not None:
            self.flushing.join()
        files.replace(self.aside, self.db_path)

    def _check(self, analyse: bool) -> None:
        """The indexes, the planner's statistics (if `analyse`), and the checks across
        batches."""
        # A build written in one batch was checked whole by validation. The checks read the
        # indexes a build makes at its end: make them first.
        ensure_indexes(_database(self.conn))
        # Statistics for the query planner (sampled: quick at any size), for the checks' and the
        # summaries' queries (the summaries then analyse their own tables for the pages);
        # without them SQLite picks among equal-looking indexes by the order they were made:
        # it reads all of a force's figures for each period the check compares, scans every
        # outcome for outcome_matrix and sorts all of them for who_refused_what. An ingest's
        # copy holds the statistics of the last publish, which a few documents hardly change:
        # its checks and summaries read by those, and it gathers its own while the summaries
        # are computed; one that made its indexes again gathers them first, as a build does.
        self.conn.execute("PRAGMA analysis_limit = 1000")
        if analyse:
            for statement in _analyse(self.conn):
                self.conn.execute(statement)
        problems = (
            checks.matches_within_uses(self.conn, self.written)
            if self.written.batches > 1 or not self.fresh
            else []
        )
        if problems:
            raise ValidationFailed(Report(problems))

    def copy_ahead(self) -> None:
        """Start copying the published database aside, to write the batches into later."""
        if self.copy is None and self.conn is None and not self.fresh and self.db_path.exists():
            self.touched.copied()
            self.copy = files.Copy(self.db_path, self.aside)

    def discard(self) -> None:
        if self.copy is not None:
            self.copy.cancel()
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        files.remove(fulltext.made_path(self.aside))
        files.remove(self.aside)

    def _connection(self) -> sqlite3.Connection:
        if self.conn is None:
            self.copy_ahead()  # if there is a published database to start from
            if self.copy is not None:
                self.copy.result()
                self.flushing = files.flush_soon(self.aside)
            self.conn = sqlite3.connect(self.aside, isolation_level=None)
            (self.journal_mode,) = self.conn.execute("PRAGMA journal_mode").fetchone()
            for pragma in ASIDE_PRAGMAS:
                self.conn.execute(pragma)
            # A build from nothing makes its indexes as it needs them (see WRITING_INDEXES).
            with _transaction(self.conn):  # one transaction, not one per table, index and view
                ensure_schema(_database(self.conn), indexes=not self.fresh)
        return self.conn


# What a database holds that a user put there (table: the thing a row is, keyed by thing_id):
# a build that would not give them again drops them only when told to.
KEPT_BY_USERS = {"responses": "response", "campaigns": "campaign", "requests": "request"}


def _refuse_to_drop(db_path: Path, built: sqlite3.Connection) -> None:
    """Refuse to replace a database holding responses, campaigns or requests (ingested or
    imported into it) that the new one does not: the build would lose them without a word."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return
    conn = files.connect_read_only(db_path)
    try:
        held = files.table_names(conn)
        lost = {
            thing: sorted(
                {key for (key,) in conn.execute(f"SELECT {thing}_id FROM {table}")}
                - {key for (key,) in built.execute(f"SELECT {thing}_id FROM {table}")}
            )
            for table, thing in KEPT_BY_USERS.items()
            if table in held
        }
    finally:
        conn.close()
    lost = {thing: keys for thing, keys in lost.items() if keys}
    if lost:
        counted = ", ".join(
            f"{len(keys):,} {thing}" + ("s" if len(keys) > 1 else "")
            for thing, keys in lost.items()
        )
        examples = "; ".join(keys[0] for keys in lost.values())
        raise MultiforceError(
            f"{db_path}: it holds {counted} that a build does not give (ingested or imported "
            f"into it, or from another version's corpus: {examples}), and a build replaces the "
            "file whole. Nothing was changed. Expected a database of the bundled corpus alone: "
            "give another --db, add your files with `multiforce ingest` instead, or run "
            "`multiforce build --replace` to drop them."
        )


@contextmanager
def publication(
    db_path: Path | str, *, fresh: bool = False, jobs: int | None = None, dropping: bool = False
):
    """A locked session that publishes everything written in it at the end, or nothing; its
    end's work (the full-text index, the summaries) on `jobs` processes, or as many as cores.
    A fresh one (a build) replaces a database holding rows it does not give only if
    `dropping`."""
    db_path = Path(db_path)
    with files.write_errors_are_clear(db_path), files.locked(db_path):
        files.writable(db_path)
        files.replaceable(db_path)
        files.remove_stale_asides(db_path)
        session = Publication(db_path, fresh, jobs, dropping)
        try:
            yield session
            session.finish()
        finally:
            session.discard()


def publish(db_path: Path | str, extraction: Extraction, *, fresh: bool = False) -> None:
    with publication(db_path, fresh=fresh) as session:
        session.write(extraction)


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils on the session's connection, without its plugins: publishing calls no
    function a plugin adds, and looking for them reads every installed package's entry points
    (15 ms, a twentieth of publishing a campaign's 144 documents)."""
    return sqlite_utils.Database(conn, execute_plugins=False)


def _held(conn: sqlite3.Connection) -> dict[str, tuple]:
    tables = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "documents" not in tables:
        return {}
    held = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    adapter = "adapter, adapter_version" if {"adapter", "adapter_version"} <= held else "NULL, NULL"
    # Left to itself, SQLite's planner read every document's row (its text's first page with it)
    # rather than this index: it sizes a row by its declared columns, not by its text, and the
    # sampled statistics (`_check`'s ANALYZE) had counted the index at more rows than the
    # table's key. At 10,000 documents not in the page cache, 0.20 s against 0.03.
    covering = next(
        (i.name for i in _database(conn)["documents"].indexes if i.columns == HELD_DOCUMENTS), None
    )
    documents = f"documents INDEXED BY [{covering}]" if covering else "documents"
    forces = dict(conn.execute("SELECT response_id, force_id FROM responses"))
    return {
        document_id: (*rest, forces.get(response_id))
        for document_id, *rest, response_id in conn.execute(
            f"SELECT document_id, {adapter}, response_id FROM {documents}"
        )
    }


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
    # Validation has held every row to the foreign keys (a batch's rows name its own responses
    # and documents and the register's forces): checking each again here cost a tenth of
    # writing. The database still declares them, and `PRAGMA foreign_key_check` finds none.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with _transaction(conn):
            if replacing:
                by_hand = checks.recorded_by_hand(extraction) if by_hand is None else by_hand
                for table in ("observations", "outcomes"):
                    conn.executemany(f"DELETE FROM {table} WHERE document_id = ?", documents)
                    conn.executemany(
                        f"DELETE FROM {table} WHERE document_id IS NULL AND response_id = ?",
                        by_hand,
                    )
            for table in TABLES:
                _insert(conn, table, extraction.rows[table], (held or {}).get(table, {}))
    except sqlite3.IntegrityError as error:
        raise MultiforceError(
            f"The database refused rows that had passed validation ({error}); nothing was "
            "published. Expected validation to catch every such problem, so this is a bug in "
            "multiforce or in an adapter: run again as `multiforce --debug ...` and include the "
            "traceback in a bug report."
        ) from error


def _delete(conn: sqlite3.Connection, table: str, gone: str, parameters: dict) -> None:
    conn.execute(f"DELETE FROM [{table}] WHERE {gone}", parameters)


def _keep_the_rest(conn: sqlite3.Connection, table: str, gone: str, parameters: dict) -> None:
    """The rows `gone` does not name, set aside; the table emptied whole, which SQLite does by
    freeing its pages, not row by row; and those rows put back, with their rowids."""
    names = ", ".join(f"[{row[1]}]" for row in conn.execute(f"PRAGMA table_info([{table}])"))
    conn.execute(
        f"CREATE TEMP TABLE kept AS SELECT rowid, {names} FROM [{table}] "
        f"WHERE NOT coalesce({gone}, 0)",
        parameters,
    )
    conn.execute(f"DELETE FROM [{table}]")
    conn.execute(f"INSERT INTO [{table}] (rowid, {names}) SELECT * FROM temp.kept")
    conn.execute("DROP TABLE temp.kept")


def _analyse(conn: sqlite3.Connection) -> tuple[str, ...]:
    """ANALYZE each table but the full-text index's own: the index is searched through its
    module, which reads no statistics, and its data table, which has no index, is counted row by
    row. At a million figures not in the page cache, that took 3.2 s, all the rest 0.15 s."""
    own = f"{fulltext.INDEX}_"
    return tuple(
        f"ANALYZE [{name}]"
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith((own, "sqlite_"))
    )


def _has_statistics(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone())


@contextmanager
def _transaction(conn: sqlite3.Connection):
    """One transaction: committed when the block ends, rolled back if it raises."""
    conn.execute("BEGIN")
    try:
        yield
        conn.execute("COMMIT")
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

    A figure that several documents state is cited from the one with the smallest document_id,
    and a figure read from a document replaces one transcribed (records.cited_first).
    Within a batch the rows come smallest document first (pipeline._combined), so a plain
    insert that skips held keys keeps the right one; only keys held from before (`held`, found
    when the batch was checked) can need the citation moved. An upsert on every row would
    decide the same, at a third more of publishing's time.
    """
    if not rows:
        return
    names = list(columns(table))
    key = ROW_KEYS[table]
    insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    # every row holds every column (toolkit/rows.py builds them all): no default is looked up
    values = map(itemgetter(*names), rows)
    if table not in SMALLEST_DOCUMENT_WINS:
        update = ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
        conn.executemany(f"{insert} ON CONFLICT({key}) DO UPDATE SET {update}", values)
        return
    conn.executemany(f"{insert} ON CONFLICT({key}) DO NOTHING", values)
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
