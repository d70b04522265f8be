"""What each question asks: its topics (technology, measure, breakdown, period), from its
words through the vocabulary in schemas/questions.yaml, or from a campaign's question map.

A campaign pins its own questions' meaning once (`question_map`: the question's text ->
its topics) so that the same wording sent to every force maps the same way; the map is
consulted before the vocabulary. A question neither maps is returned with no topics and
the reason, for a person: never guessed.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from ...schemas.vocabulary import BREAKDOWNS
from ..cleaning import iso_days
from ..layouts.data import any_of, schema_yaml
from ..layouts.literals import lowered, may_match, required_words
from ..layouts.response import Response
from .periods import period_in
from .text import words

REFERS_BACK: Final = re.compile(r"\b(?:these|those|they|them)\b", re.I)
PART_OF: Final = re.compile(r"[a-z]+$")  # a part's letters or numerals, after its question's number
MAP_MIN_WORDS: Final = 6  # a pinned text this long also matches a question that quotes it in part


@dataclass(frozen=True)
class Topic:
    technology: str
    measure: str
    breakdown: str = "none"
    period_start: str | None = None
    period_end: str | None = None
    period_label: str | None = None


@dataclass(frozen=True)
class QuestionTopics:
    """A question (by its label, number and text) and what it asks. `source` says where the
    topics came from ('question_map' or 'vocabulary'); `unmapped` why there are none."""

    label: str | None
    number: str | None
    text: str
    topics: tuple[Topic, ...]
    source: str | None = None
    unmapped: str | None = None


@dataclass(frozen=True)
class _Entry:
    value: str
    words: re.Pattern
    suppresses: frozenset[str]
    only_with: frozenset[str]
    replaces_total: bool
    suppresses_measures: frozenset[str]
    yes_no: bool
    at_a_date: bool
    unless: re.Pattern | None = None
    counts_devices: bool = False  # a measure counting devices, never occasions or places
    required: tuple[str, ...] | None = None  # see meaning.literals
    # a breakdown's words naming one value of it ("children"), apart from those naming the
    # breakdown itself ("age"); `words` holds both
    values: re.Pattern | None = None
    itself: re.Pattern | None = None
    # the whole of a table's label naming one value of it: its `values` or `labels` ("White")
    part_label: re.Pattern | None = None
    # words naming it in an answer's sentence only ("We have 12"), never in a question
    answer_words: re.Pattern | None = None


@cache
def _vocabulary() -> dict[str, tuple[_Entry, ...]]:
    data = schema_yaml("questions.yaml")
    return {
        kind: tuple(_entry(value, entry) for value, entry in data[kind].items())
        for kind in ("technology", "measure", "breakdown")
    }


def _entry(value: str, entry: dict) -> _Entry:
    values = entry.get("values", [])
    words = _any_of([*entry["words"], *values])
    return _Entry(
        value,
        words,
        suppresses=frozenset(entry.get("suppresses", ())),
        only_with=frozenset(entry.get("only_with", ())),
        replaces_total=bool(entry.get("replaces_total")),
        suppresses_measures=frozenset(entry.get("suppresses_measures", ())),
        yes_no=bool(entry.get("yes_no")),
        at_a_date=bool(entry.get("at_a_date")),
        counts_devices=bool(entry.get("counts_devices")),
        unless=_any_of(entry["unless"]) if entry.get("unless") else None,
        required=required_words(words),
        values=_any_of(values) if values else None,
        itself=_any_of(entry["words"]) if values else None,
        part_label=_any_of(named_part)
        if (named_part := [*values, *entry.get("labels", [])])
        else None,
        answer_words=_any_of(entry["answer_words"]) if entry.get("answer_words") else None,
    )


def _any_of(patterns: list[str]) -> re.Pattern:
    return any_of(patterns, re.I | re.M)


def _asks_a_part(breakdown: _Entry, text: str) -> bool:
    """Whether a question asks for a part alone: it names one value of the breakdown ("children
    under 18", "women") and not the breakdown itself ("by age")."""
    return (
        breakdown.values is not None
        and breakdown.values.search(text) is not None
        and not (breakdown.itself and breakdown.itself.search(text))
    )


@cache
def _asking() -> re.Pattern:
    """The words asking for a number (`asking` in schemas/questions.yaml)."""
    return _any_of(schema_yaml("questions.yaml")["asking"])


def _asks_the_total_too(measure: str, text: str) -> bool:
    """Whether a question naming a part asks for `measure`'s total as well: one of its asks
    ("how many ...", "the number of ...", each up to the next) names the measure and no part
    of a breakdown ("How many searches, and how many of them were of children?")."""
    starts = [found.start() for found in _asking().finditer(text)]
    if len(starts) < 2:
        return False
    bounds = [0, *starts[1:], len(text)]
    return any(
        measure in named("measure", ask) and part_words(ask) is None
        for ask in (text[start:end] for start, end in zip(bounds, bounds[1:], strict=False))
    )


def _measures_asked_apart(text: str) -> tuple[str, ...]:
    """The measures a question asks for each in its own ask ("how many ...", "the number of
    ...", each up to the next), in the vocabulary's order: "How many searches were carried out,
    and how many led to an arrest?" asks searches and arrests, where its words taken whole name
    arrests alone (arrests "suppresses" uses: "how many searches led to an arrest" is one
    measure). Empty for a question asking once."""
    starts = [found.start() for found in _asking().finditer(text)]
    if len(starts) < 2:
        return ()
    bounds = [0, *starts[1:], len(text)]
    asked = {
        measure
        for start, end in zip(bounds, bounds[1:], strict=False)
        for measure in named("measure", text[start:end])
    }
    return tuple(e.value for e in _vocabulary()["measure"] if e.value in asked)


def part_words(text: str) -> str | None:
    """The words of `text` naming parts of breakdowns ("children under 18", "Black men"), from
    the first to the last, or None where it names none."""
    spans = [
        found.span()
        for entry in _found("breakdown", text)
        if entry.values is not None
        for found in entry.values.finditer(text)
    ]
    if not spans:
        return None
    return text[min(start for start, _ in spans) : max(end for _, end in spans)]


@lru_cache(maxsize=4096)
def _found(kind: str, text: str) -> tuple[_Entry, ...]:
    """The vocabulary's values of `kind` that `text` names (cached: headings recur)."""
    lower = lowered(text)
    found = [
        e
        for e in _vocabulary()[kind]
        if may_match(e.required, lower)
        and e.words.search(text)
        and not (e.unless and e.unless.search(text))
    ]
    suppressed = {value for e in found for value in e.suppresses}
    if suppressed and kind == "measure":
        suppressed -= _listed_beside(found, suppressed, text)
    return tuple(e for e in found if e.value not in suppressed)


# What stands between two words of a list: "searches and matches", "searches, matches", "searches
# & matches", "searches or matches".
LISTED: Final = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)", re.I)


