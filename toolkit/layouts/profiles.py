"""Layout profiles, read from schemas/layouts.yaml and compiled once."""

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Final
from urllib.parse import urlsplit

from ..errors import MultiforceError
from .data import flatten, schema_yaml

FLAGS: Final = re.I | re.M
# Keys whose value is a map: a profile that extends another overrides them key by key.
MERGED_KEYS: Final = ("fields", "url_fields")
# Keys whose patterns a profile that extends another adds to the base's.
ADDED_KEYS: Final = ("markers",)
# Keys each profile states for itself: a base's requirement would let its other variants in.
OWN_KEYS: Final = ("requires", "abstract")
# Keys whose patterns are only ever tried together: compiled as one alternation (one search).
JOINED_KEYS: Final = ("requires", "footer", "start", "request", "answer", "status", "signature")


@dataclass(frozen=True)
class Profile:
    """One layout, compiled. See schemas/layouts.yaml for what each key means. `markers`,
    `requires` and `fields` search the whole text, preceded by a newline (see `in_text`);
    the others match one line at a time."""

    id: str
    force: str | None
    url: re.Pattern | None
    markers: tuple[re.Pattern, ...]
    requires: re.Pattern | None
    chrome: re.Pattern | None
    footer: re.Pattern | None
    start: re.Pattern | None
    request: re.Pattern | None
    answer: re.Pattern | None
    status: re.Pattern | None
    signature: re.Pattern | None
    fields: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    url_fields: dict[str, re.Pattern] = field(default_factory=dict)
    url_formats: dict[str, str] = field(default_factory=dict)
    # `preamble: answer`: the request's lines before its first numbered question are the
    # answer's overall statements (a log that states the decision above the questions).
    preamble_answers: bool = False
    # `thread: true`: the page is a thread of messages, each opened by `request` and closed by
    # `answer` (WhatDoTheyKnow's "Dear ..." and "Yours ..."): the request is the first message
    # and everything after it answers it but the requester's own later messages.
    thread: bool = False
    # `requires` one pattern at a time: a platform's variants share most of theirs, and a
    # pattern searched for one need not be searched again for the next (see engine.choose).
    requires_each: tuple[re.Pattern, ...] = ()


def _compile(pattern: str, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, FLAGS)
    except re.error as error:
        raise MultiforceError(
            f"schemas/layouts.yaml: the pattern {pattern!r} of {where} is not a valid regular "
            f"expression ({error}). Expected a Python regular expression."
        ) from None


def in_text(pattern: str) -> str:
    """A line-anchored pattern ('^Dear') rewritten to search a whole text that starts with a
    newline ('\\nDear'): a literal start lets the search skip ahead, which '^' under
    MULTILINE does not (ten times faster on a long page)."""
    return "\n" + pattern[1:] if pattern.startswith("^") else pattern


def joined(patterns, where: str, text: bool = False) -> re.Pattern | None:
    """One pattern matching where any of `patterns` matches (None for no patterns)."""
    patterns = [in_text(p) if text else p for p in flatten(patterns)]
    return _compile("|".join(f"(?:{p})" for p in patterns), where) if patterns else None


def _resolved(entry: dict, by_id: dict[str, dict]) -> dict:
    base_id = entry.get("extends")
    if not base_id:
        return entry
    if base_id not in by_id:
        raise MultiforceError(
            f"schemas/layouts.yaml: profile {entry.get('id')!r} extends {base_id!r}, which is not "
            "a profile. Expected the id of a profile listed in the file."
        )
    base = dict(_resolved(by_id[base_id], by_id))
    for key in OWN_KEYS:
        base.pop(key, None)
    for key, value in entry.items():
        if key in MERGED_KEYS:
            base[key] = {**base.get(key, {}), **value}
        elif key in ADDED_KEYS:
            base[key] = [*flatten(base.get(key)), *flatten(value)]
        else:
            base[key] = value
    return base


def _field_pattern(pattern: str, where: str) -> re.Pattern:
    compiled = _compile(in_text(pattern), where)
    if "value" not in compiled.groupindex:
        raise MultiforceError(
            f"schemas/layouts.yaml: the pattern {pattern!r} of {where} has no group `value`. "
            "Expected the field's text in a group written (?P<value>...)."
        )
    return compiled


