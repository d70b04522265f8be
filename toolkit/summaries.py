"""Summary tables: the rows of views too slow to compute on every page view at a million figures,
written at the end of every publish.

Each summary is derived: rebuilt from the stored rows by every publish (never edited by hand,
never ingested), with exactly the rows of the view it accelerates (a test compares them). The
canned queries and the dashboard read the summaries; the views stay, as their definition. In a
small database, where the views themselves are quick, each summary is a view of its view:
there is nothing to write.

Every row of a summary is one force's, computed from that force's rows and the rows of its
responses, and the same whatever order they are read in (a test computes each force's rows
alone). A publish that changes the rows of a few forces (an ingest of a few documents)
computes those forces' rows again, from a copy of the rows they are computed from, and puts
them in place of their old ones; any other publish, or one whose database holds summaries made
by other definitions (an upgrade) or another register of forces, rebuilds every summary whole.
"""

import json
import os
import re
import sqlite3
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .store.digests import stamp
from .views import VIEWS, outcome_cells_sql, outcome_matrix_sql, with_request_cells
from .workers import default_jobs, in_order

# Each force's topics, a few index seeks each (a loose index scan: no pass over every outcome:
# the next topic within the measure, else the technology, else the force, else the next force), and
# for each the first of the force's responses, newest first, that asked it: the view ranks
# every response instead. Both give rank 1 to the same response (a test holds them equal).
_LATEST_BY_SEEKING = """topics(force_id, technology, measure, breakdown) AS (
    SELECT * FROM (SELECT force_id, technology, measure, breakdown FROM outcomes
                   ORDER BY force_id, technology, measure, breakdown LIMIT 1)
    UNION ALL
    SELECT o.force_id, o.technology, o.measure, o.breakdown
    FROM topics t JOIN outcomes o ON o.rowid = coalesce(
        (SELECT rowid FROM outcomes WHERE force_id = t.force_id AND technology = t.technology
           AND measure = t.measure AND breakdown > t.breakdown ORDER BY breakdown LIMIT 1),
        (SELECT rowid FROM outcomes WHERE force_id = t.force_id AND technology = t.technology
           AND measure > t.measure ORDER BY measure, breakdown LIMIT 1),
        (SELECT rowid FROM outcomes WHERE force_id = t.force_id AND technology > t.technology
           ORDER BY technology, measure, breakdown LIMIT 1),
        (SELECT rowid FROM outcomes WHERE force_id > t.force_id
           ORDER BY force_id, technology, measure, breakdown LIMIT 1))),
found AS (
    SELECT t.*, k.compiled, (
        SELECT r.response_id FROM response_recency_summary r
        WHERE r.force_id = t.force_id AND r.compiled = k.compiled
          AND EXISTS (SELECT 1 FROM outcomes o WHERE o.response_id = r.response_id
                      AND o.technology = t.technology AND o.measure = t.measure
                      AND o.breakdown = t.breakdown)
        ORDER BY r.recency DESC, r.reference DESC, r.response_id DESC LIMIT 1) AS response_id
    FROM topics t, (SELECT 0 AS compiled UNION ALL SELECT 1) k),
latest AS (
    SELECT f.*, r.source_kind, 1 AS rank
    FROM found f JOIN response_recency_summary r ON r.response_id = f.response_id)"""

