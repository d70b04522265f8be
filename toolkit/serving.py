"""Datasette, read-only (immutable), with the project's metadata named for the database file."""

import json
import tempfile
from pathlib import Path

# Installed, the metadata sits in the multiforce package folder; in a checkout, at its top.
METADATA_FILE = Path(__file__).resolve().parents[1] / "datasette-metadata.json"
METADATA_DATABASE = "multiforce"
# A question for each canned query that takes parameters, as a user would ask it: the tests
# and the benchmark run the queries with these.
EXAMPLE_PARAMETERS = {
    "which_forces_use": {"technology": "mobile_fingerprint_scanner"},
    "measure_by_force_and_year": {"technology": "mobile_fingerprint_scanner", "measure": "uses"},
    "what_did_force_disclose": {"force_id": "metropolitan"},
    "search_documents": {"q": "kiosk"},
}
SETTINGS = {"sql_time_limit_ms": 3000, "max_returned_rows": 2000, "allow_download": False}


def metadata_for(db: Path) -> dict:
    """The bundled metadata, keyed by the database's name as Datasette sees it (the file stem)."""
    metadata = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    name = Path(db).stem
    databases = metadata.get("databases", {})
    if METADATA_DATABASE in databases:
        databases[name] = databases.pop(METADATA_DATABASE)
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in [*dashboard.get("charts", {}).values(), *dashboard.get("filters", {}).values()]:
            if part.get("db") == METADATA_DATABASE:
                part["db"] = name
    return metadata


def check_database(db: Path) -> None:
    """Datasette's own error for a file that is not SQLite is a traceback: say it plainly."""
    with open(db, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        from .errors import MultiforceError

        raise MultiforceError(
            f"{db}: this is not a SQLite database (it starts {header[:16]!r}). Expected a database "
            "made by `multiforce build` or `multiforce ingest`: check the path."
        )


def datasette_arguments(
    db: Path, host: str, port: int, get_path: str | None = None
) -> tuple[list[str], Path]:
    """`datasette` command-line arguments, and the metadata file they name (the caller removes
    it)."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(metadata_for(db), handle)
    command = [
        "serve",
        "-i",
        str(db),
        "--metadata",
        handle.name,
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in SETTINGS.items():
        command += [
            "--setting",
            name,
            ("on" if value else "off") if isinstance(value, bool) else str(value),
        ]
    if get_path:
        command += ["--get", get_path]
    return command, Path(handle.name)