def _listed_beside(found: list[_Entry], suppressed: set[str], text: str) -> set[str]:
    """The suppressed values among `found` whose words stand in a list beside the words of one
    that suppresses them: "searches and matches" asks both, where "searches resulting in a
    match" asks matches alone."""
    listed = set()
    for entry in found:
        if entry.value not in suppressed:
            continue
        for other in found:
            if entry.value in other.suppresses and _side_by_side(entry.words, other.words, text):
                listed.add(entry.value)
    return listed


def _side_by_side(one: re.Pattern, other: re.Pattern, text: str) -> bool:
    """Whether words of `one` and of `other` stand next to each other in a list (`LISTED`)."""
    spans = [found.span() for found in one.finditer(text)]
    for found in other.finditer(text):
        for start, end in spans:
            if LISTED.fullmatch(text, end, found.start()) or LISTED.fullmatch(
                text, found.end(), start
            ):
                return True
    return False


# What stands around a table label's part once its measure's and technology's words are set
# aside: "White - searches", "(Female)".
LABEL_SEPARATORS: Final = " \t:;,.-–—/|()"


@lru_cache(maxsize=1024)  # a table's label is read again for each value beside it
def parts_labelled(label: str) -> dict[str, str]:
    """The breakdowns whose values are open (age, ethnicity...) of which a table's row label or
    column heading names one part by its whole words ("White", "18-24", "Female", "White
    searches"), each with that part as the label writes it: the words naming a measure or a
    technology set aside (`labels` and `values` in schemas/questions.yaml)."""
    spans = sorted(
        (start, end)
        for kind in ("measure", "technology")
        for _, start, end in named_where(kind, label)
    )
    kept, at = [], 0
    for start, end in spans:
        kept.append(label[at:start] if start > at else "")
        at = max(at, end)
    kept.append(label[at:])
    part = " ".join(" ".join(kept).split()).strip(LABEL_SEPARATORS)
    if not part:
        return {}
    return {
        e.value: part
        for e in _vocabulary()["breakdown"]
        if e.part_label is not None
        and BREAKDOWNS.get(e.value) is None
        and e.part_label.fullmatch(part)
    }