# Indexes on the stored tables that the summaries are built with (besides the outcomes' by
# force and topic: store/schema.py), and that the dashboard's queries read in order, stopping
# at the rows they show
INDEXES = {
    "observations": [
        ("measure", "period_start"),
        ("unit", "measure"),
        # match_rates finds each period's uses beside its matches from the index alone
        (
            "response_id",
            "technology",
            "measure",
            "breakdown",
            "period_start",
            "period_end",
            "value",
        ),
    ],
    "responses": [("force_id", "source_kind")],
}
# summary table -> (the SELECT that fills it, the view it must equal, its indexes). A summary may
# read one listed before it. They are computed a few at a time in this order (`_chains`),
# the dearest first, so that the last to start is a quick one: at a million figures,
# technology_evidence took 1.6 s, scanner_searches_and_matches 1.1, scanner_totals_by_force
# 0.8 and response_recency with outcome_cells 0.75.
SUMMARIES = {
    "technology_evidence_summary": (
        "SELECT * FROM technology_evidence",
        "technology_evidence",
        [("technology", "force_name")],
    ),
    "scanner_searches_and_matches_summary": (
        "SELECT * FROM scanner_searches_and_matches",
        "scanner_searches_and_matches",
        [("force_name", "period_start")],
    ),
    "scanner_totals_by_force_summary": (
        "SELECT * FROM scanner_totals_by_force",
        "scanner_totals_by_force",
        [("force_name",)],
    ),
    "response_recency_summary": (
        "SELECT * FROM response_recency",
        "response_recency",
        [("force_id", "compiled", "recency", "reference", "response_id"), ("response_id",)],
    ),
    "outcome_cells_summary": (
        outcome_cells_sql(_LATEST_BY_SEEKING),
        "outcome_cells",
        [("force_id", "technology", "source")],
    ),
    "matrix_cells_summary": (
        with_request_cells("outcome_cells_summary"),
        "matrix_cells",
        [],
    ),
    "outcome_matrix_summary": (
        outcome_matrix_sql("outcome_cells_summary"),
        "outcome_matrix",
        [],
    ),
}
# From how many figures and outcomes the summaries are tables. Below it the views are quick enough
# to read on every page: on the benchmark's machine the slowest canned query, outcome_matrix,
# which reads outcome_cells three times, took 100 ms at 8,800 rows and 180 ms at 18,300.
SUMMARY_TABLES_FROM = 10_000
# Summaries that show the requests as they stand on the day they are read (a request falls
# overdue without any publish): views over the other summaries, never tables themselves.
LIVE = {"matrix_cells_summary", "outcome_matrix_summary"}
# Up to how many forces reached by a publish their rows alone are computed again
# (`_rewrite_forces`), rather than every summary whole. At a million figures, in the page cache,
# one force's rows took 0.33 s, 4 forces' 1.2 s, 8 forces' 2.5 s, and every summary whole 1.65 s.
REWRITE_FORCES_UP_TO = 4
# The stored rows a summary is computed from, and the register of forces they name
_COMPUTED_FROM = ("responses", "observations", "outcomes")
_READ = ("forces", *_COMPUTED_FROM)
# The indexes the summaries of a few forces are computed with: outcome_cells' seeking of each
# topic, then of each response's outcomes. The other summaries read so few rows that sorting
# them is quicker than indexing them: with every index of the file, two forces' summaries took
# 0.43 s at a million figures, with these 0.19 s, with none 0.42 s.
_SEEKING = (
    ("outcomes", ("force_id", "technology", "measure", "breakdown")),
    ("outcomes", ("response_id",)),
)


@dataclass
class Touched:
    """What a publish changed in its copy of the published database: the rows of these
    responses, which were and are of these forces (`add`, asked before each change and at the
    end); and the published file as it was copied (`copied`), which holds the rest. Every
    change to the rows a summary reads goes through `Publication.forget` or `write`, which
    tell it (a campaign's writes change only the campaign's tables)."""

    published: Path
    responses: set[str] = field(default_factory=set)
    forces: set[str] = field(default_factory=set)
    published_as: list[int] | None = None

    def copied(self) -> None:
        """The published file is being copied now: what it is, to be found unchanged at the end."""
        self.published_as = _identity(self.published)

    def add(self, conn: sqlite3.Connection, responses=(), documents=()) -> None:
        """These responses, and those of these documents, and the forces of their rows as they
        now stand in the copy."""
        found = conn.execute(
            "WITH touched(response_id) AS (SELECT value FROM json_each(?) UNION SELECT "
            "response_id FROM documents WHERE document_id IN (SELECT value FROM json_each(?)))"
            " SELECT 'response', response_id FROM touched"
            + "".join(
                f" UNION SELECT 'force', force_id FROM {table} WHERE response_id IN touched"
                for table in _COMPUTED_FROM
            ),
            (json.dumps(list(responses)), json.dumps(list(documents))),
        ).fetchall()
        self.responses.update(name for kind, name in found if kind == "response")
        self.forces.update(name for kind, name in found if kind == "force")


