"""The canned queries: one `.sql` file each in queries/, its header a YAML comment block.

    -- title: Which forces use a technology?
    -- description: What the query answers, in a sentence or two.
    -- parameters:
    --   technology:
    --     description: What to type, and the values it takes.
    --     example: mobile_fingerprint_scanner

The file's name is the query's name (its URL); the SQL follows the header. Every parameter
the SQL names (`:technology`) is described in the header, and only those.
"""

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import MultiforceError

QUERIES_FOLDER = Path(__file__).with_name("queries")
HEADER_LINE = re.compile(r"^--(?: |$)")
# A named parameter, as Datasette finds them: not a `::` cast, not inside a string.
PARAMETER = re.compile(r"(?<![:\w]):(\w+)")
STRING = re.compile(r"'(?:[^']|'')*'")


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    example: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sql: str

    def for_datasette(self) -> dict:
        """The query as Datasette's canned_queries hook returns it; the parameters' own
        descriptions are listed under the query's."""
        described = f"<p>{html.escape(self.description)}</p>"
        if self.parameters:
            items = "".join(
                f"<li><strong>{html.escape(p.name)}</strong>: {html.escape(p.description)}</li>"
                for p in self.parameters
            )
            described += f"<ul>{items}</ul>"
        return {
            "sql": self.sql,
            "title": self.title,
            "description_html": described,
            "params": [p.name for p in self.parameters],
        }


def parse(path: Path) -> CannedQuery:
    """One query file: its header and its SQL, checked against each other."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header_end = next((i for i, line in enumerate(lines) if not HEADER_LINE.match(line)), None)
    header_text = "\n".join(HEADER_LINE.sub("", line, count=1) for line in lines[:header_end])
    sql = "\n".join(lines[header_end:] if header_end is not None else []).strip()
    try:
        header = yaml.safe_load(header_text) or {}
    except yaml.YAMLError as error:
        raise MultiforceError(
            f"{path}: the header comment is not valid YAML ({error}). Expected `-- title: ...`, "
            "`-- description: ...` and `-- parameters:` lines before the SQL."
        ) from None
    if not isinstance(header, dict) or not header.get("title") or not header.get("description"):
        raise MultiforceError(
            f"{path}: the header comment has no title or no description. Expected a comment "
            "block before the SQL with `-- title: ...` and `-- description: ...`."
        )
    described = header.get("parameters") or {}
    parameters = tuple(
        Parameter(
            str(name),
            str((spec or {}).get("description") or ""),
            str((spec or {}).get("example") or ""),
        )
        for name, spec in described.items()
    )
    named = set(PARAMETER.findall(STRING.sub("''", sql)))
    undescribed = [p.name for p in parameters if not p.description]
    if not sql or named != set(described) or undescribed:
        raise MultiforceError(
            f"{path}: the SQL names the parameters {sorted(named)}, the header describes "
            f"{sorted(described)}{', some with no description' if undescribed else ''}"
            f"{' and there is no SQL' if not sql else ''}. Expected a description for each "
            "parameter the SQL uses, and SQL after the header."
        )
    return CannedQuery(path.stem, header["title"], header["description"], parameters, sql)


@functools.cache
def canned_queries(folder: Path = QUERIES_FOLDER) -> dict[str, CannedQuery]:
    """Every query in FOLDER by name, in file-name order."""
    return {path.stem: parse(path) for path in sorted(folder.glob("*.sql"))}


def example_parameters() -> dict[str, dict[str, str]]:
    """For each query that takes parameters, the header's example of each: a question a user
    would ask, which the tests and the benchmark run."""
    return {
        name: {p.name: p.example for p in query.parameters}
        for name, query in canned_queries().items()
        if query.parameters
    }
