"""Every canned query opens with its parameters empty, typed as a user would, or hostile, and
answers (HTTP 200, no error); full-text input is escaped unless raw syntax is asked for.

The queries come from multiforce's Datasette plugin (toolkit/serving/queries/*.sql), loaded by
Datasette from the entry point, whatever the database file is called.
"""

import asyncio
import html
import sqlite3
import urllib.parse

import pytest
from datasette.app import Datasette
from multiforce.toolkit.errors import MultiforceError
from multiforce.toolkit.serving import SETTINGS, canned_queries, example_parameters
from multiforce.toolkit.serving.fts import fts_query, quoted_terms
from multiforce.toolkit.serving.queries import parse

QUERIES = sorted(canned_queries())
HOSTILE = {
    "double quote": '"',
    "three quotes": '"""',
    "unbalanced phrase": 'kiosk "ident1',
    "single quote": "it's",
    "SQL": "'; DROP TABLE observations; --",
    "parentheses": "((kiosk) OR (",
    "NEAR": "NEAR(kiosk ident1, 5",
    "operators alone": "AND OR NOT",
    "star": "*",
    "prefix": "kio*",
    "column filter": "text: {filename text}: -kiosk ^x",
    "colon parameter": ":technology",
    "nul": "kiosk\x00ident1",
    "unicode": "éàü 漢字 🙂 ŉ",
    "very long": "kiosk " * 500 + "x" * 2000,  # 5,000 characters: a URL servers accept
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A built database under a name the metadata does not use, and a request function."""
    from click.testing import CliRunner
    from multiforce.toolkit.cli import main

    db = tmp_path_factory.mktemp("served") / "any-name.db"
    result = CliRunner().invoke(main, ["build", "--db", str(db)])
    assert result.exit_code == 0, result.output
    datasette = Datasette(immutables=[str(db)], settings=SETTINGS)

    def get(path, **parameters):
        query = urllib.parse.urlencode(parameters)
        return asyncio.run(datasette.client.get(f"{path}?{query}" if query else path))

    return db, get


def assert_answers(get, name, parameters):
    """The query's page and its JSON: HTTP 200 and no error."""
    page = get(f"/any-name/{name}", **parameters)
    assert page.status_code == 200, page.text[:800]
    assert "message-error" not in page.text, page.text[:800]
    answer = get(f"/any-name/{name}.json", _shape="objects", **parameters)
    assert answer.status_code == 200 and answer.json()["ok"], answer.text[:800]
    return answer.json()["rows"]


@pytest.mark.parametrize("name", QUERIES)
def test_opened_with_no_parameters_the_query_shows_its_form(served, name):
    _, get = served
    page = get(f"/any-name/{name}")
    assert page.status_code == 200, page.text[:800]
    assert "message-error" not in page.text
    assert canned_queries()[name].title in page.text
    for parameter in canned_queries()[name].parameters:
        assert f'name="{parameter.name}"' in page.text  # its input in the form
        assert parameter.description in html.unescape(page.text)


@pytest.mark.parametrize("name", QUERIES)
def test_the_headers_example_answers(served, name):
    _, get = served
    rows = assert_answers(get, name, example_parameters().get(name, {}))
    assert rows, f"{name}: the header's example finds nothing"


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
@pytest.mark.parametrize("name", [n for n in QUERIES if canned_queries()[n].parameters])
def test_any_text_typed_answers_without_error(served, name, hostile):
    _, get = served
    parameters = {p.name: hostile for p in canned_queries()[name].parameters}
    assert_answers(get, name, parameters)
    if "raw" in parameters:
        assert_answers(get, name, {**parameters, "raw": "yes"})


def test_search_quotes_each_word(served):
    _, get = served
    # Unquoted, `kiosk -` and `kiosk (` are FTS syntax errors; quoted, they find the kiosk.
    for typed in ("kiosk -", "kiosk (", 'kiosk"'):
        rows = assert_answers(get, "search_documents", {"q": typed})
        assert rows and all("[kiosk]" in row["passage"].lower() for row in rows), typed
    # Words are all required: a word no document holds finds nothing.
    assert not assert_answers(get, "search_documents", {"q": "kiosk zzzyzzx"})


def test_raw_search_reads_fts_syntax(served):
    _, get = served
    either = assert_answers(get, "search_documents", {"q": "kiosk OR zzzyzzx", "raw": "yes"})
    assert either and all("[kiosk]" in row["passage"].lower() for row in either)
    # As words, OR is one more word to find: no document holds all three.
    assert not assert_answers(get, "search_documents", {"q": "kiosk OR zzzyzzx"})
    prefix = assert_answers(get, "search_documents", {"q": "kios*", "raw": "yes"})
    assert prefix and "[kiosk" in prefix[0]["passage"].lower()


def test_fts_query_quotes_words_and_keeps_valid_raw_syntax():
    assert quoted_terms('kiosk "a phrase" NEAR(x') == '"kiosk" "a phrase" "NEAR(x"'
    assert quoted_terms("") == quoted_terms('"') == quoted_terms("  ") == '""'
    assert fts_query("a OR b", "yes") == "a OR b"
    assert fts_query("a OR b", "") == '"a" "OR" "b"'
    assert fts_query("a OR (", "yes") == '"a" "OR" "("'  # not valid syntax: searched as words
    assert fts_query("filename:a", "yes", ("filename", "text")) == "filename:a"
    assert fts_query("other:a", "yes", ("filename", "text")) == '"other:a"'


def test_the_queries_and_metadata_follow_any_database_name(served):
    db, get = served
    database = get("/any-name.json").json()
    assert [query["name"] for query in database["queries"]] == QUERIES
    table = get("/any-name/observations.json", _size="0").json()
    assert "facets" not in table or table  # the table loads
    metadata = get("/-/metadata.json").json()
    assert list(metadata["databases"]) == ["any-name"]
    assert metadata["databases"]["any-name"]["tables"]["observations"]["description"]


def test_a_database_that_is_not_multiforces_gets_nothing(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE birds (name TEXT)").connection.commit()

    async def fetch():
        datasette = Datasette(immutables=[str(other)])
        return (
            (await datasette.client.get("/other.json")).json(),
            (await datasette.client.get("/-/metadata.json")).json(),
        )

    database, metadata = asyncio.run(fetch())
    assert database["queries"] == [] and metadata == {}


def test_a_database_served_beside_is_not_labelled_as_multiforces(served, tmp_path):
    db, _ = served
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE birds (name TEXT)").connection.commit()

    async def fetch():
        datasette = Datasette(immutables=[str(db), str(other)], settings=SETTINGS)
        paths = ("/other", "/other/birds", "/any-name", "/any-name/observations?_size=1")
        return [(await datasette.client.get(path)).text for path in paths]

    other_page, birds, ours, observations = asyncio.run(fetch())
    licence = "Open Government Licence"
    assert licence not in other_page and licence not in birds
    assert "Freedom of Information responses" not in birds
    assert licence in ours and licence in observations


def write_query(tmp_path, text):
    path = tmp_path / "q.sql"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_query_file_reads_its_header(tmp_path):
    query = parse(
        write_query(
            tmp_path,
            "-- title: Forces by name\n-- description: Each force.\n-- parameters:\n"
            "--   country:\n--     description: England or Wales\n--     example: Wales\n"
            "SELECT name FROM forces WHERE country = :country AND name != 'x:y'\n",
        )
    )
    served = query.for_datasette()
    assert (query.name, served["title"], served["params"]) == ("q", "Forces by name", ["country"])
    assert "England or Wales" in served["description_html"]
    assert served["sql"] == "SELECT name FROM forces WHERE country = :country AND name != 'x:y'"


@pytest.mark.parametrize(
    "text,said",
    [
        ("SELECT 1 WHERE :x\n", "no title"),
        ("-- title: T\n-- description: D\nSELECT :x\n", "describes []"),
        (
            "-- title: T\n-- description: D\n-- parameters:\n--   y:\n--     description: Y\n"
            "SELECT :x\n",
            "names the parameters ['x']",
        ),
        ("-- title: a: b: c\n-- description: D\nSELECT 1\n", "not valid YAML"),
    ],
)
def test_a_query_file_with_a_bad_header_is_named_in_one_clear_error(tmp_path, text, said):
    path = write_query(tmp_path, text)
    with pytest.raises(MultiforceError, match="q.sql") as error:
        parse(path)
    assert said in str(error.value)


def test_the_datasette_page_lists_every_canned_query():
    from conftest import ROOT

    page = (ROOT / "docs" / "datasette.md").read_text(encoding="utf-8")
    for name in canned_queries():
        assert f"| `{name}` |" in page, f"docs/datasette.md: add a row for the query {name}"


def test_metadata_given_to_datasette_wins_over_the_bundled(served):
    db, _ = served
    mine = {"title": "Our campaign", "databases": {"any-name": {"description": "Ours"}}}

    async def fetch():
        datasette = Datasette(immutables=[str(db)], metadata=mine)
        pages = [await datasette.client.get("/-/metadata.json") for _ in range(2)]
        return [page.json() for page in pages]

    for metadata in asyncio.run(fetch()):
        assert metadata["title"] == "Our campaign"
        database = metadata["databases"]["any-name"]
        assert database["description"] == "Ours"
        assert database["tables"]["observations"]["description"]  # the bundled, beneath
