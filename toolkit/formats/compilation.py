"""Published multi-force compilations: a third party's table of many forces' FOI answers.

One YAML file per compilation (forces/_compilations/<reference>.yaml): its title, date, URL
and licence, `defaults` shared by its rows, and one row per force and figure or outcome, with
the force named as the compilation names it. Each force becomes one response of kind
`compilation`, `{force_id}/{reference}`, so its figures never mix with the force's own.
"""

from pathlib import Path

from ... import forces
from ..document import Document
from ..records import Extraction
from ..rows import observation_row, outcome_row, response_row
from . import FormatAdapter
from ._entries import (
    FIGURE_KEYS,
    OUTCOME_KEYS,
    Key,
    Problems,
    check_across_rows,
    check_rows,
    choice,
    entries,
    figure_row,
    iso_date,
    load,
    mapping,
    named_force,
    outcome_rows,
    provenance,
    read_entry,
    recognises,
    text,
)

KIND = "compilation"
FOLDER = Path(forces.__file__).parent / "_compilations"
COMPILATION_KEYS = {
    "source_kind": Key(choice([KIND], "source kind"), required=True),
    "reference": Key(text, required=True),
    "title": Key(text, required=True),
    "published": Key(iso_date),
    "source_url": Key(text),
    "reported_in": Key(text),
    "licence": Key(text, required=True),
    "defaults": Key(mapping, default={}),
    "rows": Key(entries, required=True),
}
# A row: which force, where it was read, and a figure (value) and/or an outcome (status), one
# topic each; which keys a row needs depends on what it gives, so none is required here.
ROW_KEYS = {
    "force": Key(named_force),
    "force_id": Key(text),
    "source_url": Key(text),
    "reported_in": Key(text),
    **{name: Key(spec.read, default=spec.default) for name, spec in FIGURE_KEYS.items()},
    **{name: Key(spec.read) for name, spec in OUTCOME_KEYS.items() if name not in FIGURE_KEYS},
}


class Compilation(FormatAdapter):
    name = KIND

    def recognises(self, document: Document) -> bool:
        return recognises(document, KIND)

    @classmethod
    def bundled_documents(cls) -> list[Path]:
        return sorted(FOLDER.glob("*.yaml"))

    def parse(self, document: Document, force_id: str | None) -> Extraction:
        problems = Problems()
        compilation, _ = read_entry(load(document, KIND, problems), COMPILATION_KEYS, "", problems)
        given_defaults = {key for key in compilation["defaults"] if key in ROW_KEYS}
        defaults, defaults_ok = read_entry(compilation["defaults"], ROW_KEYS, "defaults", problems)
        for key in given_defaults & {"force", "force_id"}:
            problems.add("defaults", f"{key}: every row names its own force")
        responses: dict[str, dict] = {}
        first_row: dict[str, str] = {}  # where each force's response is first given
        observations, outcomes = [], []
        for n, entry in enumerate(compilation["rows"] or [], 1):
            named = entry.get("force") or entry.get("force_id") if isinstance(entry, dict) else None
            where = f"row {n}" + (f" ({named})" if named else "")
            values, ok = read_entry(entry, ROW_KEYS, where, problems)
            in_row = set(entry) if isinstance(entry, dict) else set()
            values.update({key: defaults[key] for key in given_defaults - in_row})
            given = given_defaults | in_row
            force = self._force(entry, values, where, problems)
            if force_id and force and force != force_id:
                continue  # --force picks one force's rows out of a compilation
            if not defaults_ok:
                continue  # the defaults' problems are reported once, not again in every row
            figure, outcome = self._topics(values, given, ok, where, problems)
            if not (ok and force) or (figure is None and not outcome):
                continue
            response = self._response(compilation, values, force)
            held = responses.setdefault(force, response)
            first_row.setdefault(force, where)
            if (held["source_url"], held["title"]) != (response["source_url"], response["title"]):
                problems.add(
                    where,
                    f"source_url: {force} is one response per compilation, but its rows were "
                    "read in different places; give every row of a force the same source",
                )
            observations += [(force, figure, where)] if figure else []
            outcomes += [(force, row, where) for row in outcome]
        if force_id and not responses and not problems.lines:
            problems.add("", f"no row is about {force_id!r} (--force)")
        for force, response in responses.items():
            if response["source_url"] is None:
                problems.add(
                    f"rows of {force}", "source_url: missing, for the compilation or for these rows"
                )
        made = {
            "responses": [(response, first_row[force]) for force, response in responses.items()],
            "observations": [
                (observation_row(responses[force]["response_id"], force, row), where)
                for force, row, where in observations
            ],
            "outcomes": [
                (outcome_row(responses[force]["response_id"], force, row), where)
                for force, row, where in outcomes
            ],
        }
        failed = {
            table: check_rows(
                table, [row for row, _ in rows], [at for _, at in rows], problems, one_force=False
            )
            for table, rows in made.items()
        }
        if problems.lines:
            check_across_rows(made, failed, problems)
        problems.raise_if_any(document, KIND)

        extraction = Extraction()
        for table, rows in made.items():
            for row, _ in rows:
                extraction.add(table, row)
        return extraction

    @staticmethod
    def _force(entry, values: dict, where: str, problems: Problems) -> str | None:
        """The row's force id; a force key that was wrong has been reported already."""
        given = [
            key
            for key in ("force", "force_id")
            if isinstance(entry, dict) and entry.get(key) is not None
        ]
        if len(given) != 1:
            problems.add(
                where,
                "name the force once: as the compilation writes it (force) or by its force_id",
            )
            return None
        return values[given[0]]

    @staticmethod
    def _topics(values: dict, given: set, ok: bool, where: str, problems: Problems):
        """The row's figure (if it gives a value) and outcomes (if it gives a status)."""
        has_value, has_status = "value" in given, "status" in given
        if not (has_value or has_status):
            problems.add(
                where,
                "neither value nor status: give the figure, what the force did with the topic, or "
                "both",
            )
            return None, []
        for name in ("technology", "measure", "locator") + (("period",) if has_value else ()):
            if name not in given:
                problems.add(where, f"{name}: missing (in the row or in defaults)")
                ok = False
        if "quote" in given:
            provenance(values, where, problems, quoted=False)
            ok = False
        if not ok:
            return None, []
        figure = figure_row(values, where, problems) if has_value else None
        return figure, outcome_rows(values) if has_status else []

    @staticmethod
    def _response(compilation: dict, values: dict, force: str) -> dict:
        reported_in = values["reported_in"] or compilation["reported_in"]
        title = compilation["title"] + (f", as reported in {reported_in}" if reported_in else "")
        return response_row(
            force,
            compilation["reference"],
            title=title,
            response_date=compilation["published"],
            source_url=values["source_url"] or compilation["source_url"],
            licence=compilation["licence"],
            source_kind=KIND,
        )
