"""The documents' full-text index, made in a file of its own beside the database being written
and then copied into it: a build makes it in a worker process while this one makes the other
indexes, so that the two run on two cores. At a million figures, indexing 35,715 texts took
9 s of CPU, which a build's end otherwise spent on one core after all the rest.

The index is FTS5's, as sqlite-utils' `enable_fts` makes it, with its triggers. Its rows are
copied as they are into its shadow tables (`documents_fts_data` and the others): a copy of
blobs, not a second reading of the texts.
"""

import sqlite3
from pathlib import Path

import sqlite_utils

from . import files
from .schema import FULL_TEXT

TABLE = "documents"
INDEX = f"{TABLE}_fts"
CHUNK = 500  # documents read at a time, each read a short transaction (see `build`)
# How long a read of the database may wait for the writer to finish a commit (it waits only
# while the writer holds the file: a commit of an index's pages).
WAIT_SECONDS = 600.0


def made_path(db_path: Path) -> Path:
    """Where `build` makes the index of the database at `db_path`."""
    return db_path.with_name(db_path.name + "-fulltext")


def missing(conn: sqlite3.Connection) -> bool:
    return not sqlite_utils.Database(conn, execute_plugins=False)[TABLE].detect_fts()


def build(db_path: Path) -> Path:
    """The full-text index of the documents in the database at `db_path`, made in a file of its
    own (`made_path`), with the tables and triggers that the database needs to hold it.

    The database is being written meanwhile (its other indexes are being made): it is read a
    few hundred documents at a time, each read in a transaction of its own, so that the writer
    waits for one of them at most, never for the whole indexing."""
    made = made_path(db_path)
    made.unlink(missing_ok=True)
    source = files.connect_read_only(db_path, timeout=WAIT_SECONDS)
    target = sqlite3.connect(made, isolation_level=None)
    try:
        for pragma in ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF"):
            target.execute(pragma)
        db = sqlite_utils.Database(target, execute_plugins=False)
        db[TABLE].create(dict.fromkeys(FULL_TEXT, str))  # a stand-in: no rows, the same columns
        db[TABLE].enable_fts(FULL_TEXT, create_triggers=True)
        columns = ", ".join(f"[{column}]" for column in FULL_TEXT)
        read = f"SELECT rowid, {columns} FROM [{TABLE}] WHERE rowid > ? ORDER BY rowid LIMIT ?"
        marks = ", ".join("?" * (len(FULL_TEXT) + 1))
        write = f"INSERT INTO [{INDEX}] (rowid, {columns}) VALUES ({marks})"
        target.execute("BEGIN")
        last = -(2**63)
        while rows := source.execute(read, (last, CHUNK)).fetchall():
            target.executemany(write, rows)
            last = rows[-1][0]
        target.execute("COMMIT")
    finally:
        source.close()
        target.close()
    return made


def take(db_path: Path, made: Path, pragmas: tuple[str, ...] = ()) -> None:
    """Put the index that `build` made into the database at `db_path`, in one transaction, and
    remove its file.

    A connection of its own does it: FTS5 holds an index's layout in memory, and the layout
    written here behind its back must not meet one it read before."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        for pragma in pragmas:
            conn.execute(pragma)
        conn.execute("ATTACH DATABASE ? AS made", (str(made),))
        schema = conn.execute(
            "SELECT sql FROM made.sqlite_master "
            "WHERE name = ? OR type = 'trigger' ORDER BY type = 'trigger', name",
            (INDEX,),
        ).fetchall()
        conn.execute("BEGIN")
        for (sql,) in schema:
            conn.execute(sql)  # the index's table (with its empty shadow tables), its triggers
        shadows = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM made.sqlite_master WHERE type = 'table' AND name LIKE ? "
                "ESCAPE '\\' ORDER BY name",
                (f"{INDEX}\\_%",),
            )
        ]
        for shadow in shadows:
            conn.execute(f"DELETE FROM main.[{shadow}]")
            conn.execute(f"INSERT INTO main.[{shadow}] SELECT * FROM made.[{shadow}]")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE made")
    finally:
        conn.close()
    made.unlink(missing_ok=True)