def write_summaries(
    conn: sqlite3.Connection,
    meanwhile: tuple[str, ...] = (),
    jobs: int | None = None,
    touched: Touched | None = None,
) -> None:
    """Rebuild every summary from the stored rows: tables from SUMMARY_TABLES_FROM figures and
    outcomes, views of their views below it (and the LIVE summaries' views); or, where a
    publish `touched` the rows of a few forces, those forces' rows of each table. What the
    connection has not yet committed is committed first: the summaries read the stored rows.
    The `meanwhile` statements run on the connection while every summary is computed (on
    `jobs` processes, or as many as cores), or after a few forces' rows are, and take effect
    with them."""
    tables = rows_at_least(conn, SUMMARY_TABLES_FROM)
    indexed = [(table, columns) for table, indexes in INDEXES.items() for columns in indexes]
    for table, columns in indexed:
        conn.execute(_create_index(table, columns))
    if conn.in_transaction:
        conn.commit()

    if tables and touched is not None and _rewritable(conn, touched):
        _rewrite_forces(conn, touched, meanwhile)
        return
    computed = {}
    chains = _chains() if tables else []
    for chain in in_order(
        partial(_compute, _file_of(conn)),
        chains,
        default_jobs() if jobs is None else jobs,
        chunk=1,
        meanwhile=partial(_begin, conn, meanwhile),  # once the workers are forked
    ):
        computed.update(chain)
    for table, (select, view, indexes) in SUMMARIES.items():
        held = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (table,)).fetchall()
        for (kind,) in held:
            conn.execute(f"DROP {kind} [{table}]")  # as the last publish made it: table or view
        if table not in computed:
            read = select if table in LIVE else f"SELECT * FROM [{view}]"
            conn.execute(f"CREATE VIEW [{table}] AS {read}")
            continue
        definition, rows = computed[table]
        conn.execute(definition)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            conn.executemany(f"INSERT INTO [{table}] VALUES ({marks})", rows)
        for columns in indexes:
            conn.execute(_create_index(table, columns))
        conn.execute(f"ANALYZE [{table}]")  # the planner's statistics, for the pages that read it
    # and for the pages that read the indexes made first: analysed only now, so the summaries
    # were computed without their statistics, as before (a build makes them after its own)
    for table, columns in indexed:
        conn.execute(f"ANALYZE [{_index(table, columns)}]")
    conn.execute(f"PRAGMA user_version = {_made_by(conn)}")
    conn.execute("RELEASE summaries")


def _begin(conn: sqlite3.Connection, meanwhile: tuple[str, ...]) -> None:
    """The transaction the summaries are written in, with the `meanwhile` statements."""
    conn.execute("SAVEPOINT summaries")
    for statement in meanwhile:
        conn.execute(statement)


def _made_by(conn: sqlite3.Connection) -> int:
    """What the summaries are made by: their definitions, the views and indexes they read, the
    tables they are computed from and the register of forces, in the 31 bits of the database's
    user_version; never 0, which a database made by an earlier version holds."""
    forces = conn.execute("SELECT * FROM forces ORDER BY force_id").fetchall()
    made_by = repr((SUMMARIES, INDEXES, VIEWS, _definitions(conn, "main"), forces))
    return zlib.crc32(made_by.encode()) & 0x7FFFFFFF or 1


def _rewritable(conn: sqlite3.Connection, touched: Touched) -> bool:
    """Whether the summaries of the last publish, tables all, were made as this one would
    make them; the publish reached few enough forces to compute their rows alone; and the
    published file, which holds the rows it did not change, is as it was copied."""
    if len(touched.forces) > REWRITE_FORCES_UP_TO:
        return False
    if touched.published_as is None or touched.published_as != _identity(touched.published):
        return False
    (made_by,) = conn.execute("PRAGMA user_version").fetchone()
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    tables = all(kinds.get(table) == "table" for table in SUMMARIES if table not in LIVE)
    return tables and made_by == _made_by(conn)


