"""What a response did with each question, read from the force's own words.

The phrases are data (schemas/phrases.yaml). Each question's own numbered answer is read
first; where it says nothing about an outcome, the answer's overall statements that cover it
(those naming the question or its group first, then those covering every question), and last
a WhatDoTheyKnow status line. An outcome quotes the sentence that decides it, and cites the
sections of the Act the passages it read cite, written as the Act cites them ('s31(1)(a)').
A question none of these speak for is listed in `OutcomeReading.unsure`, for a person.
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

from ...schemas.vocabulary import EXEMPTION_SECTIONS
from ..layouts.data import any_of, flatten, schema_yaml
from ..layouts.engine import questions_named
from ..layouts.literals import Searchable, lowered, may_match, required_words
from ..layouts.names import forces_named
from ..layouts.response import Answer, Response, Statement
from .periods import NAMED_YEAR
from .questions import Topic, named
from .text import LIST_MARK, NOT_HELD_OF, echoes, sentences

FLAGS: Final = re.I
# The order a mix of phrases is decided in: the first status found wins, except that a
# refusal, a cost limit or a "not held" beside disclosed figures is a partial disclosure.
PRECEDENCE: Final = (
    "neither_confirm_nor_deny",
    "held_elsewhere",
    "cost_limit",  # before not_held: "not held in a format that allows its extraction ..."
    "not_held",
    "partially_disclosed",
    "refused",
    "disclosed",
)
WITHHOLDING: Final = {"refused", "cost_limit", "not_held", "partially_disclosed"}
REFUSING: Final = {"refused", "partially_disclosed", "neither_confirm_nor_deny"}
# What an answer may withhold of some topics while its figures give the others.
WITHHELD_PART: Final = ("cost_limit", "not_held", "refused")
# What a statement about the whole request says of each question in it.
UNIFORM: Final = ("neither_confirm_nor_deny", "held_elsewhere", "not_held", "cost_limit")
STATUS_LINE_REASON: Final = (
    "WhatDoTheyKnow's status line for the request (set by the requester), not the force's "
    "answer, which was not read"
)


@dataclass(frozen=True)
class Outcome:
    """The outcome of one question (`question` is its label; None for the whole request), for
    every topic it asks, or only for `topics` where it is limited to some of them."""

    question: str | None
    status: str
    quote: str
    exemptions: str | None = None
    held_by: str | None = None
    reason: str | None = None
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True)
class OutcomeReading:
    outcomes: tuple[Outcome, ...]
    unsure: tuple[str | None, ...]  # questions whose outcome the text does not say
    # why, where the text says (schemas/phrases.yaml `unsure_reasons`): label -> reason
    reasons: Mapping[str | None, str] = field(default_factory=dict)


@cache
def _vocabulary():
    data = schema_yaml("phrases.yaml")

    def compiled(groups):
        return {status: any_of(patterns, FLAGS) for status, patterns in groups.items()}

    statuses = compiled(data["statuses"])
    return (
        statuses,
        compiled(data["status_lines"]),
        _section_patterns()[0],
        re.compile(data["section_list"], FLAGS),
        frozenset(EXEMPTION_SECTIONS),
        re.compile(data["held_by"], FLAGS),
        # Most sentences say no status: the words each status's phrases need tell at once.
        {status: required_words(pattern) for status, pattern in statuses.items()},
    )


@cache
def _section_patterns() -> tuple[re.Pattern, ...]:
    """A section of the Act cited, one pattern for each word citing one ("section", "adran"):
    a text is searched for each only where its word stands."""
    data = schema_yaml("phrases.yaml")
    return tuple(
        re.compile(rf"\b(?:{words}){data['section']}", FLAGS)
        for words in flatten(data["section_words"])
    )


@cache
def _refusal_notice() -> tuple[re.Pattern, tuple[str, ...] | None]:
    """The pattern of a sentence saying the response is a refusal notice, and its words."""
    pattern = any_of(schema_yaml("phrases.yaml")["refusal_notice"], FLAGS)
    return pattern, required_words(pattern)


SUBSECTION: Final = re.compile(r"\(\s*(\w+)\s*\)")
# A section listed after another: "and 31(1)(a)", its further paragraphs "and (b)" with it.
LISTED: Final = re.compile(
    r"(?:,|and|&)\s*(\d{1,2})((?:\s*\(\s*\d+\s*\))*)(\s*\(\s*[a-z]\s*\))?"
    r"((?:\s*(?:,|and|&|or)?\s*\(\s*[a-z]\s*\))*)",
    re.I,
)


def _written(number: str, subsections: str, paragraph: str | None) -> str:
    parts = "".join(f"({n})" for n in SUBSECTION.findall(subsections or ""))
    letter = "".join(f"({n})" for n in SUBSECTION.findall(paragraph or ""))
    return f"s{int(number)}{parts}{letter}"


# "(by virtue of" or "...(b) by virtue of" just before a section: it qualifies the one before.
QUALIFIER: Final = re.compile(r"(?:\(|\)\s)\s*by virtue of\s*$", re.I)


def _denied(text: str, start: int, end: int) -> bool:
    """Whether the section cited from `start` to `end` is named only to be denied."""
    before = text[max(0, start - 60) : start]
    # most citations are not denied: the regular expression only where its words may be
    if ("not " in before or "Not " in before or "no longer" in before) and DENIED_BEFORE.search(
        before
    ):
        return True
    return DENIED_AFTER.match(text, end) is not None


def sections_cited(text: str) -> list[str]:
    """Every exemption section `text` cites, as the Act cites it, in order, once each:
    'Section 31(1)(a) and (b)' -> ['s31(1)(a)', 's31(1)(b)']; 'Sections 23 and 24' ->
    ['s23', 's24']; 'section 40 (2)' -> ['s40(2)']. Section 17 and the like are left out."""
    return list(_sections_cited(text))


@lru_cache(maxsize=256)
def _sections_cited(text: str) -> tuple[str, ...]:
    """`sections_cited`, cached: every question reads the answer's overall statements again."""
    _, _, _, section_list, cited, _, _ = _vocabulary()
    sections = _section_patterns()
    found: list[str] = []

    def add(number, subsections, paragraph):
        if int(number) in cited:
            written = _written(number, subsections, paragraph)
            if written not in found:
                found.append(written)

    searchable = Searchable(text)
    matches = [m for section in sections for m in searchable.finditer(section)]
    if len(sections) > 1:
        matches.sort(key=lambda m: m.start())
    for match in matches:
        if QUALIFIER.search(text[max(0, match.start() - 20) : match.start()]):
            continue  # "Section 30(3) (by virtue of Section 30(2))": a qualifier, not a citation
        if _denied(text, match.start(), match.end()):
            continue
        add(match["number"], match["subsections"], match["paragraph"])
        for letter in SUBSECTION.findall(match["more"] or ""):
            add(match["number"], match["subsections"], f"({letter})")
        listed = section_list.match(text, match.start())
        if listed and listed["others"]:
            for number, subsections, paragraph, more in LISTED.findall(listed["others"]):
                add(number, subsections, paragraph)
                for letter in SUBSECTION.findall(more):
                    add(number, subsections, f"({letter})")
    return tuple(f for f in found if not any(o.startswith(f + "(") for o in found))


