"""A draft of a response for a person to review: what the general readers make of a document
no adapter reads, written as a reviewed-draft YAML (a transcription that points at its document).

The reading is the layout's (force, reference, dates, title, numbered questions and answers)
and the meaning library's (each question's topics, each answer's outcome with the sections it
cites, the figures in the shapes forces use, each with its verbatim quote). What the reading is
not sure of is written as YAML comments, never as rows: questions it could not map, questions
whose outcome the text does not say, every number the audit cannot explain and every other
number the reading left to a person (one written as a word too). A figure read
from OCR text is marked for a person to confirm against the scan. Nothing in a draft depends on
when or where it was made, so a draft of the same document is the same bytes every time.

    multiforce draft response.pdf --out drafts/   # then review drafts/response.pdf.yaml
    multiforce ingest drafts/response.pdf.yaml    # with the document beside it
"""

import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .audit import audit, in_period
from .cleaning import iso_days
from .document import Document
from .errors import MultiforceError
from .layouts import Response, read_response
from .meaning import Meaning, Topic, period_in, read_meaning
from .readers import read_document
from .readers.safety import check_text, time_limit

QuestionMap = Mapping[str, Iterable[Topic]]
OUTCOME_ORDER = ("question", "technology", "measure", "breakdown", "period", "status")
OUTCOME_ORDER += ("exemptions", "held_by", "reason", "quote")
CONTEXT = 60  # characters of a line quoted in a comment
WIDTH = 96  # YAML lines, comments included, stay readable in a terminal


@dataclass(frozen=True)
class Reading:
    """A document as the general readers read it, with what a draft of it says."""

    document: Document
    response: Response
    meaning: Meaning
    force_id: str | None
    campaign_id: str | None = None

    @property
    def empty(self) -> bool:
        # a letter whose numbered questions are found is drafted, each for a person to answer,
        # even where nothing says what was done with them
        meaning = self.meaning
        numbered = any(question.number is not None for question in meaning.questions)
        return not (meaning.outcomes or meaning.figures or meaning.unsure_figures or numbered)

    def rows(self) -> dict[str, list[dict]]:
        """The draft's figures and outcomes as rows enough for the audit to explain numbers, and
        its tables' heading rows of periods, whose years are those periods."""
        observations = [
            {
                "observation_id": f"figure {n}",
                "value": f.value,
                "unit": f.unit,
                "caveat": f.caveat,
                "quote": f.quote,
                "period_start": f.period_start,
                "period_end": f.period_end,
                "period_label": f.period_label,
                "technology": f.technology,
                "measure": f.measure,
                "breakdown_value": f.breakdown_value,
            }
            for n, f in enumerate(self.meaning.figures, 1)
        ]
        outcomes = [
            {
                "outcome_id": f"outcome {n}",
                "quote": o.quote,
                "status": o.status,
                "technology": topic.technology,
                "measure": topic.measure,
                "period_start": topic.period_start,
                "period_end": topic.period_end,
                "period_label": topic.period_label,
            }
            for n, o in enumerate(self.meaning.outcomes, 1)
            for topic in self.meaning.topics_of(o) or (Topic("", ""),)
        ]
        headings: list[dict] = []
        for line, periods in self.meaning.period_headings:
            for period in periods:
                start, end = iso_days(period)
                headings.append(
                    {
                        "quote": line,
                        "period_start": start,
                        "period_end": end,
                        "period_label": period.label,
                    }
                )
        labels = [
            {"quote": line, "label": label}
            for line, named in self.meaning.part_headings
            for label in named
        ]
        return {
            "observations": observations,
            "outcomes": outcomes,
            "period_headings": headings,
            "part_headings": labels,
        }

    def audit(self):
        return audit(self.document.path, self.document.text, self.rows())


