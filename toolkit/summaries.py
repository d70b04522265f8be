"""Summary tables: the rows of views too slow to compute on every page view at a million figures,
written at the end of every publish.

Each summary is derived: rebuilt whole from the stored rows by every publish (never edited,
never ingested), with exactly the rows of the view it accelerates (a test compares them). The
canned queries and the dashboard read the summaries; the views stay, as their definition. In a
small database, where the views themselves are quick, each summary is a view of its view:
there is nothing to write.
"""

import re
import sqlite3
from functools import partial
from pathlib import Path

from .views import outcome_cells_sql, outcome_matrix_sql, with_request_cells
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


def write_summaries(
    conn: sqlite3.Connection, meanwhile: tuple[str, ...] = (), jobs: int | None = None
) -> None:
    """Rebuild every summary from the stored rows: tables from SUMMARY_TABLES_FROM figures and
    outcomes, views of their views below it (and the LIVE summaries' views). What the
    connection has not yet committed is committed first: the summaries read the stored rows.
    The `meanwhile` statements run on the connection while the summaries are computed (on
    `jobs` processes, or as many as cores), and take effect with them."""
    tables = rows_at_least(conn, SUMMARY_TABLES_FROM)
    indexed = [(table, columns) for table, indexes in INDEXES.items() for columns in indexes]
    for table, columns in indexed:
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS [{_index(table, columns)}] ON [{table}] "
            f"({', '.join(columns)})"
        )
    if conn.in_transaction:
        conn.commit()

    # Run here once the workers are forked, while they compute (`in_order`'s meanwhile).
    def begin() -> None:
        conn.execute("SAVEPOINT summaries")
        for statement in meanwhile:
            conn.execute(statement)

    computed = {}
    chains = _chains() if tables else []
    for chain in in_order(
        partial(_compute, _file_of(conn)),
        chains,
        default_jobs() if jobs is None else jobs,
        chunk=1,
        meanwhile=begin,
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
            conn.execute(
                f"CREATE INDEX [{_index(table, columns)}] ON [{table}] ({', '.join(columns)})"
            )
        conn.execute(f"ANALYZE [{table}]")  # the planner's statistics, for the pages that read it
    # and for the pages that read the indexes made first: analysed only now, so the summaries
    # were computed without their statistics, as before (a build makes them after its own)
    for table, columns in indexed:
        conn.execute(f"ANALYZE [{_index(table, columns)}]")
    conn.execute("RELEASE summaries")


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
    reader = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True)
    try:
        reader.execute("PRAGMA temp_store = MEMORY")
        computed = {}
        for table in chain:
            select, _view, indexes = SUMMARIES[table]
            reader.execute(f"CREATE TEMP TABLE [{table}] AS {select}")
            for columns in indexes:  # for the summaries after it in the chain, as in the file
                reader.execute(
                    f"CREATE INDEX [{_index(table, columns)}] ON [{table}] ({', '.join(columns)})"
                )
            reader.execute(f"ANALYZE temp.[{table}]")
            (definition,) = reader.execute(
                "SELECT sql FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()
            computed[table] = (
                definition,
                reader.execute(f"SELECT * FROM temp.[{table}]").fetchall(),
            )
        return computed
    finally:
        reader.close()


def _file_of(conn: sqlite3.Connection) -> str:
    return next(file for _seq, name, file in conn.execute("PRAGMA database_list") if name == "main")


def _index(table: str, columns) -> str:
    return f"idx_{table}_{'_'.join(columns)}"