# A phrase just after one of these words is denied, not said: "not exempt under section 31".
NEGATED: Final = re.compile(r"\b(?:not|no|never)\s+(?:(?:longer|considered|deemed)\s+)?$", re.I)
# A section named only to say it is not relied on: "not exempt under section 31", "Section 12
# does not apply".
DENIED_BEFORE: Final = re.compile(
    r"\b(?:not|no longer)\s+(?:(?:considered|deemed)\s+)?exempt\w*\s+(?:from disclosure\s+)?"
    r"(?:under|by virtue of)\s*$",
    re.I,
)
DENIED_AFTER: Final = re.compile(r"\s*(?:does|do|did|will) not apply\b", re.I)


@lru_cache(maxsize=8192)
def _statuses_said(sentence: str) -> tuple[str, ...]:
    """The statuses a sentence says (cached: overall statements are read for every question)."""
    statuses, words = _vocabulary()[0], _vocabulary()[-1]
    text = lowered(sentence)
    return tuple(
        status
        for status, pattern in statuses.items()
        if may_match(words[status], text)
        and _said(pattern, sentence, NOT_HELD_OF if status == "disclosed" else None)
    )


# A phrase just after its own first word and "or" ("is or is not held", "does or does not
# hold") names both answers to leave them open, as a refusal to confirm or deny does.
EITHER_WAY: Final = re.compile(r"\b(\w+)\s+or\s+$", re.I)