def read(
    path: Path | str,
    *,
    source_url: str | None = None,
    force_id: str | None = None,
    question_map: QuestionMap | None = None,
    campaign_id: str | None = None,
) -> Reading:
    """Read a document with the general readers: layout, then meaning. An empty reading (no
    outcome, no figure, no number left for a person) is an error: a draft that says nothing
    would pass for an answer."""
    path = Path(path)
    with time_limit(path):
        document = read_document(path)
        check_text(document.path, document.text)
        response = read_response(document, source_url=source_url)
        meaning = read_meaning(response, question_map)
    found = response.force_id
    if force_id and found and force_id != found:
        raise MultiforceError(
            f"{path}: --force says {force_id!r}, but the document reads as {found!r}'s response "
            f"({response.force_evidence or 'layout ' + response.layout}). Expected the force "
            "the document is from: leave --force out, or check the file."
        )
    reading = Reading(document, response, meaning, force_id or found, campaign_id)
    if reading.empty:
        asked = ", ".join(q.label or "the request" for q in meaning.questions) or "none found"
        why = "; ".join(dict.fromkeys(meaning.unsure_reasons.values()))
        why = f" ({why})" if why else ""
        raise MultiforceError(
            f"{path}: nothing could be read from this document (layout {response.layout}; "
            f"questions: {asked}): no outcome, no figure, no number{why}. Expected a response "
            "that says "
            "what was done with each question; if it does, transcribe it by hand "
            "(docs/drafting.md) or run `multiforce show-text` on it to see the text multiforce "
            "reads."
        )
    return reading


def campaign_question_map(campaign_id: str, db: Path | str | None = None) -> QuestionMap:
    """The campaign's question map (its questions' text -> topics), from toolkit.campaigns."""
    try:
        from .campaigns import question_map
    except ImportError:
        raise MultiforceError(
            f"--campaign {campaign_id}: this installation of multiforce has no campaigns "
            "(toolkit/campaigns). Expected a multiforce with campaigns, or leave --campaign out "
            "to map questions by the vocabulary alone."
        ) from None
    return {
        text: tuple(
            Topic(t.technology, t.measure, t.breakdown or "none", t.period_start, t.period_end)
            for t in topics
        )
        for text, topics in question_map(campaign_id, db).items()
    }


