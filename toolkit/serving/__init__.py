"""Datasette, read-only (immutable), with multiforce's plugin (plugin.py) giving the metadata,
the canned queries (queries/*.sql) and safe full-text search (fts.py)."""

from pathlib import Path

from .metadata import METADATA_FILE, bundled_metadata, dashboard_queries, metadata_for
from .queries import canned_queries, example_parameters

__all__ = [
    "METADATA_FILE",
    "SETTINGS",
    "bundled_metadata",
    "canned_queries",
    "check_database",
    "dashboard_queries",
    "datasette_arguments",
    "example_parameters",
    "metadata_for",
]

# Facet suggestions are off: Datasette looks for them with a query a column, each of which runs
# the page's query again, so that a view's page took 1 to 2 s at a campaign's size (48 forces),
# 0.1 to 0.4 s without them (benchmarks/browsing.py). The facets the metadata sets are shown.
SETTINGS = {
    "sql_time_limit_ms": 3000,
    "max_returned_rows": 2000,
    "allow_download": False,
    "suggest_facets": False,
}


def check_database(db: Path) -> None:
    """Datasette's own error for a file that is not SQLite is a traceback: say it plainly."""
    with open(db, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        from ..errors import MultiforceError

        raise MultiforceError(
            f"{db}: this is not a SQLite database (it starts {header[:16]!r}). Expected a database "
            "made by `multiforce build` or `multiforce ingest`: check the path."
        )


def datasette_arguments(db: Path, host: str, port: int, get_path: str | None = None) -> list[str]:
    """`datasette serve` arguments for DB: immutable, bounded; the plugin does the rest."""
    command = ["serve", "-i", str(db), "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        setting = ("on" if value else "off") if isinstance(value, bool) else str(value)
        command += ["--setting", name, setting]
    if get_path:
        command += ["--get", get_path]
    return command
