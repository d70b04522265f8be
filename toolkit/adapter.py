"""The base class every force adapter fills in, and the fixed sequence it runs.

A document is first read by its layout (toolkit/layouts: force, reference, dates, the
request's questions). An adapter declares only what is particular to its force's responses:
how to tell them, where the reference stands, and its rules (`figures`, `outcomes`, `ignored`,
or several `rule_sets`, one per kind of request, chosen by the questions asked). It claims a
document only when one of its rule sets fits the request; any other response goes to
`multiforce draft`. `parse` does the rest the same way for every force: statuses are read
from the force's words unless a rule gives one, sections of the Act are always read from the
text, and a reading that finds no outcome is an error, never an empty success.
"""

import inspect
import re
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, Final, NoReturn

from mypy_extensions import mypyc_attr

from ..schemas.register import force_name
from . import cleaning
from .document import Document
from .errors import DocumentError
from .layouts import Response, read_response
from .layouts.literals import Searchable
from .meaning import map_questions, read_meaning, read_outcome, sections_cited
from .records import Extraction
from .rows import (
    OGL,
    document_row,
    observation_row,
    outcome_row,
    question_row,
    response_row,
)
from .rules import Figures, Ignore, Outcome, RuleSet, compiled

__all__ = ["OGL", "Adapter"]
WHOLE_NUMBER: Final = re.compile(r"\d[\d,.]*%?")
# What, around a number a pattern captured, shows it to be a piece of a longer one
DECIMAL_POINT_BEFORE: Final = re.compile(r"\d\.")
DECIMALS_AFTER: Final = re.compile(r"\.\d")
THOUSANDS: Final = re.compile(r"\d{3}(?!\d)")
THOUSANDS_AFTER: Final = re.compile(r",\d{3}(?!\d)")
REFUSING: Final = ("refused", "neither_confirm_nor_deny")
# the Act's section for the cost limit, whether or not the letter names it
COST_LIMIT: Final = "s12"


