"""The bundled Datasette metadata, given to whichever databases are multiforce's.

datasette-metadata.json describes the database once, under the name `multiforce`; a database
served under any other name (Datasette names it after its file) gets the same description.
"""

import functools
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

# Installed, the metadata sits in the multiforce package folder; in a checkout, at its top.
METADATA_FILE = Path(__file__).resolve().parents[2] / "datasette-metadata.json"
METADATA_DATABASE = "multiforce"
# The tables every multiforce database has had since schema v1: a database holding them all is
# one of ours (a database that lacks one is left alone, without our queries or descriptions).
CORE_TABLES = {"forces", "responses", "documents", "observations", "outcomes"}


@functools.cache
def _bundled_text() -> str:
    return METADATA_FILE.read_text(encoding="utf-8")


def bundled_metadata() -> dict:
    """A fresh copy of datasette-metadata.json (the caller may change it)."""
    return json.loads(_bundled_text())


def metadata_for(names: Iterable[str]) -> dict:
    """The bundled metadata with its database description under each of NAMES, and the
    dashboard's charts querying the first of them."""
    names = list(names)
    metadata = bundled_metadata()
    databases = metadata.get("databases", {})
    described = databases.pop(METADATA_DATABASE, {})
    for name in names:
        databases[name] = json.loads(json.dumps(described)) if len(names) > 1 else described
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in [*dashboard.get("charts", {}).values(), *dashboard.get("filters", {}).values()]:
            if part.get("db") == METADATA_DATABASE and names:
                part["db"] = names[0]
    return metadata


def is_multiforce(conn: sqlite3.Connection) -> bool:
    """Whether the database CONN opens holds multiforce's tables."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    return CORE_TABLES <= tables