def _profile(entry: dict) -> Profile:
    where = f"profile {entry.get('id')!r}"
    if not entry.get("id"):
        raise MultiforceError("schemas/layouts.yaml: a profile has no `id`. Expected one each.")
    patterns = {key: joined(entry.get(key), f"{where} ({key})") for key in JOINED_KEYS}
    patterns["requires"] = joined(entry.get("requires"), f"{where} (requires)", text=True)
    url_fields = {
        key: _compile(value, f"{where} (url_fields)")
        for key, value in (entry.get("url_fields") or {}).items()
        if not key.endswith("_format")
    }
    return Profile(
        id=entry["id"],
        force=entry.get("force"),
        url=_compile(entry["url"], where) if entry.get("url") else None,
        markers=tuple(
            _compile(in_text(p), f"{where} (markers)") for p in flatten(entry.get("markers"))
        ),
        requires=patterns["requires"],
        chrome=joined(entry.get("chrome"), f"{where} (chrome)"),
        footer=patterns["footer"],
        start=patterns["start"],
        request=patterns["request"],
        answer=patterns["answer"],
        status=patterns["status"],
        signature=patterns["signature"],
        fields={
            key: tuple(_field_pattern(p, f"{where} (fields.{key})") for p in flatten(value))
            for key, value in (entry.get("fields") or {}).items()
        },
        url_fields=url_fields,
        requires_each=tuple(
            _compile(in_text(p), f"{where} (requires)") for p in flatten(entry.get("requires"))
        ),
        url_formats={
            key.removesuffix("_format"): value
            for key, value in (entry.get("url_fields") or {}).items()
            if key.endswith("_format")
        },
        preamble_answers=_preamble(entry.get("preamble"), where),
        thread=_flag(entry.get("thread"), "thread", where),
    )


def _flag(value, key: str, where: str) -> bool:
    if value not in (None, True, False):
        raise MultiforceError(
            f"schemas/layouts.yaml: {where} has `{key}: {value}`. Expected `{key}: true`, "
            f"`{key}: false` or no `{key}` key."
        )
    return bool(value)


def _preamble(value, where: str) -> bool:
    if value not in (None, "answer"):
        raise MultiforceError(
            f"schemas/layouts.yaml: {where} has `preamble: {value}`. Expected `preamble: answer` "
            "or no `preamble` key."
        )
    return value == "answer"


@cache
def profiles() -> tuple[Profile, ...]:
    """Every profile that may be chosen, in the file's order (the earlier wins a tie)."""
    entries = schema_yaml("layouts.yaml")["profiles"]
    by_id = {entry["id"]: entry for entry in entries}
    return tuple(_profile(_resolved(e, by_id)) for e in entries if not e.get("abstract"))


def profile(profile_id: str) -> Profile:
    """The profile named `profile_id` (a user error naming the known ones if there is none)."""
    found = next((p for p in profiles() if p.id == profile_id), None)
    if found is None:
        known = ", ".join(p.id for p in profiles())
        raise MultiforceError(f"{profile_id!r} is not a layout profile. Expected one of: {known}.")
    return found


@cache
def sites() -> dict[str, str]:
    """Publishing hosts -> force ids (schemas/layouts.yaml `sites`)."""
    return dict(schema_yaml("layouts.yaml").get("sites") or {})


def force_by_host(url: str | None) -> str | None:
    """The force whose site (or a sub-domain of it) serves `url`, or None."""
    address = url or ""
    host = (urlsplit(address if "//" in address else f"//{address}").hostname or "").lower()
    for site, force_id in sites().items():
        if host == site or host.endswith("." + site):
            return force_id
    return None


@cache
def referral() -> re.Pattern:
    """A line sending the requester to another body (schemas/phrases.yaml `held_by`)."""
    return _compile(schema_yaml("phrases.yaml")["held_by"], "phrases.yaml held_by")


@cache
def structure() -> tuple[tuple[re.Pattern, ...], re.Pattern, re.Pattern]:
    """The numbering patterns, the question-mention pattern and the answer-label pattern."""
    data = schema_yaml("layouts.yaml")
    return (
        tuple(re.compile(p) for p in flatten(data["numbering"])),  # case matters: "Q4", "a)"
        _compile(data["question_mentions"], "question_mentions"),
        _compile(data["answer_labels"], "answer_labels"),
    )


@cache
def sheet_words() -> str:
    """The words that call a part of a workbook a sheet ("the Data sheet", "tab 2"), as an
    alternation for the patterns built around a sheet's name (`sheet_words`)."""
    words = schema_yaml("layouts.yaml")["sheet_words"]
    _compile(words, "sheet_words")
    return words


@cache
def answer_numbers() -> re.Pattern:
    """A question's number written as its answer's ("Response 2:"), not as its question's."""
    return _compile(schema_yaml("layouts.yaml")["answer_numbers"], "answer_numbers")


@cache
def question_headings() -> re.Pattern:
    """A heading over a request's text ("Request", "Question:")."""
    return _compile(schema_yaml("layouts.yaml")["question_headings"], "question_headings")


@cache
def question_table() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The headings of a table of questions and answers: its number, question and answer
    columns (`question_table` in schemas/layouts.yaml)."""
    table = schema_yaml("layouts.yaml")["question_table"]
    number, questions, answers = (
        _compile(table[column], f"question_table {column}")
        for column in ("number", "questions", "answers")
    )
    return number, questions, answers
