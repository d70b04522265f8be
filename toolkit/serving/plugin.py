"""multiforce's Datasette plugin: the canned queries from queries/*.sql, the bundled metadata
for every multiforce database whatever its file is called, and `fts_query()` in SQL.

Registered through the `datasette` entry point in pyproject.toml, so `multiforce serve` and
plain `datasette` on an installed multiforce both load it.
"""

import weakref

from datasette import hookimpl

from . import fts
from .metadata import is_multiforce, metadata_for
from .queries import canned_queries as bundled_queries

# For each Datasette instance, database name -> (the Database object, whether it is ours),
# so a database is looked at once, not on each of the many metadata lookups of a page.
_recognised: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def multiforce_databases(datasette) -> list[str]:
    """The names of the served databases that are multiforce's, in the order served."""
    known = _recognised.setdefault(datasette, {})
    names = []
    for name, database in list(datasette.databases.items()):
        if database.is_memory or name.startswith("_"):
            continue
        if name not in known or known[name][0] is not database:
            conn = database.connect()
            try:
                known[name] = (database, is_multiforce(conn))
            finally:
                conn.close()
        if known[name][1]:
            names.append(name)
    return names


@hookimpl
def startup(datasette):
    # A query file with a bad header stops the server at once, naming the file, rather than
    # failing on the first page that lists the queries.
    bundled_queries()


@hookimpl
def get_metadata(datasette, key, database, table):
    names = multiforce_databases(datasette)
    return metadata_for(names) if names else None


@hookimpl
def canned_queries(datasette, database):
    if database in multiforce_databases(datasette):
        return {name: query.for_datasette() for name, query in bundled_queries().items()}
    return None


@hookimpl
def prepare_connection(conn):
    fts.register(conn)
