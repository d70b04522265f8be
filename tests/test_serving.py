"""`multiforce serve`: localhost by default, the database immutable and read-only, SQL bounded.

Datasette is run here in-process with exactly the settings `serve` passes it.
"""

import asyncio
import hashlib
import subprocess
import sys
import time
import urllib.parse

import pytest
from datasette.app import Datasette
from multiforce.toolkit.commands.serve import serve
from multiforce.toolkit.serving import SETTINGS, datasette_arguments

WRITES = [
    "DELETE FROM observations",
    "UPDATE observations SET value = 0",
    "INSERT INTO forces (force_id) VALUES ('gotham')",
    "DROP TABLE observations",
    "CREATE TABLE evil (x)",
    "ATTACH DATABASE '/tmp/evil.db' AS evil",
    "PRAGMA writable_schema = 1",
    "WITH x AS (SELECT 1) DELETE FROM observations",
    "SELECT 1; DELETE FROM observations",
    "VACUUM",
    "REPLACE INTO forces (force_id) VALUES ('metropolitan')",
]


def get(db, path):
    async def fetch():
        datasette = Datasette(immutables=[str(db)], settings=SETTINGS)
        return await datasette.client.get(path)

    return asyncio.run(fetch())


def sql(db, statement: str, **extra):
    query = urllib.parse.urlencode({"sql": statement, "_shape": "objects", **extra})
    return get(db, f"/{db.stem}.json?{query}")


def fingerprint(db) -> tuple:
    return hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns


def test_serve_listens_on_localhost_by_default():
    host = next(param for param in serve.params if param.name == "host")
    assert host.default == "127.0.0.1"


def test_serve_runs_datasette_immutable_with_time_and_row_limits(tmp_path):
    command = datasette_arguments(tmp_path / "campaign.db", "127.0.0.1", 8001)
    assert command[command.index("-i") + 1] == str(tmp_path / "campaign.db")
    settings = {
        command[i + 1]: command[i + 2] for i, part in enumerate(command) if part == "--setting"
    }
    assert settings == {
        "sql_time_limit_ms": "3000",
        "max_returned_rows": "2000",
        "allow_download": "off",
        "suggest_facets": "off",
    }
    assert "--host" in command and command[command.index("--host") + 1] == "127.0.0.1"
    # The metadata and queries come from the plugin: no file is written for Datasette.
    assert "--metadata" not in command and "-m" not in command


def test_a_page_shows_the_facets_its_metadata_sets_and_suggests_none(built_db):
    # each suggestion would run the page's query again, once for every column
    body = get(built_db, f"/{built_db.stem}/observations.json?_extra=suggested_facets").json()
    assert body["suggested_facets"] == []
    assert {"technology", "measure"} <= set(body["facet_results"])


@pytest.mark.parametrize("statement", WRITES)
def test_a_write_through_the_sql_page_is_refused(built_db, statement):
    before = fingerprint(built_db)
    rows = get(built_db, f"/{built_db.stem}/observations.json?_size=0").json()[
        "filtered_table_rows_count"
    ]
    response = sql(built_db, statement)
    assert response.status_code in (400, 403), response.text
    assert response.json()["ok"] is False
    assert (
        get(built_db, f"/{built_db.stem}/observations.json?_size=0").json()[
            "filtered_table_rows_count"
        ]
        == rows
    )
    assert fingerprint(built_db) == before


def test_returned_rows_are_capped(built_db):
    response = sql(
        built_db,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 5000) "
        "SELECT i FROM n",
    )
    body = response.json()
    assert (
        response.status_code == 200
        and len(body["rows"]) == SETTINGS["max_returned_rows"]
        and body["truncated"]
    )


def test_a_slow_query_is_stopped(built_db):
    started = time.monotonic()
    response = sql(
        built_db,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
    )
    assert response.status_code == 400 and "took too long" in response.text
    assert time.monotonic() - started < SETTINGS["sql_time_limit_ms"] / 1000 + 10


def test_the_database_file_cannot_be_downloaded(built_db):
    assert get(built_db, f"/{built_db.stem}.db").status_code in (403, 404)


def test_the_serve_command_itself_refuses_writes_and_downloads(built_db):
    before = fingerprint(built_db)
    for path in (
        f"/{built_db.stem}.json?" + urllib.parse.urlencode({"sql": "DELETE FROM observations"}),
        f"/{built_db.stem}.db",
    ):
        result = subprocess.run(
            [sys.executable, "-m", "multiforce.toolkit", "serve", str(built_db), "--get", path],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Forbidden" in result.stdout or "Statement must be a SELECT" in result.stdout, (
            result.stdout[:500]
        )
    assert fingerprint(built_db) == before


def test_stopping_serve_stops_the_server(built_db):
    """Datasette runs inside `multiforce serve`: stopping it leaves no server behind."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "multiforce.toolkit", "serve", str(built_db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
    server.terminate()
    server.wait(timeout=20)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_plain_datasette_gets_the_plugin(built_db):
    """Installed, multiforce is a Datasette plugin: `datasette DB` has the same queries and
    descriptions as `multiforce serve DB`, however the file is named."""
    import json

    from multiforce.toolkit.serving import canned_queries

    datasette = [sys.executable, "-m", "datasette", str(built_db), "--get"]
    plugins = subprocess.run(
        [*datasette, "/-/plugins.json"], capture_output=True, text=True, timeout=120
    )
    assert "multiforce" in {plugin["name"] for plugin in json.loads(plugins.stdout)}
    database = subprocess.run(
        [*datasette, f"/{built_db.stem}.json"], capture_output=True, text=True, timeout=120
    )
    queries = {query["name"]: query for query in json.loads(database.stdout)["queries"]}
    assert set(queries) == set(canned_queries())
    assert queries["search_documents"]["title"] == canned_queries()["search_documents"].title