def draft_yaml(reading: Reading) -> str:
    """The reviewed-draft YAML of a reading, with what it is not sure of as comments."""
    document, response, meaning = reading.document, reading.response, reading.meaning
    ocr = document.text_source == "ocr"
    out = [
        f"# Draft of {document.filename}, read by multiforce draft (layout {response.layout}).",
        "# Check every line against the document: correct what is wrong, settle each comment,",
        "# then `multiforce ingest` this file with the document beside it (docs/drafting.md).",
    ]
    if ocr:
        out.append(
            "# The text was recognised by OCR from page images: confirm every figure on the scan."
        )
    header = {
        "source_kind": "transcription",
        "force_id": reading.force_id,
        "reference": response.reference,
        "title": response.title,
        "request_date": response.request_date,
        "response_date": response.response_date,
        "source_url": response.source_url,
        "campaign_id": reading.campaign_id,
        "layout": response.layout,
        "document": {"filename": document.filename, "sha256": document.sha256},
    }
    missing = [key for key in ("force_id", "reference", "title") if header[key] is None]
    if missing:
        out.append(f"# Not stated in the document, to fill in: {', '.join(missing)}.")
    if response.response_date is None and response.response_month:
        out.append(f"# The page's address gives the month {response.response_month}, not the day.")
    header["document"] = _Flow(header["document"])
    out.append(_dump({k: v for k, v in header.items() if v is not None or k in missing}))

    out.append("questions:" + " []" * (not meaning.questions))
    for question in meaning.questions:
        comments = [f"unmapped: {question.unmapped or 'no topic found'}"] * (not question.topics)
        entry = {
            "number": question.label,
            "text": question.text,
            "topics": [_topic(topic) for topic in question.topics],
        }
        out.append(_item(entry, comments))

    out.append("outcomes:" + " []" * (not meaning.outcomes))
    for label in meaning.unsure_outcomes:
        reason = meaning.unsure_reasons.get(label)
        out.append(
            f"  # {label or 'the request'}: the text does not say what was done with it"
            f"{f' ({reason})' if reason else ''}; add its outcome."
        )
    for outcome in meaning.outcomes:
        topics = meaning.topics_of(outcome)
        if not topics:
            out.append(_item(_outcome(outcome, None), ["its question has no topic: add them"]))
        # One entry per topic asked, its breakdowns together: [none, age, gender, ethnicity].
        breakdowns: dict[tuple, list[str]] = {}
        for t in topics:
            key = (t.technology, t.measure, t.period_start, t.period_end, t.period_label)
            breakdowns.setdefault(key, []).append(t.breakdown)
        for (technology, measure, start, end, label), kinds in breakdowns.items():
            topic = Topic(technology, measure, "none", start, end, label)
            entry = _outcome(outcome, topic)
            if kinds != ["none"]:
                entry = {**entry, "breakdown": kinds[0] if len(kinds) == 1 else _FlowList(kinds)}
                entry = {k: entry[k] for k in OUTCOME_ORDER if k in entry}
            out.append(_item(entry))

    out.append("figures:" + " []" * (not meaning.figures))
    seen: dict[tuple, float] = {}
    for figure in meaning.figures:
        key = (figure.technology, figure.measure, figure.period_start, figure.period_end)
        key += (figure.breakdown, figure.breakdown_value)
        comments = ["OCR: confirm this figure on the scan"] if ocr else []
        if key in seen:
            if seen[key] == figure.value:
                continue  # the same figure stated again (a summary table repeats a column)
            comments.append(f"the same figure was read as {seen[key]:g} too: keep the right one")
        seen.setdefault(key, figure.value)
        out.append(_item(_figure(figure), comments))

    unexplained = reading.audit().unexplained
    unsure = {(u.text, u.quote): u.reason for u in meaning.unsure_figures}
    listed: set[tuple[str, str]] = set()
    if unexplained:
        lines = document.text.splitlines()
        asked = _question_spans(document.text, meaning)
        out.append("# Numbers not read as figures that the audit cannot explain: is any a figure?")
        for number in unexplained:
            line = lines[number.line - 1]
            key = next((k for k in unsure if k[0] == number.text and k[1] in line), None)
            if key:
                listed.add(key)
            elif _period_of_an_unsure_row(number.text, line, unsure):
                continue  # the row's own number is listed, with its period
            why = unsure[key] if key else _asked_in(number, asked) or "no shape of a figure"
            out.append(_comment(f"line {number.line}: {number.text} ({why}): {_shown(line)}"))
    # The audit reads digits alone: a number written as a word ("six knife wands"), or one
    # the audit explains otherwise, is still the reading's doubt and the person's to settle.
    left = [key for key in unsure if key not in listed]
    if left:
        out.append("# Numbers the reading left to a person: is any a figure?")
        for text, quote in left:
            where = _line_of(document.text, quote)
            where = f"line {where}: " if where else ""
            out.append(_comment(f"{where}{text} ({unsure[text, quote]}): {_shown(quote)}"))
    return "\n".join(out) + "\n"


def _question_spans(text: str, meaning: Meaning) -> list[tuple[int, int, str]]:
    """Where each question's text stands in the document, and what it is called."""
    spans = []
    for question in meaning.questions:
        at = text.find(question.text) if question.text else -1
        if at >= 0:
            name = f"question {question.label}" if question.label else "the request"
            spans.append((at, at + len(question.text), name))
    return spans


def _asked_in(number, asked: list[tuple[int, int, str]]) -> str | None:
    """Why a number the audit leaves is likely no figure: it stands in a question's text
    ("children under 18"). It is still listed: a letter may answer inside the question."""
    for start, end, name in asked:
        if start <= number.start < end:
            return f"in the text of {name}"
    return None


def _period_of_an_unsure_row(number: str, line: str, unsure: Iterable[tuple[str, str]]) -> bool:
    """Whether `number` is part of the period of a row on `line` whose value the reading left
    to a person ("2021" of "2021 | 980*"): no doubt of its own."""
    for _, quote in unsure:
        if quote and quote in line and (period := period_in(quote)) is not None:
            start, end = iso_days(period)
            if in_period(start, end, period.label)(number):
                return True
    return False