@cache
def counted_nouns() -> re.Pattern:
    """The nouns a figure counts in a sentence ("devices", "people"): `counted` in the file."""
    words = schema_yaml("questions.yaml")["counted"]
    return re.compile("|".join(f"(?:{w})" for w in words), re.I)


@cache
def counted_as() -> tuple[tuple[re.Pattern, frozenset[str]], ...]:
    """Each noun that counts one kind of thing only, with the measures it may count (`counted_as`
    in schemas/questions.yaml)."""
    return tuple(
        (re.compile(noun, re.I), frozenset(measures))
        for noun, measures in schema_yaml("questions.yaml")["counted_as"].items()
    )


@cache
def yes_no_measures() -> frozenset[str]:
    """The measures a question asks as yes or no (`yes_no: true` in schemas/questions.yaml)."""
    return frozenset(e.value for e in _vocabulary()["measure"] if e.yes_no)


def named(kind: str, text: str) -> tuple[str, ...]:
    """The values of `kind` ('technology', 'measure', 'breakdown') whose words `text` holds,
    those another found value suppresses left out."""
    return tuple(e.value for e in _found(kind, text))


def named_where(kind: str, text: str) -> tuple[tuple[str, int, int], ...]:
    """The values of `kind` that `text` names (as `named`), each with where its words first
    stand in it."""
    return tuple(
        (e.value, found.start(), found.end())
        for e in _found(kind, text)
        if (found := e.words.search(text))
    )


def named_in_answer(kind: str, text: str) -> tuple[tuple[str, str], ...]:
    """The values of `kind` that an answer's sentence names by their `answer_words` alone ("We
    have 12": devices_in_service), each with the words naming it."""
    return tuple(
        (e.value, found.group(0))
        for e in _vocabulary()[kind]
        if e.answer_words is not None and (found := e.answer_words.search(text))
    )


@cache
def at_a_date_measures() -> frozenset[str]:
    """Measures of how things stand (`at_a_date: true`): asked with no period, they are as at
    the day of the answer."""
    return frozenset(e.value for e in _vocabulary()["measure"] if e.at_a_date)


@cache
def device_measures() -> frozenset[str]:
    """Measures counting devices (`counts_devices: true`): a number they count is followed by
    the devices, never by occasions or places ("deployed at 14 events")."""
    return frozenset(e.value for e in _vocabulary()["measure"] if e.counts_devices)


def technologies_named(text: str) -> list[str]:
    return list(named("technology", text))


