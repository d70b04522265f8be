"""Datasette 1.0 moves configuration out of metadata: table settings, plugin settings and any
canned queries go to datasette.yaml, descriptive metadata stays. This splits our one metadata
source into the two files, so moving to 1.0 is a matter of running `multiforce datasette-files`
(multiforce's own canned queries come from its plugin, under 0.65 and 1.0 alike)."""

import copy

SETTINGS_KEYS = {
    "facets",
    "sort",
    "sort_desc",
    "label_column",
    "hidden",
    "size",
    "sortable_columns",
    "fts_table",
    "fts_pk",
    "searchmode",
    "units",
    "facet_size",
    "allow",
    "allow_sql",
}
TOP_LEVEL_CONFIG = {"plugins", "settings", "allow", "allow_sql", "permissions"}


def split(metadata: dict, settings: dict | None = None) -> tuple[dict, dict]:
    """(metadata for 1.0, datasette.yaml content) from a 0.65 metadata dict."""
    described = copy.deepcopy(metadata)
    config: dict = {key: described.pop(key) for key in list(described) if key in TOP_LEVEL_CONFIG}
    if settings:
        config["settings"] = {**config.get("settings", {}), **settings}
    for name, database in described.get("databases", {}).items():
        database_config = {}
        if "queries" in database:
            database_config["queries"] = database.pop("queries")
        for table_name, table in database.get("tables", {}).items():
            moved = {key: table.pop(key) for key in list(table) if key in SETTINGS_KEYS}
            if moved:
                database_config.setdefault("tables", {})[table_name] = moved
        if database_config:
            config.setdefault("databases", {})[name] = database_config
    return described, config