def _said(pattern: re.Pattern, sentence: str, unless: re.Pattern | None = None) -> bool:
    """Whether the sentence says the pattern's phrase, not denied ("not exempt") nor left open
    ("is or is not held"), nor opening a phrase of `unless` (a disclosure's "No" heading "No
    record of holdings is available": a denial, no answer "No")."""
    for found in pattern.finditer(sentence):
        if unless is not None:
            opened = unless.search(sentence, found.start())
            if opened is not None and opened.start() < found.end():
                continue
        before = max(0, found.start() - 25)
        if NEGATED.search(sentence, before, found.start()) is not None:
            continue
        # most phrases follow no "or": the regular expression only where one stands
        if " or " in sentence[before : found.start()]:
            either = EITHER_WAY.search(sentence, before, found.start())
            if either and _starts_with_word(found[0], either[1]):
                continue
        return True
    return False


def _starts_with_word(text: str, word: str) -> bool:
    return (
        text[: len(word)].lower() == word.lower() and not text[len(word) : len(word) + 1].isalnum()
    )


def _hits(passages: list[str], question_text: str) -> dict[str, str]:
    """The first sentence saying each status, among the passages (the question's echo skipped)."""
    hits: dict[str, str] = {}
    for passage in passages:
        for sentence in sentences(passage):
            said = _statuses_said(sentence)
            if not said or echoes(sentence, question_text):
                continue
            for status in said:
                hits.setdefault(status, sentence)
    return hits


def _decide(hits: dict[str, str], has_figures: bool) -> tuple[str, str] | None:
    found = next((status for status in PRECEDENCE if status in hits), None)
    if found is None:
        return ("disclosed", "") if has_figures else None
    if has_figures and found in WITHHOLDING:
        return "partially_disclosed", hits[found]
    return found, hits[found]


# A force named just after "not held by" is the one that does not hold it: the letter's own.
NOT_HELD_BY: Final = re.compile(r"\b(?:not|isn't|aren't) held by\s+(?:the\s+)?$", re.I)


def _held_by(sentence: str, own_force: str | None) -> str | None:
    others = [
        force_id
        for force_id, named in forces_named(sentence)
        if force_id != own_force and not NOT_HELD_BY.search(sentence, 0, named.start())
    ]
    return others[0] if others else None