# Each force's adapter subclasses this one, compiled or not (setup.py MULTIFORCE_COMPILE).
@mypyc_attr(allow_interpreted_subclasses=True)
class Adapter:
    force_id: ClassVar[str]
    recognise: ClassVar[str]  # a pattern only this force's documents match
    reference: ClassVar[str]  # a pattern with a `reference` group
    title: ClassVar[str]
    source_url: ClassVar[str | None] = None
    licence: ClassVar[str] = OGL
    figures: ClassVar[tuple[Figures, ...]] = ()
    outcomes: ClassVar[tuple[Outcome, ...]] = ()
    # Passages whose numbers are not figures, with the reason: what `multiforce audit` reports.
    ignored: ClassVar[tuple[Ignore, ...]] = ()
    # One rule set per kind of request the force answers; without any, the rules above.
    rule_sets: ClassVar[tuple[RuleSet, ...]] = ()
    # What the audit of the document last parsed skips: `ignored` and its rule set's own.
    audit_ignored: tuple[Ignore, ...] = ()

    @classmethod
    def documents_folder(cls) -> Path:
        return Path(inspect.getfile(cls)).parent / "documents"

    @classmethod
    def bundled_documents(cls) -> list[Path]:
        folder = cls.documents_folder()
        return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def recognises(self, document: Document) -> bool:
        """Whether this adapter reads the document: its force's, and a request it has rules for."""
        if re.search(self.recognise, document.text) is None:
            return False
        return self.rule_set(_layout(document, self)) is not None

    def rule_set(self, response: Response) -> RuleSet | None:
        """The rule set for the request the response answers, chosen by its questions."""
        questions = [q.text for q in response.questions]
        return next((rules for rules in self._sets() if rules.fits(questions)), None)

    def _sets(self) -> tuple[RuleSet, ...]:
        return self.rule_sets or (
            RuleSet(figures=self.figures, outcomes=self.outcomes, ignored=()),
        )

    def response_year(self, reference: str) -> int | None:
        """The year the response was written, where the force's reference says it."""
        return None

    def parse(self, document: Document) -> Extraction:
        if re.search(self.recognise, document.text) is None:
            raise DocumentError(
                document.path,
                f"this is not a {force_name(self.force_id)} response: its text does not match "
                f"the {self.force_id} adapter's pattern {self.recognise!r}.",
                f"a response from {force_name(self.force_id)}: check the file, or choose its "
                "force with --force (or leave --force out to let multiforce pick).",
            )
        response = _layout(document, self)
        rules = self.rule_set(response)
        if rules is None:
            asked = "; ".join(q.text for q in response.questions) or "no numbered questions"
            raise DocumentError(
                document.path,
                f"the {self.force_id} adapter has no rules for this request (it asks: {asked}).",
                "a response to a request the adapter knows; for another request run "
                f"`multiforce draft {document.path} --out drafts/` and review the draft.",
            )
        self.audit_ignored = (*self.ignored, *rules.ignored)
        self._text = Searchable(document.text)
        # The sections rules read, by the id of their `within` (the rules hold it): a frozen
        # dataclass hashes every field at each lookup.
        self._sections: dict[int, Searchable] = {}
        reference = self._find(document, self.reference, "the FOI reference").group("reference")
        published = self.response_row(reference)
        response_id = published["response_id"]
        extraction = Extraction()
        extraction.add("responses", _dated(published, response))
        extraction.add("documents", document_row(document, response_id))
        year = self.response_year(reference) or _year(response)

        def read(table: str, row: dict) -> None:
            row["document_id"] = document.sha256
            build = observation_row if table == "observations" else outcome_row
            extraction.add(table, build(response_id, self.force_id, row))

        for rule in rules.figures:
            for row in self._figures(document, rule, year):
                read("observations", row)
        for outcome in rules.outcomes:
            for row in self._outcomes(document, response, outcome, year):
                read("outcomes", row)
        for table, row in self._general(response, extraction) if rules.reading else ():
            read(table, row)
        for row in _asked(response):  # so that "asked and ignored" is told from "not asked"
            extraction.add("questions", question_row(response_id, row))
        if not extraction.rows["outcomes"]:
            unanswered = "; ".join(q.label or q.text for q in response.questions) or "all"
            raise DocumentError(
                document.path,
                f"the {self.force_id} adapter read no outcome from this document: nothing says "
                f"what was done with the questions it asks ({unanswered}).",
                f"rules that read each question's outcome (forces/{self.force_id.replace('-', '_')}"
                "): a reading that finds nothing must not pass for an answer.",
            )
        return extraction

    def response_row(self, reference: str) -> dict:
        return response_row(
            self.force_id,
            reference,
            title=self.title,
            source_url=self.source_url,
            licence=self.licence,
            source_kind="document",
        )

    def _figures(self, document: Document, rule: Figures, response_year):
        section = self._section(document, rule)
        text = section.text
        matches = list(section.finditer(compiled(rule.pattern)))
        if len(matches) < rule.at_least:
            self._missing(document, rule.what, rule.pattern, len(matches), rule.at_least)
        shared_caveat = (
            self._find(document, rule.caveat, rule.what + " caveat").group(0)
            if rule.caveat
            else None
        )
        for match in matches:
            self._whole_numbers(document, rule.what, text, match)
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            period = self._period(document, rule.what, rule.period, groups, response_year)
            caveat = groups.get("caveat", shared_caveat)
            caveat = caveat.strip() if caveat else None
            quote = match.group(0).strip()
            qualifier = rule.qualifier or cleaning.infer_qualifier(quote, caveat)
            start, end = cleaning.iso_days(period)
            for group, measure in rule.values.items():
                if group not in groups:
                    continue
                value = self._number(document, groups[group], rule.what)
                yield {
                    "technology": rule.technology,
                    "measure": measure.measure,
                    "period_start": start,
                    "period_end": end,
                    "period_label": period.label,
                    "breakdown": measure.breakdown,
                    "breakdown_value": measure.breakdown_value,
                    "value": value,
                    "unit": measure.unit,
                    "qualifier": qualifier,
                    "caveat": caveat,
                    "quote": quote,
                    "locator": None,
                }

    def _outcomes(self, document: Document, response: Response, rule: Outcome, response_year):
        match = self._section(document, rule).search(compiled(rule.evidence))
        if match is None:
            self._missing(document, rule.what, rule.evidence, 0, 1)
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        period = (
            self._period(document, rule.what, rule.period, groups, response_year)
            if rule.period
            else None
        )
        start, end = cleaning.iso_days(period)
        quote = match.group(0).strip()
        reason = (
            self._find(document, rule.reason, rule.what + " reason").group(0)
            if rule.reason
            else match.group(0)
        ).strip()
        status = rule.status or self._status(document, rule, [quote, reason])
        exemptions = _sections(status, [quote, reason], response)
        for technology, measure, breakdown in rule.topics():
            yield {
                "technology": technology,
                "measure": measure,
                "breakdown": breakdown,
                "period_start": start,
                "period_end": end,
                "status": status,
                "exemptions": exemptions,
                "reason": reason,
                "quote": quote,
                "locator": None,
            }

    def _general(self, response: Response, extraction: Extraction):
        """What the general readers find that the rules do not cover: figures of another key,
        outcomes of a topic no rule speaks for. The rules override the reading, topic by topic."""
        meaning = read_meaning(response)
        ruled = {_figure_key(row) for row in extraction.rows["observations"]}
        for figure in meaning.figures:
            row = _figure_row(figure)
            if _figure_key(row) not in ruled:
                ruled.add(_figure_key(row))
                yield "observations", row
        spoken = {_topic_key(row) for row in extraction.rows["outcomes"]}
        for outcome in meaning.outcomes:
            for topic in meaning.topics_of(outcome):
                row = _outcome_row(outcome, topic)
                if _topic_key(row) not in spoken:
                    spoken.add(_topic_key(row))
                    yield "outcomes", row

    def _status(self, document: Document, rule: Outcome, passages: list[str]) -> str:
        """The status the force's own words state (schemas/phrases.yaml)."""
        status = _stated_status(tuple(passages), self.force_id)
        if status is None:
            raise DocumentError(
                document.path,
                f"in {rule.what}, the passage {passages[0]!r} does not say what was done with "
                "the question in words multiforce knows.",
                "a passage that states the outcome (not held, refused, over the cost limit...); "
                f"if the force says it in its own way, give the rule a status in "
                f"forces/{self.force_id.replace('-', '_')}, or add the phrase to "
                "schemas/phrases.yaml.",
            )
        return status

    def _whole_numbers(self, document: Document, what: str, text: str, match: re.Match) -> None:
        """A number a pattern captures must be a whole number of the text, never a piece of a
        longer one ('0001' out of '10001' is not a year): else a figure would be silently wrong."""
        for name, raw in match.groupdict().items():
            if raw is None or not WHOLE_NUMBER.fullmatch(raw):
                continue
            start, end = match.span(name)
            if not (_may_join(text[start - 1 : start]) or _may_join(text[end : end + 1])):
                continue  # no digit, point or comma beside it: whole, as most figures are
            before, after = text[max(start - 2, 0) : start], text[end : end + 5]
            if (
                before[-1:].isdigit()
                or after[:1].isdigit()
                or DECIMAL_POINT_BEFORE.fullmatch(before)
                or DECIMALS_AFTER.match(after)
                or (before.endswith(",") and before[:1].isdigit() and THOUSANDS.match(raw))
                or THOUSANDS_AFTER.match(after)
            ):
                line = document.text.count("\n", 0, document.text.find(match.group(0))) + 1
                raise DocumentError(
                    document.path,
                    f"in {what} (line {line}), the adapter's pattern read {raw!r} out of the "
                    f"longer number {(before + raw + after).strip()!r}.",
                    "figures that stand alone in the text: if the document is right, the "
                    "adapter's pattern needs a boundary (\\b) around its numbers "
                    f"(forces/{self.force_id.replace('-', '_')}).",
                )

    def _period(self, document: Document, what: str, period, groups: dict, response_year):
        try:
            return period.resolve(groups, response_year)
        except (ValueError, KeyError, TypeError) as error:
            raise DocumentError(
                document.path,
                f"in {what}, the period {groups} is not a date ({error}).",
                "years written as four digits (e.g. 2021) in the passages the adapter reads.",
            ) from None

    def _section(self, document: Document, rule) -> Searchable:
        """The part of the text the rule reads: the whole, or its `within` section."""
        within = rule.within
        if within is None:
            return self._text
        section = self._sections.get(id(within))
        if section is None:
            bounds = within.within(self._text)
            if bounds is None:
                self._missing(document, rule.what, within.after, 0, 1)
            section = self._sections[id(within)] = self._text.part(*bounds)
        return section

    def _find(self, document: Document, pattern: str, what: str) -> re.Match:
        match = self._text.search(compiled(pattern))
        if match is None:
            self._missing(document, what, pattern, 0, 1)
        return match

    def _number(self, document: Document, raw: str, what: str) -> float:
        try:
            return cleaning.parse_number(raw)
        except ValueError:
            raise DocumentError(
                document.path,
                f"in {what}, {raw!r} is not a number.",
                "figures written as digits (e.g. 21,790 or 93%).",
            ) from None

    def _missing(
        self, document: Document, what: str, pattern: str | tuple[str, ...], found: int, wanted: int
    ) -> NoReturn:
        raise DocumentError(
            document.path,
            f"{what} was not found ({found} of at least {wanted} passages matching {pattern!r}).",
            f"the complete text of a response from {force_name(self.force_id)}, in the form this "
            "adapter reads: the document may be truncated or edited; if the force changed its "
            f"format, update forces/{self.force_id.replace('-', '_')}.",
        )


