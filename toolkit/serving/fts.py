"""Full-text search input made safe for SQLite FTS5, as Datasette's own table search makes it.

A canned query calls `fts_query(:q, :raw)` (registered on every connection): typed words are
quoted one by one, so no input is ever an FTS syntax error; `raw` asks for FTS5's own syntax,
which is kept only when FTS5 accepts it.
"""

import functools
import re
import sqlite3

RAW_ON = {"yes", "y", "true", "on", "1"}
# A quoted run is a phrase (a missing closing quote ends it at the end of the input); any
# other run of characters without spaces or quotes is a word.
PHRASE_OR_WORD = re.compile(r'"([^"]*)"?|([^\s"]+)')
# FTS5 reads its query as a C string: a NUL would end it mid-quote.
NUL = "\x00"
# Valid syntax that matches nothing: what blank input searches for, so the form opens empty.
NOTHING = '""'


def quoted_terms(text: str | None) -> str:
    """Each word and each "phrase" of TEXT as an FTS5 string, so that none is syntax."""
    terms = []
    for phrase, word in PHRASE_OR_WORD.findall((text or "").replace(NUL, " ")):
        term = (phrase or word).strip()
        if term:
            terms.append(f'"{term}"')
    return " ".join(terms) or NOTHING


def fts_query(text: str | None, raw: str | None = None, columns: tuple[str, ...] = ()) -> str:
    """The MATCH argument for TEXT: its words quoted, or TEXT itself when RAW is yes and TEXT is
    valid FTS5 syntax for a table with COLUMNS (so `filename:word` works)."""
    if str(raw or "").strip().lower() in RAW_ON and text and NUL not in text:
        if _valid_syntax(text, columns or ("text",)):
            return text
    return quoted_terms(text)


@functools.lru_cache(maxsize=512)
def _valid_syntax(text: str, columns: tuple[str, ...]) -> bool:
    """Whether FTS5 parses TEXT, tried on an empty in-memory table with the same columns."""
    probe = sqlite3.connect(":memory:")
    try:
        named = ", ".join('"{}"'.format(column.replace('"', '""')) for column in columns)
        probe.execute(f"CREATE VIRTUAL TABLE probe USING fts5({named})")
        probe.execute("SELECT 1 FROM probe WHERE probe MATCH ?", (text,)).fetchall()
        return True
    except sqlite3.Error:
        return False
    finally:
        probe.close()


def fts_columns(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The columns of every FTS5 table in the database CONN opens."""
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    ).fetchall()
    columns = []
    for (table,) in tables:
        for row in conn.execute("SELECT name FROM pragma_table_info(?)", (table,)):
            if row[0] not in columns:
                columns.append(row[0])
    return tuple(columns)


def register(conn: sqlite3.Connection) -> None:
    """Make `fts_query(text, raw)` callable in SQL on CONN."""
    columns = fts_columns(conn)
    conn.create_function(
        "fts_query",
        2,
        lambda text, raw: fts_query(text, raw, columns),
        deterministic=True,
    )
