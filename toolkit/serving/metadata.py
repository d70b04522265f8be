"""The bundled Datasette metadata, given to whichever databases are multiforce's.

datasette-metadata.json describes the database once, under the name `multiforce`; a database
served under any other name (Datasette names it after its file) gets the same description.
"""

import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path

# Installed, the metadata sits in the multiforce package folder; in a checkout, at its top.
METADATA_FILE = Path(__file__).resolve().parents[2] / "datasette-metadata.json"
METADATA_DATABASE = "multiforce"
# The tables every multiforce database has had since schema v1: a database holding them all is
# one of ours (a database that lacks one is left alone, without our queries or descriptions).


@functools.cache
def _bundled_text() -> str:
    return METADATA_FILE.read_text(encoding="utf-8")


def bundled_metadata() -> dict:
    """A fresh copy of datasette-metadata.json (the caller may change it)."""
    return json.loads(_bundled_text())


# What Datasette gives every database and table that does not say its own: with another
# program's database served beside, these stay with multiforce's databases alone.
INHERITED = ("source", "source_url", "license", "license_url", "about", "about_url")


def metadata_for(names: Iterable[str], others_served: bool = False) -> dict:
    """The bundled metadata with its database description under each of NAMES, and the
    dashboard's charts querying the first of them; where `others_served`, none of it is
    inherited by the databases that are not multiforce's."""
    names = list(names)
    metadata = bundled_metadata()
    if others_served:
        for key in INHERITED:
            metadata.pop(key, None)
    databases = metadata.get("databases", {})
    described = databases.pop(METADATA_DATABASE, {})
    for name in names:
        databases[name] = json.loads(json.dumps(described)) if len(names) > 1 else described
    for dashboard in metadata.get("plugins", {}).get("datasette-dashboards", {}).values():
        for part in [*dashboard.get("charts", {}).values(), *dashboard.get("filters", {}).values()]:
            if part.get("db") == METADATA_DATABASE and names:
                part["db"] = names[0]
    return metadata


DASHBOARD = "overview"
# The dashboard's filters as a user first sets them: what the tests and the benchmark run.
DASHBOARD_EXAMPLE = {
    "technology": "mobile_fingerprint_scanner",
    "measure": "uses",
    "campaign": "scanners-arches-extraction-2022",
}
OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)  # datasette-dashboards' optional clause
PARAMETER = re.compile(r":(\w+)")


def dashboard_queries(parameters: dict[str, str]) -> dict[str, str]:
    """Each query the dashboard's page runs ('chart NAME', 'filter NAME') as the page sends
    it with the filters set to `parameters`: an optional clause `[[ ... ]]` kept when every
    parameter it names is set, dropped otherwise."""

    def resolved(match: re.Match) -> str:
        named = PARAMETER.findall(match[1])
        return match[1] if all(parameters.get(name) for name in named) else ""

    dashboard = bundled_metadata()["plugins"]["datasette-dashboards"][DASHBOARD]
    return {
        f"{kind} {name}": OPTIONAL.sub(resolved, part["query"])
        for kind, parts in (("chart", dashboard["charts"]), ("filter", dashboard["filters"]))
        for name, part in parts.items()
        if "query" in part
    }
