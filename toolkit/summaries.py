"""Summary tables: the rows of views too slow to compute on every page view at a million figures,
written at the end of every publish.

Each summary is derived: rebuilt whole from the stored rows by every publish (never edited,
never ingested), with exactly the rows of the view it accelerates (a test compares them). The
canned queries and the dashboard read the summaries; the views stay, as their definition.
"""

import sqlite3

from .views import outcome_matrix_sql

# summary table -> (the SELECT that fills it, the view it must equal, its indexes). A summary may
# read one listed before it.
SUMMARIES = {
    "outcome_cells_summary": (
        "SELECT * FROM outcome_cells",
        "outcome_cells",
        [("force_id", "technology", "source")],
    ),
    "outcome_matrix_summary": (
        outcome_matrix_sql("outcome_cells_summary"),
        "outcome_matrix",
        [("force_name",)],
    ),
}


def write_summaries(conn: sqlite3.Connection) -> None:
    """Rebuild every summary table from the stored rows, in the caller's transaction or none."""
    for table, (select, _, indexes) in SUMMARIES.items():
        conn.execute(f"DROP TABLE IF EXISTS [{table}]")
        conn.execute(f"CREATE TABLE [{table}] AS {select}")
        for columns in indexes:
            name = f"idx_{table}_{'_'.join(columns)}"
            conn.execute(f"CREATE INDEX [{name}] ON [{table}] ({', '.join(columns)})")
