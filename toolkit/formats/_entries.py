"""What transcriptions and compilations have in common: a YAML file of declared figures and
outcomes, read key by key against the vocabularies, every problem collected into one report.

Dates stay text until read here (YAML would turn 2019-02-30 into a crash, not a problem), and
a key given twice in one entry is a problem rather than silently the last one.
"""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import product
from typing import Any

import yaml

from ...schemas import vocabulary as v
from ...schemas.register import force_by_name, force_ids, forces
from ..cleaning import Period
from ..document import Document
from ..errors import DocumentError
from ..records import row_id


class Invalid(ValueError):
    """A value that does not fit its key; the message says what was expected."""


@dataclass
class Problems:
    """Every problem in one file, each naming where it stands (entry and key)."""

    lines: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}" if where else message)

    def raise_if_any(self, document: Document, kind: str) -> None:
        if self.lines:
            listed = "\n".join(f"- {line}" for line in self.lines)
            raise DocumentError(
                document.path,
                f"{len(self.lines)} problem(s) in this {kind}; nothing was read from it.",
                f"a {kind} as docs/formats.md describes it: "
                f"correct each of these and run again:\n{listed}",
            )


# --- YAML -------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML without timestamps, noting keys given twice in one mapping."""

    def __init__(self, stream):
        super().__init__(stream)
        self.twice: list[str] = []

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                self.twice.append(
                    f"line {key_node.start_mark.line + 1}: the key {key!r} is given twice in one "
                    "entry"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(document: Document, kind: str, problems: Problems) -> dict:
    loader = _Loader(document.text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as error:
        problems.add("", f"this is not valid YAML ({error})".replace("\n", " "))
        problems.raise_if_any(document, kind)
    finally:
        loader.dispose()
    for line in loader.twice:
        problems.add("", line)
    if not isinstance(data, dict):
        problems.add("", "the file must be a YAML mapping of keys (source_kind, reference, ...)")
        problems.raise_if_any(document, kind)
    return data


def recognises(document: Document, kind: str) -> bool:
    return (
        re.search(rf"^source_kind:\s*['\"]?{kind}['\"]?\s*(?:#.*)?$", document.text, re.M)
        is not None
    )


# --- one value per key ------------------------------------------------------------------------

Reader = Callable[[Any], Any]


@dataclass(frozen=True)
class Key:
    read: Reader
    required: bool = False
    default: Any = None


def text(value) -> str:
    if (
        isinstance(value, bool)
        or not isinstance(value, (str, int, float))
        or not str(value).strip()
    ):
        raise Invalid(f"expected text, found {value!r}")
    return str(value).strip()


def url(value) -> str:
    value = text(value)
    if not re.match(r"^https?://\S+$", value):
        raise Invalid(f"{value!r} is not a web address (http:// or https://)")
    return value


def iso_date(value) -> str:
    value = text(value)
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise Invalid(
            f"{value!r} is not a date; write it as YYYY-MM-DD (e.g. 2019-06-13)"
        ) from None


def choice(options, name: str) -> Reader:
    options = tuple(options)

    def read(value):
        value = text(value)
        if value not in options:
            close = difflib.get_close_matches(value, options, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise Invalid(f"{value!r} is not a {name}{hint}; use one of: {', '.join(options)}")
        return value

    return read


def registered_force(value) -> str:
    """A force id from the register (schemas/forces.csv)."""
    value = text(value)
    known = sorted(force_ids())
    if value not in known:
        close = difflib.get_close_matches(value, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise Invalid(f"{value!r} is not a force in the register (schemas/forces.csv){hint}")
    return value


def named_force(value) -> str:
    """The force a published source names, by its register name or a variant of it."""
    value = text(value)
    found = force_by_name(value)
    if found is None:
        names = [row["name"] for row in forces()]
        close = difflib.get_close_matches(value, names, n=1, cutoff=0.7)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise Invalid(
            f"{value!r} is not a force in the register (schemas/forces.csv){hint}; write the "
            "force's name as the register has it (e.g. 'Devon & Cornwall Police') or give its "
            "force_id"
        )
    return found


def one_or_more(read: Reader) -> Reader:
    """One value, or a list of them: an outcome may cover several topics."""

    def read_all(value):
        values = value if isinstance(value, list) else [value]
        if not values:
            raise Invalid("expected one value or a list of them, found an empty list")
        return tuple(read(item) for item in values)

    return read_all


def exemptions(value) -> str:
    cited = value if isinstance(value, list) else [value]
    joined = ";".join(text(item).replace(" ", "") for item in cited)
    if not re.match(v.EXEMPTIONS_PATTERN, joined):
        raise Invalid(
            f"{value!r}: write exemptions as the Act cites them (s12, s31(1), s40(2)), several as "
            "a list"
        )
    return joined


def period(value) -> Period:
    """A year (2019), a date (2020-02-05: 'as at'), or {start, end, label}; start and end may be
    years."""
    if isinstance(value, dict):
        unknown = set(value) - {"start", "end", "label"}
        if unknown or "start" not in value:
            raise Invalid(
                f"a period mapping has start, end and label (start required), found {sorted(value)}"
            )
        start = _bound(value["start"], first=True)
        end = _bound(value["end"], first=False) if value.get("end") is not None else None
        if end is not None and start > end:
            raise Invalid(f"the period starts ({start}) after it ends ({end})")
        label = (
            text(value["label"])
            if value.get("label") is not None
            else (f"{start} to {end}" if end else f"since {start}")
        )
        return Period(start, end, label)
    if isinstance(value, int) and not isinstance(value, bool):
        return Period(_bound(value, True), _bound(value, False), str(value))
    day = date.fromisoformat(iso_date(value))
    return Period(day, day, f"as at {day}")


def _bound(value, first: bool) -> date:
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1900 <= value <= 2100:
            raise Invalid(f"{value} is not a year")
        return date(value, 1, 1) if first else date(value, 12, 31)
    return date.fromisoformat(iso_date(value))


def figure_value(value) -> float:
    """A number, or yes/no for a yes/no measure (1 or 0)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, str) and value.strip().lower() in ("yes", "no"):
        return 1.0 if value.strip().lower() == "yes" else 0.0
    if isinstance(value, (int, float)) and value >= 0:
        return float(value)
    raise Invalid(
        f"{value!r} is not a figure: write a number (1345, 60.5) or, for a yes/no measure, yes or "
        "no"
    )


def entries(value) -> list:
    if not isinstance(value, list):
        raise Invalid(f"expected a list of entries (each line starting with '- '), found {value!r}")
    return value


def mapping(value) -> dict:
    if not isinstance(value, dict):
        raise Invalid(f"expected a mapping of keys, found {value!r}")
    return value


def read_entry(entry, keys: dict[str, Key], where: str, problems: Problems) -> tuple[dict, bool]:
    """The entry's values read by `keys` (None for a value that is wrong), and whether all were
    right. Every problem is noted, so one report lists them all."""
    if not isinstance(entry, dict):
        problems.add(where, f"expected a mapping of keys ({', '.join(keys)}), found {entry!r}")
        return {name: spec.default for name, spec in keys.items()}, False
    before = len(problems.lines)
    for key in entry:
        if key not in keys:
            close = difflib.get_close_matches(str(key), list(keys), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.add(where, f"unknown key {key!r}{hint}; the keys are: {', '.join(keys)}")
    values = {}
    for name, spec in keys.items():
        raw = entry.get(name)
        if raw is None:
            if spec.required:
                problems.add(where, f"{name}: missing (required)")
            values[name] = spec.default
            continue
        try:
            values[name] = spec.read(raw)
        except Invalid as error:
            problems.add(where, f"{name}: {error}")
            values[name] = spec.default
    return values, len(problems.lines) == before


# --- figures and outcomes ---------------------------------------------------------------------

TECHNOLOGY = choice(v.TECHNOLOGIES, "technology")
MEASURE = choice(v.MEASURES, "measure")
BREAKDOWN = choice(v.BREAKDOWNS, "breakdown")
STATUS = choice(v.STATUSES, "status")

FIGURE_KEYS = {
    "technology": Key(TECHNOLOGY, required=True),
    "measure": Key(MEASURE, required=True),
    "period": Key(period, required=True),
    "breakdown": Key(BREAKDOWN, default="none"),
    "breakdown_value": Key(text),
    "value": Key(figure_value, required=True),
    "unit": Key(choice(v.UNITS, "unit")),
    "qualifier": Key(choice(v.QUALIFIERS, "qualifier"), default="exact"),
    "caveat": Key(text),
    "locator": Key(text, required=True),
}

OUTCOME_KEYS = {
    "technology": Key(one_or_more(TECHNOLOGY), required=True),
    "measure": Key(one_or_more(MEASURE), required=True),
    "breakdown": Key(one_or_more(BREAKDOWN), default=("none",)),
    "period": Key(period),
    "status": Key(STATUS, required=True),
    "exemptions": Key(exemptions),
    "reason": Key(text),
    "locator": Key(text, required=True),
}


def figure_row(values: dict, where: str, problems: Problems) -> dict | None:
    """An observation (without ids) from a figure's values, checking what one key cannot alone."""
    measure, breakdown, breakdown_value = (
        values["measure"],
        values["breakdown"],
        values["breakdown_value"],
    )
    yes_no = measure in v.YES_NO_MEASURES
    unit = values["unit"] or ("yes_no" if yes_no else "count")
    span: Period = values["period"]
    before = len(problems.lines)
    if span.end is None:
        problems.add(where, "period: a figure's period needs an end (or give a year or a date)")
    if yes_no != (unit == "yes_no"):
        problems.add(
            where,
            f"unit: {measure} is {'a yes/no finding: unit yes_no' if yes_no else 'not yes/no'}, "
            f"found unit {unit}",
        )
    if unit == "yes_no" and values["value"] not in (0.0, 1.0):
        problems.add(where, f"value: {measure} is yes or no, found {values['value']:g}")
    if breakdown == "none" and breakdown_value is not None:
        problems.add(where, "breakdown_value: given without a breakdown; name the breakdown too")
    elif breakdown != "none" and breakdown_value is None:
        problems.add(where, f"breakdown_value: missing; say which {breakdown} the figure is for")
    elif v.BREAKDOWNS[breakdown] and breakdown_value not in v.BREAKDOWNS[breakdown]:
        problems.add(
            where,
            f"breakdown_value: {breakdown_value!r} is not a {breakdown}; use one of: "
            f"{', '.join(sorted(v.BREAKDOWNS[breakdown]))}",
        )
    if len(problems.lines) > before:
        return None
    return {
        "technology": values["technology"],
        "measure": measure,
        "period_start": span.start.isoformat(),
        "period_end": span.end.isoformat(),
        "period_label": span.label,
        "breakdown": breakdown,
        "breakdown_value": breakdown_value,
        "value": values["value"],
        "unit": unit,
        "qualifier": values["qualifier"],
        "caveat": values["caveat"],
        "quote": None,
        "locator": values["locator"],
    }


def outcome_rows(values: dict) -> list[dict]:
    """One outcome (without ids) per topic the entry covers: technology x measure x breakdown."""
    span: Period | None = values["period"]
    topics = product(*(_as_tuple(values[key]) for key in ("technology", "measure", "breakdown")))
    return [
        {
            "technology": technology,
            "measure": measure,
            "breakdown": breakdown,
            "period_start": span.start.isoformat() if span else None,
            "period_end": span.end.isoformat() if span and span.end else None,
            "status": values["status"],
            "exemptions": values["exemptions"],
            "reason": values["reason"],
            "quote": None,
            "locator": values["locator"],
        }
        for technology, measure, breakdown in topics
    ]


def _as_tuple(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def with_ids(table: str, response_id: str, force_id: str, row: dict) -> dict:
    key = "observation_id" if table == "observations" else "outcome_id"
    return {
        key: row_id(table, response_id, row),
        "response_id": response_id,
        "document_id": None,
        "force_id": force_id,
        **row,
    }
