"""multiforce's Datasette plugin: the canned queries from queries/*.sql, the bundled metadata
for every multiforce database whatever its file is called, and `fts_query()` in SQL.

Registered through the `datasette` entry point in pyproject.toml, so `multiforce serve` and
plain `datasette` on an installed multiforce both load it.
"""

import copy
import weakref

from datasette import hookimpl
from datasette.plugins import pm

from ..store.files import is_multiforce
from . import fts
from .metadata import metadata_for
from .queries import canned_queries as bundled_queries


class _Served:
    """What the plugin knows of one Datasette instance: which of its databases are
    multiforce's (each looked at once) and the metadata for them (built once: Datasette asks
    for metadata hundreds of times a page, once for every cell a plugin may render)."""

    def __init__(self):
        self.recognised: dict[str, tuple[object, bool]] = {}
        self.metadata: dict[tuple[tuple[str, ...], bool], dict] = {}


_served: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def multiforce_databases(datasette) -> list[str]:
    """The names of the served databases that are multiforce's, in the order served."""
    return [name for name, ours in served_databases(datasette) if ours]


def served_databases(datasette) -> list[tuple[str, bool]]:
    """Each served database's name, in the order served, and whether it is multiforce's."""
    recognised = _served.setdefault(datasette, _Served()).recognised
    names = []
    for name, database in list(datasette.databases.items()):
        if database.is_memory or name.startswith("_"):
            continue
        if name not in recognised or recognised[name][0] is not database:
            conn = database.connect()
            try:
                recognised[name] = (database, is_multiforce(conn))
            finally:
                conn.close()
        names.append((name, recognised[name][1]))
    return names


@hookimpl
def startup(datasette):
    # A query file with a bad header stops the server at once, naming the file, rather than
    # failing on the first page that lists the queries.
    bundled_queries()


@hookimpl
def get_metadata(datasette, key, database, table):
    served = served_databases(datasette)
    names = tuple(name for name, ours in served if ours)
    if not names:
        return None
    key = (names, len(names) < len(served))
    built = _served[datasette].metadata
    if key not in built:
        built[key] = metadata_for(*key)
    # Datasette merges every source of metadata into the first one's dictionaries. Within one
    # instance that only writes back the same values; another plugin's metadata could vary, so
    # it gets a copy to merge into.
    if len(pm.hook.get_metadata.get_hookimpls()) > 1:
        return copy.deepcopy(built[key])
    return built[key]


@hookimpl
def canned_queries(datasette, database):
    if database in multiforce_databases(datasette):
        return {name: query.for_datasette() for name, query in bundled_queries().items()}
    return None


@hookimpl
def prepare_connection(conn):
    fts.register(conn)