def read_outcome(
    passages: list[str],
    question_text: str = "",
    own_force: str | None = None,
    figure_quote: str | None = None,
    label: str | None = None,
    statuses: tuple[str, ...] = PRECEDENCE,
    overall_sections: tuple[str, ...] = (),
    asked: tuple[Topic, ...] = (),
    years_given: frozenset[int] = frozenset(),
) -> Outcome | None:
    """The outcome the passages state for one question, or None when they state none.

    `figure_quote` is the quote of the first figure read from the question's own answer:
    with a refusal, cost limit or "not held" beside figures the answer is a partial
    disclosure, and so it is with a sentence saying a part of what was asked is not held
    (`_part_not_held`: of `asked`, its topics, the years its figures give being
    `years_given`). Only `statuses` are considered. A refusal whose passages cite no section
    takes `overall_sections` (those the answer's overall decision cites), with a reason."""
    hits = {k: v for k, v in _hits(passages, question_text).items() if k in statuses}
    if figure_quote and "not_held" in statuses and not any(s in hits for s in WITHHOLDING):
        part = _part_not_held(passages, question_text, asked, years_given)
        if part:
            hits["not_held"] = part
    decided = _decide(hits, bool(figure_quote))
    if decided is None:
        return None
    status, quote = decided
    quote = quote or figure_quote or ""  # a quote is empty only beside figures: theirs
    decisive = next((s for s in PRECEDENCE if s in hits), None)
    held_by = None
    if status == "held_elsewhere" or "held_elsewhere" in hits:
        held_by = _held_by(hits.get("held_elsewhere", quote), own_force)
        status = "not_held" if status == "held_elsewhere" else status
    cited = [] if status in ("disclosed", "not_held") else sections_cited("\n".join(passages))
    reason = None
    if not cited and decisive in REFUSING and overall_sections:
        cited, reason = list(overall_sections), "sections read from the answer's overall decision"
    return Outcome(label, status, quote, ";".join(cited) or None, held_by, reason)


def _part_not_held(
    passages: list[str], question_text: str, asked: tuple[Topic, ...], years_given: frozenset[int]
) -> str | None:
    """The first sentence saying information is not held (`NOT_HELD_OF`: "No record of
    holdings is available for 2022 or 2023.") of a part of what was asked, or None: after its
    denial it names a year of the period a topic asks that no figure gives, or it names some
    of the topics asked (a breakdown, or some of the measures: `_topics_named`). A denial of
    something else ("We have no record of the make of the knife wands.") names no part."""
    spans = [
        (int(t.period_start[:4]), int(t.period_end[:4]))
        for t in asked
        if t.period_start and t.period_end
    ]
    for passage in passages:
        if not NOT_HELD_OF.search(passage):
            continue  # most answers deny nothing: their sentences only where one does
        for sentence in sentences(passage):
            denial = NOT_HELD_OF.search(sentence)
            if denial is None or echoes(sentence, question_text):
                continue
            years = {int(y) for y in NAMED_YEAR.findall(sentence, denial.start())}
            if any(
                first <= year <= last and year not in years_given
                for year in years
                for first, last in spans
            ):
                return sentence
            if _topics_named(sentence, asked):
                return sentence
    return None


def _broad_statuses(own_answer: str) -> tuple[str, ...]:
    """What a statement about the whole request may say of one question: `UNIFORM`, and also
    "disclosed" ("I am able to disclose the information as follows") when the question has its
    own answer below it that invokes no section of the Act (a "Section 8" invalid request, an
    exemption named in it, is no disclosure)."""
    if own_answer and not any(section.search(own_answer) for section in _section_patterns()):
        return (*UNIFORM, "disclosed")
    return UNIFORM


def _notices_apart(answers: tuple[Answer, ...]) -> tuple[dict[str | None, str], list[str]]:
    """The answers holding a sentence that says the response is a refusal notice, each without
    it (by label), and those sentences. Such a sentence speaks of the whole response, not of
    the question whose answer it follows: the last answer often runs on into it. An answer
    that says nothing else is left whole: the notice is then that question's own refusal."""
    notice, words = _refusal_notice()
    apart: dict[str | None, str] = {}
    notices: list[str] = []
    for answer in answers:
        if not may_match(words, lowered(answer.text)):
            continue
        found = [s for s in sentences(answer.text) if _said(notice, s)]
        rest = answer.text
        for sentence in found:
            rest = rest.replace(sentence, "")
        if found and any(not LIST_MARK.match(s) for s in sentences(rest)):
            apart[answer.question] = rest
            notices += [s for s in found if s not in notices]
    return apart, notices


