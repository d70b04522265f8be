"""What transcriptions, reviewed drafts and compilations have in common: a YAML file of
declared figures and outcomes, read key by key into rows, every problem collected into one
report.

This module reads the file's shape (which keys, text, numbers, dates, periods); whether a
value belongs to the vocabulary, and the rules across a row's columns, are the pandera
models' to say (validation.model_failures): `check_rows` runs them on the file's rows and
reports each failure at its entry and key. Dates stay text until read here (YAML would turn
2019-02-30 into a crash, not a problem), and a key given twice in one entry is a problem
rather than silently the last one.
"""

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import product
from typing import Any

import yaml

from ...schemas import vocabulary as v
from ...schemas.dateless_yaml import DatelessLoader
from ...schemas.register import force_by_name, forces
from ..cleaning import Period, iso_days
from ..document import Document
from ..errors import DocumentError
from ..hints import did_you_mean
from ..records import Extraction
from ..validation import cross_row_problems, row_failures


class Invalid(ValueError):
    """A value that does not fit its key; the message says what was expected."""


@dataclass
class Problems:
    """Every problem in one file, each naming where it stands (entry and key)."""

    lines: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        line = f"{where}: {message}" if where else message
        if line not in self.lines:
            self.lines.append(line)

    def about(self, where: str, key: str) -> bool:
        """Whether a problem of `key` at `where` is noted already."""
        start = f"{where}: {key}: " if where else f"{key}: "
        return any(line.startswith(start) for line in self.lines)

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