def _rewrite_forces(conn: sqlite3.Connection, touched: Touched, meanwhile: tuple[str, ...]) -> None:
    """Each summary's rows of the forces touched computed again and put in place of their old
    ones: computed by the same statements as every summary whole, from a copy in memory of the
    rows they read (`_rows_in_memory`)."""
    reader = _rows_in_memory(Path(_file_of(conn)), touched)
    try:
        computed = {}
        for chain in _chains():
            computed.update(_computed(reader, chain))
    finally:
        reader.close()
    forces = json.dumps(sorted(touched.forces))
    _begin(conn, meanwhile)
    for table, (_definition, rows) in computed.items():
        names = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]
        force = names.index("force_id")
        conn.execute(
            f"DELETE FROM [{table}] WHERE force_id IN (SELECT value FROM json_each(?))", (forces,)
        )
        conn.executemany(  # not the rows of other forces' responses read with them
            f"INSERT INTO [{table}] VALUES ({', '.join('?' * len(names))})",
            (row for row in rows if row[force] in touched.forces),
        )
    conn.execute("RELEASE summaries")


def _rows_in_memory(written: Path, touched: Touched) -> sqlite3.Connection:
    """A database in memory holding what the summaries of the forces touched are computed from:
    the register, every row of the forces and of their responses, and the responses those rows
    belong to; with the views, and the indexes that seek in them (`_SEEKING`).

    The responses touched are read from the copy written; the rest from the published file,
    which an ingest finds in the page cache after a build, where the copy, written past it
    (store/copying.py), is read from the disk: at a million figures, one force's rows took 0.7
    to 0.8 s to read from the copy, 0.16 s from the published file. After an ingest, the
    published file is not in the cache either (0.58 s); read on a thread while the copy ran
    (the force named by the first batch), they took 3.5 s, each page waiting behind the copy's
    chunks, and the ingest was 0.1 s quicker at most, so they are read here."""
    reader = sqlite3.connect("file::memory:", uri=True, isolation_level=None)
    try:
        _fill(reader, written, touched)
    except BaseException:
        reader.close()  # and with it the files attached
        raise
    return reader


def _fill(reader: sqlite3.Connection, written: Path, touched: Touched) -> None:
    for name, path in (("published", touched.published), ("written", written)):
        reader.execute(f"ATTACH DATABASE ? AS {name}", (_read_only(path),))
    for _name, sql in _definitions(reader, "written"):
        reader.execute(sql)
    reader.execute("INSERT INTO forces SELECT * FROM written.forces")
    chosen = {
        "forces": json.dumps(sorted(touched.forces)),
        "responses": json.dumps(sorted(touched.responses)),
    }
    unchanged = "response_id NOT IN (SELECT value FROM json_each(:responses))"
    for table in _COMPUTED_FROM:
        reader.execute(
            f"INSERT INTO {table} SELECT * FROM published.{table} "
            f"WHERE force_id IN (SELECT value FROM json_each(:forces)) AND {unchanged}",
            chosen,
        )
        reader.execute(
            f"INSERT INTO {table} SELECT * FROM written.{table} "
            "WHERE response_id IN (SELECT value FROM json_each(:responses))",
            chosen,
        )
    # the rest of the forces' responses' rows, which may be of other forces, then the
    # responses of all the rows, which may be other forces'
    rest = {
        "observations": "SELECT response_id FROM main.responses",
        "outcomes": "SELECT response_id FROM main.responses",
        "responses": "SELECT response_id FROM observations UNION SELECT response_id FROM outcomes",
    }
    for table, responses in rest.items():
        reader.execute(
            f"INSERT OR IGNORE INTO {table} SELECT * FROM published.{table} "
            f"WHERE response_id IN ({responses}) AND {unchanged}",
            chosen,
        )
    for name in ("published", "written"):
        reader.execute(f"DETACH DATABASE {name}")
    for table, columns in _SEEKING:
        reader.execute(_create_index(table, columns))
    for name, sql in VIEWS.items():
        reader.execute(f"CREATE VIEW [{name}] AS {sql}")
    reader.execute("ANALYZE")