def _shown(line: str) -> str:
    shown = line.strip()
    return shown if len(shown) <= CONTEXT else shown[:CONTEXT] + "…"


def _line_of(text: str, quote: str) -> int | None:
    """The line of the document where a quote starts, None where it is not found whole."""
    start = text.find(quote)
    return text.count("\n", 0, start) + 1 if start >= 0 else None


def write_draft(reading: Reading, out_dir: Path | str) -> Path:
    """The draft written into out_dir as DOCUMENT.yaml, with a copy of the document beside it
    (a reviewed draft is ingested with its document)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    source = reading.document.path
    beside = out_dir / source.name
    if not beside.exists():
        shutil.copyfile(source, beside)
    elif beside.read_bytes() != reading.document.data:
        raise MultiforceError(
            f"{beside}: another file of that name is in {out_dir} already. Expected the folder "
            "to hold the document the draft is made from: choose another --out."
        )
    target = out_dir / f"{source.name}.yaml"
    target.write_text(draft_yaml(reading), encoding="utf-8")
    return target


def draft_attachment(
    path: Path | str,
    source_url: str | None,
    force_id: str | None,
    campaign: str | None,
    db: Path | str | None = None,
) -> Path:
    """Draft a WhatDoTheyKnow attachment where it lies: PATH.yaml beside it. The campaign's
    question map (from db, or the bundled campaigns) is used when the campaign has one."""
    question_map = None
    if campaign:
        try:
            question_map = campaign_question_map(campaign, db)
        except MultiforceError:
            pass  # a campaign made by import-wdtk has no questions yet: the vocabulary maps them
    path = Path(path)
    reading = read(
        path,
        source_url=source_url,
        force_id=force_id,
        question_map=question_map,
        campaign_id=campaign,
    )
    return write_draft(reading, path.parent)


def _topic(topic: Topic) -> dict:
    entry = _Flow(technology=topic.technology, measure=topic.measure)
    if topic.breakdown != "none":
        entry["breakdown"] = topic.breakdown
    if topic.period_start:
        entry["period"] = _period(topic.period_start, topic.period_end, topic.period_label)
    return entry


def _outcome(outcome, topic: Topic | None) -> dict:
    entry = {"question": outcome.question}
    if topic is not None:
        entry.update(dict(_topic(topic)))
    entry["status"] = outcome.status
    for key in ("exemptions", "held_by", "reason"):
        if getattr(outcome, key):
            entry[key] = getattr(outcome, key)
    entry["quote"] = outcome.quote
    return entry


def _figure(figure) -> dict:
    entry = {
        "question": figure.question,
        "technology": figure.technology,
        "measure": figure.measure,
    }
    if figure.breakdown != "none":
        entry["breakdown"] = figure.breakdown
        entry["breakdown_value"] = figure.breakdown_value
    entry["period"] = _period(figure.period_start, figure.period_end, figure.period_label)
    entry["value"] = int(figure.value) if float(figure.value).is_integer() else figure.value
    if figure.unit != "count":
        entry["unit"] = figure.unit
    if figure.qualifier != "exact":
        entry["qualifier"] = figure.qualifier
    if figure.caveat:
        entry["caveat"] = figure.caveat
    entry["quote"] = figure.quote
    return entry


def _period(start: str | None, end: str | None, label: str | None) -> dict:
    period = _Flow(start=start)
    if end:
        period["end"] = end
    if label:
        period["label"] = label
    return period


class _Flow(dict):
    """A mapping written on one line (a topic, a period): a draft reads as a list of rows."""


class _FlowList(list):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowList,
    lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, True),
)

_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, True)
)


def _dump(value) -> str:
    return yaml.dump(
        value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=WIDTH
    ).rstrip("\n")


def _item(entry: dict, comments: Iterable[str] = ()) -> str:
    body = "\n".join("  " + line for line in _dump([entry]).splitlines())
    return "\n".join([*(_comment(c, "  ") for c in comments), body])


def _comment(text: str, indent: str = "") -> str:
    return f"{indent}# {' '.join(text.split())}"