@lru_cache(maxsize=1024)  # a force words its refusals alike from letter to letter
def _stated_status(passages: tuple[str, ...], force_id: str) -> str | None:
    read = read_outcome(list(passages), own_force=force_id)
    return read.status if read else None


def _may_join(neighbour: str) -> bool:
    """Whether a character beside a number may make it part of a longer one."""
    return neighbour.isdigit() or neighbour in (".", ",")


def _sections(status: str, passages: list[str], response: Response) -> str | None:
    """The sections of the Act an outcome cites, as the Act cites them, read from the text:
    its own passages first; a refusal citing none takes those of the response's decision; the
    cost limit is section 12 whether or not the letter names it."""
    if status in ("disclosed", "not_held"):
        return None
    cited = sections_cited("\n".join(passages))
    if not cited and status in REFUSING:
        cited = sections_cited(response.answer or response.body)
    if not cited and status == "cost_limit":
        cited = [COST_LIMIT]
    return ";".join(cited) or None


def _year(response: Response) -> int | None:
    """The year the response was written, from the date (or month) its layout reads."""
    written = response.response_date or response.response_month
    return int(written[:4]) if written else None


def _figure_key(row: dict) -> tuple:
    keys = ("technology", "measure", "period_start", "period_end", "breakdown", "breakdown_value")
    return tuple(row[k] for k in keys)