class _Loader(DatelessLoader):
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
    # Every document is asked: the plain look for the key first spares a force's letter the
    # line-by-line search.
    return (
        "source_kind:" in document.text
        and re.search(rf"^source_kind:\s*['\"]?{kind}['\"]?\s*(?:#.*)?$", document.text, re.M)
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
            raise Invalid(
                f"{value!r} is not a {name}{did_you_mean(value, options)}; "
                f"use one of: {', '.join(options)}"
            )
        return value

    return read


def named_force(value) -> str:
    """The force a published source names, by its register name or a variant of it."""
    value = text(value)
    found = force_by_name(value)
    if found is None:
        hint = did_you_mean(value, [row["name"] for row in forces()], cutoff=0.7)
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


def cited_exemptions(written: str) -> str:
    """Exemptions as the Act cites them, however they were spaced or joined: "S31(1), s 40(2)"
    and "section 31(1)" are s31(1);s40(2) and s31(1). Words that are no citation are left as
    written, for the model's check (vocabulary.EXEMPTIONS_PATTERN) to show them."""
    joined = re.sub(r"(?i)\bsection\s*", "s", written)
    cited = re.sub(r"\s+", "", joined).replace(",", ";").lower()
    return cited if re.match(v.EXEMPTIONS_PATTERN, cited) else written.strip()


def exemptions(value) -> str:
    cited = value if isinstance(value, list) else [value]
    return cited_exemptions(";".join(text(item) for item in cited))


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
    if isinstance(value, (int, float)) and 0 <= value < math.inf:
        return float(value)
    raise Invalid(
        f"{value!r} is not a figure: write a number of 0 or more (1345, 60.5) or, for a yes/no "
        "measure, yes or no"
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
            hint = did_you_mean(key, keys)
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

TOPIC = text  # a technology, measure or breakdown: the models check the vocabulary

FIGURE_KEYS = {
    "technology": Key(TOPIC, required=True),
    "measure": Key(TOPIC, required=True),
    "period": Key(period, required=True),
    "breakdown": Key(TOPIC, default="none"),
    "breakdown_value": Key(text),
    "value": Key(figure_value, required=True),
    "unit": Key(text),
    "qualifier": Key(text, default="exact"),
    "caveat": Key(text),
    "locator": Key(text),
    "question": Key(text),
    "quote": Key(text),
}

OUTCOME_KEYS = {
    "technology": Key(one_or_more(TOPIC), required=True),
    "measure": Key(one_or_more(TOPIC), required=True),
    "breakdown": Key(one_or_more(TOPIC), default=("none",)),
    "breakdown_value": Key(text),
    "period": Key(period),
    "status": Key(text, required=True),
    "exemptions": Key(exemptions),
    "reason": Key(text),
    "caveat": Key(text),
    "held_by": Key(text),
    "locator": Key(text),
    "question": Key(text),
    "quote": Key(text),
}
# A row's columns that a key of its entry gives, where the two names differ.
KEY_OF_COLUMN = {"period_start": "period", "period_end": "period", "force_id": "force_id"}


def provenance(values: dict, where: str, problems: Problems, quoted: bool) -> None:
    """A row of a reviewed draft quotes its document; any other row says where it stands."""
    wanted, other = ("quote", "locator") if quoted else ("locator", "quote")
    if values[wanted] is None:
        problems.add(where, f"{wanted}: missing (required)")
    if values[other] is not None:
        kind = "a reviewed draft" if quoted else "a transcription without a document"
        problems.add(where, f"{other}: {kind} gives {wanted}, not {other}")


def figure_row(values: dict, where: str, problems: Problems) -> dict | None:
    """An observation's columns from a figure's values (the row builder adds the rest)."""
    span: Period = values["period"]
    if span.end is None:
        problems.add(where, "period: a figure's period needs an end (or give a year or a date)")
        return None
    start, end = iso_days(span)
    row = {
        "technology": values["technology"],
        "measure": values["measure"],
        "period_start": start,
        "period_end": end,
        "period_label": span.label,
        "breakdown": values["breakdown"],
        "breakdown_value": values["breakdown_value"],
        "value": values["value"],
        "qualifier": values["qualifier"],
        "caveat": values["caveat"],
        "quote": values["quote"],
        "locator": values["locator"],
        "question": values["question"],
    }
    if values["unit"] is not None:
        row["unit"] = values["unit"]
    return row


def outcome_rows(values: dict) -> list[dict]:
    """One outcome's columns per topic the entry covers: technology x measure x breakdown."""
    start, end = iso_days(values["period"])
    topics = product(*(_as_tuple(values[key]) for key in ("technology", "measure", "breakdown")))
    return [
        {
            "technology": technology,
            "measure": measure,
            "breakdown": breakdown,
            "breakdown_value": values["breakdown_value"],
            "period_start": start,
            "period_end": end,
            "status": values["status"],
            "exemptions": values["exemptions"],
            "reason": values["reason"],
            "caveat": values["caveat"],
            "held_by": values["held_by"],
            "quote": values["quote"],
            "locator": values["locator"],
            "question": values["question"],
        }
        for technology, measure, breakdown in topics
    ]


def _as_tuple(value) -> tuple:
    return value if isinstance(value, tuple) else (value,)


def check_rows(
    table: str, rows: list[dict], places: list[str], problems: Problems, one_force: bool = True
) -> set[int]:
    """The models' verdict on a file's rows, each failure at the entry (`places[i]`) and key
    that gave the row. In a file of `one_force`, a wrong force is the file's, said once.
    Returns the rows that failed."""
    failed = set()
    for failure in row_failures(table, rows):
        failed.add(failure.index)
        whole = failure.index is None or (
            one_force and failure.column == "force_id" and table != "responses"
        )
        where = "" if whole else places[failure.index]
        key = KEY_OF_COLUMN.get(failure.column, failure.column)
        if key and failure.detail == "missing" and problems.about(where, key):
            continue  # the entry's own reading said so: "title: missing (required)"
        problems.add(where, f"{key}: {failure.detail}" if key else failure.detail)
    return failed


def check_across_rows(
    made: dict[str, list[tuple[dict, str]]], failed: dict[str, set], problems: Problems
) -> None:
    """The validation's rules across rows (a figure's matches within its uses, one value per
    key...) on a file's rows that passed their models, each problem at its row's entry: said
    with the file's other problems, so that mending those does not bring up a second round.
    `made` gives each table's rows with their entries, `failed` the rows check_rows refused."""
    if failed.get("responses"):
        return  # every row would be said to lack its response
    kept = {
        table: [(row, where) for i, (row, where) in enumerate(rows) if i not in failed[table]]
        for table, rows in made.items()
    }
    extraction = Extraction()
    for table, rows in kept.items():
        for row, _ in rows:
            extraction.add(table, row)
    for problem in cross_row_problems(extraction):
        where = "" if problem.index is None else kept[problem.table][problem.index][1]
        problems.add(where, f"{problem.rule}: {problem.detail}")