def _definitions(conn: sqlite3.Connection, schema: str) -> list[tuple[str, str]]:
    """The CREATE statements of the tables the summaries read, in a schema of the connection."""
    marks = ", ".join("?" * len(_READ))
    return conn.execute(
        f"SELECT name, sql FROM {schema}.sqlite_master WHERE type = 'table' AND name IN ({marks}) "
        "ORDER BY name",
        _READ,
    ).fetchall()


def _identity(path: Path) -> list[int] | None:
    try:
        return stamp(os.stat(path))
    except OSError:
        return None


def _read_only(path: Path | str) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def rows_at_least(
    conn: sqlite3.Connection, count: int, tables=("observations", "outcomes")
) -> bool:
    """Whether the tables hold `count` rows or more between them: counted no further than that (a
    million rows take seconds), and not at all where their largest rowids add up to less (rows
    are numbered from 1, so no table holds more rows than its largest rowid): counting the 9,000
    figures and outcomes of a campaign took 3 ms, a twentieth of its publishing."""
    largest = " + ".join(f"coalesce((SELECT max(rowid) FROM [{table}]), 0)" for table in tables)
    (most,) = conn.execute(f"SELECT {largest}").fetchone()
    if most < count:
        return False
    rows = " UNION ALL ".join(f"SELECT 1 FROM [{table}]" for table in tables)
    (held,) = conn.execute(f"SELECT count(*) >= ? FROM ({rows} LIMIT ?)", (count, count)).fetchone()
    return bool(held)


def _chains() -> list[list[str]]:
    """The summary tables, in the order they are computed on the machine's cores (`_compute`,
    while the connection writing them runs its `meanwhile` statements): a summary reads its
    views over every stored row (a second each at a million figures) and holds few.

    The summaries that read none of the others are computed side by side, each in a worker
    process (toolkit.workers) on a read-only connection of its own; one that reads an earlier
    summary is computed after it on the same connection, which holds the earlier one as a
    temporary table. Processes, not threads: at a million figures, on two cores, the four took
    3.4 to 3.7 s in two threads of this process and 2.4 to 2.8 s in two processes."""
    chains: list[list[str]] = []
    for table in (table for table in SUMMARIES if table not in LIVE):
        reads = [
            chain
            for chain in chains
            if any(re.search(rf"\b{earlier}\b", SUMMARIES[table][0]) for earlier in chain)
        ]
        chains = [chain for chain in chains if chain not in reads]
        chains.append([earlier for chain in reads for earlier in chain] + [table])
    return chains


def _compute(path: str, chain: list[str]) -> dict[str, tuple[str, list[tuple]]]:
    reader = sqlite3.connect(_read_only(path), uri=True)
    try:
        return _computed(reader, chain)
    finally:
        reader.close()


def _computed(reader: sqlite3.Connection, chain: list[str]) -> dict[str, tuple[str, list[tuple]]]:
    """Each summary of the chain, in order: its table's definition, and its rows."""
    reader.execute("PRAGMA temp_store = MEMORY")
    computed = {}
    for table in chain:
        select, _view, indexes = SUMMARIES[table]
        reader.execute(f"CREATE TEMP TABLE [{table}] AS {select}")
        for columns in indexes:  # for the summaries after it in the chain, as in the file
            reader.execute(_create_index(table, columns))
        reader.execute(f"ANALYZE temp.[{table}]")
        (definition,) = reader.execute(
            "SELECT sql FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        computed[table] = (definition, reader.execute(f"SELECT * FROM temp.[{table}]").fetchall())
    return computed


def _file_of(conn: sqlite3.Connection) -> str:
    return next(file for _seq, name, file in conn.execute("PRAGMA database_list") if name == "main")


def _index(table: str, columns) -> str:
    return f"idx_{table}_{'_'.join(columns)}"


def _create_index(table: str, columns) -> str:
    return (
        f"CREATE INDEX IF NOT EXISTS [{_index(table, columns)}] ON [{table}] ({', '.join(columns)})"
    )