def _topic_key(row: dict) -> tuple:
    return row["technology"], row["measure"], row["breakdown"]


def _figure_row(figure) -> dict:
    return {
        "technology": figure.technology,
        "measure": figure.measure,
        "period_start": figure.period_start,
        "period_end": figure.period_end,
        "period_label": figure.period_label,
        "breakdown": figure.breakdown,
        "breakdown_value": figure.breakdown_value,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "caveat": figure.caveat,
        "quote": figure.quote,
        "locator": None,
    }


def _outcome_row(outcome, topic) -> dict:
    return {
        "technology": topic.technology,
        "measure": topic.measure,
        "breakdown": topic.breakdown,
        "period_start": topic.period_start,
        "period_end": topic.period_end,
        "status": outcome.status,
        "exemptions": outcome.exemptions,
        "reason": outcome.reason or outcome.quote,
        "quote": outcome.quote,
        "locator": None,
    }


def _dated(row: dict, response: Response) -> dict:
    """The response row with the dates its layout reads, where the adapter gives none, and the
    layout profile that read it."""
    for key in ("request_date", "response_date"):
        if row.get(key) is None and getattr(response, key):
            row[key] = getattr(response, key)
    row["layout"] = row.get("layout") or response.layout
    return row


_LAYOUTS: Final[dict[tuple, Response]] = {}


def _layout(document: Document, adapter: Adapter) -> Response:
    """The document's layout reading, read once for recognising and parsing it: answer by
    answer only where one of the adapter's rule sets publishes the general reading."""
    by_question = any(rules.reading for rules in adapter._sets())
    key = (document.path, document.sha256, adapter.force_id, by_question)
    if key not in _LAYOUTS:
        if len(_LAYOUTS) >= 4:  # documents come one at a time: keep only the last few
            _LAYOUTS.pop(next(iter(_LAYOUTS)))
        _LAYOUTS[key] = read_response(document, force_id=adapter.force_id, by_question=by_question)
    return _LAYOUTS[key]


def _asked(response: Response):
    """Each question the request asks, a row per topic the vocabulary maps it to (one with no
    topic where it maps to none: kept, for a person to see)."""
    for question in map_questions(response):
        asked = {"number": question.label, "text": question.text}
        for topic in question.topics:
            yield {
                **asked,
                "technology": topic.technology,
                "measure": topic.measure,
                "breakdown": topic.breakdown,
                "period_start": topic.period_start,
                "period_end": topic.period_end,
            }
        if not question.topics:
            yield asked