@lru_cache(maxsize=1024)  # a campaign asks every force the same questions
def _topics(
    text: str, context: tuple[str | None, ...], refers_to: str | None = None
) -> tuple[tuple[Topic, ...], str | None]:
    technologies = technologies_named(text)
    for passage in context:  # the heading, then the request's title or whole text
        if technologies:
            break
        if not passage:
            continue
        named = technologies_named(passage)
        technologies = named if len(named) == 1 else []
    breakdowns = _found("breakdown", text)
    blocked = {m for b in breakdowns for m in b.suppresses_measures}
    measures = [e.value for e in _found("measure", text) if e.value not in blocked]
    asked_apart = _measures_asked_apart(text)
    if len(asked_apart) > len(measures):
        measures = [m for m in asked_apart if m not in blocked]
    # "Of these, how many belonged to victims, witnesses or suspects?": a breakdown of what
    # the question referred back to counts, where that question asks one measure
    of_before = False
    if not measures and breakdowns and refers_to is not None:
        measures, of_before = _one_measure(refers_to), True
    if not technologies or not measures:
        missing = " and ".join(
            kind for kind, got in (("technology", technologies), ("measure", measures)) if not got
        )
        return (), f"no {missing} named in the vocabulary (schemas/questions.yaml)"
    period = period_in(text)
    if period is None and of_before and refers_to is not None:
        period = period_in(refers_to)  # "of these": of that question's period too
    start, end = iso_days(period)
    label = period.label if period else None
    topics: list[Topic] = []
    for measure in measures:
        fitting = [b for b in breakdowns if not b.only_with or measure in b.only_with]
        splits = [b.value for b in fitting]
        part_alone = any(_asks_a_part(b, text) for b in fitting) and not _asks_the_total_too(
            measure, text
        )
        # the total of what a question refers back to is that question's own
        if not (part_alone or of_before or any(b.replaces_total for b in fitting)):
            splits.insert(0, "none")
        for technology in technologies:
            topics.extend(Topic(technology, measure, split, start, end, label) for split in splits)
    return tuple(topics), None


def _one_measure(text: str) -> list[str]:
    """The one measure `text` asks, alone in a list; empty where it asks none or several."""
    asked = _measures_asked_apart(text) or named("measure", text)
    return list(asked) if len(asked) == 1 else []


def _pinned(text: str, question_map: Mapping[str, Iterable[Topic]]) -> tuple[Topic, ...] | None:
    said = words(text)
    for pinned, topics in question_map.items():
        key = words(pinned)
        if key == said or (len(key.split()) >= MAP_MIN_WORDS and (key in said or said in key)):
            return tuple(t if isinstance(t, Topic) else Topic(**t) for t in topics)
    return None


def map_question(
    text: str,
    question_map: Mapping[str, Iterable[Topic]] | None = None,
    context: Iterable[str | None] = (),
    label: str | None = None,
    number: str | None = None,
    refers_to: str | None = None,
) -> QuestionTopics:
    """The topics one question asks about. `context` holds passages the question stands
    under (the question it is a part of, its heading, the question it refers back to, the
    request's title, the request), tried in turn for a technology the question does not name,
    each only if it names exactly one. `refers_to` is the question it refers back to ("of
    these"), whose one measure a question naming a breakdown and no measure asks by it."""
    pinned = _pinned(text, question_map) if question_map else None
    if pinned is not None:
        return QuestionTopics(label, number, text, pinned, "question_map")
    topics, unmapped = _topics(text, tuple(context), refers_to)
    return QuestionTopics(label, number, text, topics, "vocabulary" if topics else None, unmapped)


def map_questions(
    response: Response, question_map: Mapping[str, Iterable[Topic]] | None = None
) -> tuple[QuestionTopics, ...]:
    """Every question of the response with its topics (unmapped ones kept, with a reason)."""
    if not question_map:
        return _mapped(response.questions, response.title, response.request)
    return _mapped_by(response.questions, response.title, response.request, question_map)


@lru_cache(maxsize=256)  # a campaign asks every force the same questions, letter after letter
def _mapped(questions, title, request) -> tuple[QuestionTopics, ...]:
    return _mapped_by(questions, title, request, None)


def _mapped_by(questions, title, request, question_map) -> tuple[QuestionTopics, ...]:
    mapped = []
    by_key: dict[str, str] = {}  # the text of each question so far, by key
    for index, q in enumerate(questions):
        # "How many of these searches ...": the question before says what "these" are.
        before = questions[index - 1].text if index and REFERS_BACK.search(q.text) else None
        # A part ("1a", "(b)", "ii.") asks about what the question it is part of names.
        parent = by_key.get(PART_OF.sub("", q.key)) if q.key and q.key[-1:].isalpha() else None
        context = (parent, q.heading, before, title, request)
        if q.key:
            by_key[q.key] = q.text
        mapped.append(map_question(q.text, question_map, context, q.label, q.number, before))
    return tuple(mapped)
