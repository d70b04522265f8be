"""The base class every force adapter fills in, and the fixed sequence it runs.

An adapter declares how to recognise its force's documents, where the reference stands, and
its `figures` and `outcomes` rules; `parse` does the rest the same way for every force.
"""

import re
import sys
from pathlib import Path
from typing import ClassVar

from ..schemas.register import force_name
from . import cleaning
from .document import Document
from .errors import DocumentError
from .records import Extraction
from .rows import OGL, document_row, observation_row, outcome_row, response_row
from .rules import Figures, Ignore, Outcome

__all__ = ["OGL", "Adapter"]
WHOLE_NUMBER = re.compile(r"\d[\d,.]*%?")


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

    @classmethod
    def documents_folder(cls) -> Path:
        return Path(sys.modules[cls.__module__].__file__).parent / "documents"

    @classmethod
    def bundled_documents(cls) -> list[Path]:
        folder = cls.documents_folder()
        return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def recognises(self, document: Document) -> bool:
        return re.search(self.recognise, document.text) is not None

    def response_year(self, reference: str) -> int | None:
        return None

    def parse(self, document: Document) -> Extraction:
        if not self.recognises(document):
            raise DocumentError(
                document.path,
                f"this is not a {force_name(self.force_id)} response: its text does not match "
                f"the {self.force_id} adapter's pattern {self.recognise!r}.",
                f"a response from {force_name(self.force_id)}: check the file, or choose its "
                "force with --force (or leave --force out to let multiforce pick).",
            )
        reference = self._find(document, self.reference, "the FOI reference").group("reference")
        response = self.response_row(reference)
        response_id = response["response_id"]
        context = {"document_id": document.sha256}
        extraction = Extraction()
        extraction.add("responses", response)
        extraction.add("documents", document_row(document, response_id))
        year = self.response_year(reference)
        for rule in self.figures:
            for row in self._figures(document, rule, year):
                extraction.add(
                    "observations", observation_row(response_id, self.force_id, **context, **row)
                )
        for rule in self.outcomes:
            for row in self._outcomes(document, rule, year):
                extraction.add(
                    "outcomes", outcome_row(response_id, self.force_id, **context, **row)
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
        text = self._section(document, rule)
        matches = list(re.finditer(rule.pattern, text, re.M))
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
            for group, measure in rule.values.items():
                if group not in groups:
                    continue
                value = self._number(document, groups[group], rule.what)
                yield {
                    "technology": rule.technology,
                    "measure": measure.measure,
                    "period_start": period.start.isoformat(),
                    "period_end": period.end.isoformat(),
                    "period_label": period.label,
                    "breakdown": measure.breakdown,
                    "breakdown_value": measure.breakdown_value,
                    "value": value,
                    "unit": measure.unit,
                    "qualifier": rule.qualifier or cleaning.infer_qualifier(quote, caveat),
                    "caveat": caveat,
                    "quote": quote,
                    "locator": None,
                }

    def _outcomes(self, document: Document, rule: Outcome, response_year):
        text = self._section(document, rule)
        match = re.search(rule.evidence, text, re.M)
        if match is None:
            self._missing(document, rule.what, rule.evidence, 0, 1)
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        period = (
            self._period(document, rule.what, rule.period, groups, response_year)
            if rule.period
            else None
        )
        reason = (
            self._find(document, rule.reason, rule.what + " reason").group(0)
            if rule.reason
            else match.group(0)
        )
        for technology, measure, breakdown in rule.topics():
            yield {
                "technology": technology,
                "measure": measure,
                "breakdown": breakdown,
                "period_start": period.start.isoformat() if period else None,
                "period_end": period.end.isoformat() if period else None,
                "status": rule.status,
                "exemptions": rule.exemptions,
                "reason": reason.strip(),
                "quote": match.group(0).strip(),
                "locator": None,
            }

    def _whole_numbers(self, document: Document, what: str, text: str, match: re.Match) -> None:
        """A number a pattern captures must be a whole number of the text, never a piece of a
        longer one ('0001' out of '10001' is not a year): else a figure would be silently wrong."""
        for name, raw in match.groupdict().items():
            if raw is None or not WHOLE_NUMBER.fullmatch(raw):
                continue
            start, end = match.span(name)
            before, after = text[max(start - 2, 0) : start], text[end : end + 5]
            if (
                before[-1:].isdigit()
                or after[:1].isdigit()
                or re.fullmatch(r"\d\.", before)
                or re.match(r"\.\d", after)
                or (before.endswith(",") and before[:1].isdigit() and re.match(r"\d{3}(?!\d)", raw))
                or re.match(r",\d{3}(?!\d)", after)
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

    def _section(self, document: Document, rule) -> str:
        if rule.within is None:
            return document.text
        bounds = rule.within.within(document.text)
        if bounds is None:
            self._missing(document, rule.what, rule.within.after, 0, 1)
        start, end = bounds
        return document.text[start:end]

    def _find(self, document: Document, pattern: str, what: str) -> re.Match:
        match = re.search(pattern, document.text, re.M)
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

    def _missing(self, document: Document, what: str, pattern: str, found: int, wanted: int):
        raise DocumentError(
            document.path,
            f"{what} was not found ({found} of at least {wanted} passages matching {pattern!r}).",
            f"the complete text of a {force_name(self.force_id)} response in the form this "
            "adapter reads: the document may be truncated or edited; if the force changed its "
            f"format, update forces/{self.force_id.replace('-', '_')}.",
        )