def _status_line_outcome(lines: tuple[str, ...], label: str | None) -> Outcome | None:
    for line in lines:
        for status, pattern in _vocabulary()[1].items():
            if pattern.search(line):
                return Outcome(label, status, line, reason=STATUS_LINE_REASON)
    return None


def read_outcomes(
    response: Response,
    figure_quotes: dict[str, str] | None = None,
    asked: Mapping[str, tuple[Topic, ...]] | None = None,
    given: Mapping[str, Collection[Topic]] | None = None,
    years_given: Mapping[str, frozenset[int]] | None = None,
) -> OutcomeReading:
    """Each question's outcome: from its own answer, then the statements naming it or its
    group, then those covering every question (which, said of the whole request, speak for
    one question only when they say it is not held, over the cost limit or neither confirmed
    nor denied), then a WhatDoTheyKnow status line. Where there are several questions, a
    sentence saying the response is a refusal notice is one of the statements covering every
    question, even inside a question's answer (`_notices_apart`). `figure_quotes` maps a
    question's label to the quote of the first figure read from its own answer (see
    meaning.figures). A partial disclosure is an outcome for each part where `_in_parts` is
    sure of them, from `asked` (a question's label -> its topics) and `given` (-> those of
    its topics the figures of its own answer give); `years_given` maps it to the years those
    figures give, to tell a sentence saying a part of the period asked is not held. A response
    without numbered questions is read as one question."""
    figure_quotes = figure_quotes or {}
    asked = asked or {}
    given = given or {}
    years_given = years_given or {}
    labels: list[str | None] = [q.label for q in response.questions] or [None]
    several = len(labels) > 1
    apart: dict[str | None, str] = {}
    statements = response.statements
    if several:
        apart, notices = _notices_apart(response.answers)
        every = tuple(q.label for q in response.questions)
        # A notice naming questions ("in respect of question 2") speaks for those alone.
        statements += tuple(
            Statement(notice, questions_named(notice, response.questions) or every)
            for notice in notices
        )
    outcomes: list[Outcome] = []
    unsure: list[str | None] = []
    reasons: dict[str | None, str] = {}
    for label in labels:
        question = response.question(label) if label else None
        question_text = question.text if question else ""
        own = apart.get(label) or (response.answer_to(label) if label else "")
        covering = [s for s in statements if label is None or label in s.covers]
        # A statement that answers this question alone is part of its own answer.
        own_lines = [own] + [s.text for s in covering if s.covers in ((label,), ())]
        narrow = [s.text for s in covering if 1 < len(s.covers) < len(labels)]
        broad = [s.text for s in covering if len(s.covers) >= max(len(labels), 2)]
        if not response.answers and not response.statements:
            broad = [response.answer] if response.answer else []
        overall = tuple(sections_cited("\n".join(narrow + broad)))
        levels = (
            (own_lines, None if label is None else figure_quotes.get(label), PRECEDENCE),
            (narrow, None, PRECEDENCE),
            (broad, None, _broad_statuses(own) if several else PRECEDENCE),
        )
        outcome = None
        for passages, figure_quote, statuses in levels:
            passages = [p for p in passages if p]
            if passages or figure_quote:
                outcome = read_outcome(
                    passages,
                    question_text,
                    response.force_id,
                    figure_quote,
                    label,
                    statuses,
                    overall,
                    asked.get(label, ()) if label else (),
                    years_given.get(label, frozenset()) if label else frozenset(),
                )
            if outcome:
                break
        outcome = outcome or _status_line_outcome(response.status_lines, label)
        # beside figures, `passages` are the own answer's: the level that decided it
        if outcome and outcome.status == "partially_disclosed" and figure_quote and label:
            outcomes += _in_parts(
                outcome,
                passages,
                question_text,
                figure_quote,
                asked.get(label, ()),
                given.get(label, ()),
            )
        elif outcome:
            outcomes.append(outcome)
        else:
            unsure.append(label)
            reason = _unsure_reason([p for passages, _, _ in levels for p in passages])
            if reason:
                reasons[label] = reason
    return OutcomeReading(tuple(outcomes), tuple(unsure), reasons)


def _in_parts(
    outcome: Outcome,
    passages: list[str],
    question_text: str,
    figure_quote: str,
    asked: tuple[Topic, ...],
    given: Collection[Topic],
) -> list[Outcome]:
    """A partial disclosure as an outcome for each part, where it is sure of them: every
    sentence of the passages that withholds (not held, refused, over the cost limit) names
    breakdowns or measures of the question, and the figures read give each of its other
    topics and none of those. The topics given are disclosed (quoting the first figure); the
    others take the status and quote of the sentence naming them. Else the one partial
    disclosure, for every topic: a part is never guessed."""
    label = outcome.question
    whole = [outcome]
    withheld: dict[Topic, tuple[str, str]] = {}  # topic -> (status, sentence)
    for passage in passages:
        for sentence in sentences(passage):
            said = [s for s in PRECEDENCE if s in _statuses_said(sentence) and s != "disclosed"]
            if not said or echoes(sentence, question_text):
                continue
            named_topics = _topics_named(sentence, asked)
            if said[0] not in WITHHELD_PART or not named_topics:
                return whole
            for topic in named_topics:
                if withheld.setdefault(topic, (said[0], sentence))[0] != said[0]:
                    return whole
    rest = tuple(topic for topic in asked if topic not in withheld)
    if not withheld or not rest or any(t in given for t in withheld):
        return whole
    if not all(t in given for t in rest):
        return whole
    parts = [Outcome(label, "disclosed", figure_quote, topics=rest)]
    by_sentence: dict[tuple[str, str], list[Topic]] = {}
    for topic in asked:
        if topic in withheld:
            by_sentence.setdefault(withheld[topic], []).append(topic)
    for (status, sentence), topics in by_sentence.items():
        # a sentence citing no section takes those the whole answer cites, as one outcome would
        cited = ";".join(sections_cited(sentence)) or None
        exemptions, reason = (cited, None) if cited else (outcome.exemptions, outcome.reason)
        if status == "not_held":
            exemptions = reason = None
        parts.append(Outcome(label, status, sentence, exemptions, None, reason, tuple(topics)))
    return parts


def _topics_named(sentence: str, asked: tuple[Topic, ...]) -> tuple[Topic, ...]:
    """The topics asked that a sentence names: those of the breakdowns it names (of the
    measures it names too, where it names only some of those asked), or, naming no breakdown
    asked, those of the measures it names, where it names only some of them."""
    breakdowns = set(named("breakdown", sentence)) & {t.breakdown for t in asked}
    measures = set(named("measure", sentence)) & {t.measure for t in asked}
    if measures == {t.measure for t in asked}:
        measures = set()  # naming every measure asked tells none apart
    if breakdowns:
        return tuple(
            t
            for t in asked
            if t.breakdown in breakdowns and (not measures or t.measure in measures)
        )
    return tuple(t for t in asked if t.measure in measures)


def _unsure_reason(passages: list[str]) -> str | None:
    """The reason (schemas/phrases.yaml `unsure_reasons`) the passages give for leaving a
    question's outcome to a person, quoting the sentence that gives it where the reason says
    "{sentence}", or None."""
    for reason, pattern in _unsure_reasons().items():
        for passage in passages:
            if not passage or not pattern.search(passage):
                continue  # most passages give no reason: their sentences only where one does
            # a pattern's spaces may cross a line a sentence ends: the passage is then quoted
            found = next((s for s in sentences(passage) if pattern.search(s)), passage.strip())
            return reason.format(sentence=found)
    return None


@cache
def _unsure_reasons() -> dict[str, re.Pattern]:
    reasons = schema_yaml("phrases.yaml").get("unsure_reasons") or {}
    return {reason: any_of(patterns, FLAGS) for reason, patterns in reasons.items()}
