"""Hand transcriptions and reviewed drafts: one YAML file per response.

A transcription records what a published response said (refusals, "not held", a figure or two)
with a `locator` for each row, where the document is not shipped. It lives under its force's
folder, forces/<force_id with underscores>/transcriptions/<reference-slug>.yaml, which may hold
no adapter at all.

A reviewed draft is the same YAML with a top-level `document: {filename, sha256}`: the document
sits beside the YAML, each row carries a `quote` from the document's text instead of a locator,
and the rows are published with the document, as a response read from a document.
docs/formats.md describes every key.
"""

from pathlib import Path

from ... import forces
from ..cleaning import iso_days
from ..document import Document
from ..readers import read_document
from ..records import Extraction, response_id
from ..rows import (
    OGL,
    document_row,
    observation_row,
    outcome_row,
    question_row,
    response_row,
)
from . import FormatAdapter
from ._entries import (
    FIGURE_KEYS,
    OUTCOME_KEYS,
    TOPIC,
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
    one_or_more,
    outcome_rows,
    period,
    provenance,
    read_entry,
    recognises,
    text,
)

KIND = "transcription"
RESPONSE_KEYS = {
    "source_kind": Key(choice([KIND], "source kind"), required=True),
    "force_id": Key(text, required=True),
    "reference": Key(text, required=True),
    "title": Key(text, required=True),
    "request_date": Key(iso_date),
    "response_date": Key(iso_date),
    "source_url": Key(text),
    "licence": Key(text, default=OGL),
    "document": Key(mapping),  # a reviewed draft: the document it was reviewed against
    "campaign_id": Key(text),
    "layout": Key(text),
    "review_of": Key(text),  # the reference of the force's response this reviews
    "questions": Key(entries, default=[]),
    "outcomes": Key(entries, default=[]),
    "figures": Key(entries, default=[]),
}
DOCUMENT_KEYS = {"filename": Key(text, required=True), "sha256": Key(text, required=True)}
QUESTION_KEYS = {
    "number": Key(text),
    "text": Key(text, required=True),
    "topics": Key(entries, default=[]),
}
TOPIC_KEYS = {
    "technology": Key(one_or_more(TOPIC), required=True),
    "measure": Key(one_or_more(TOPIC), required=True),
    "breakdown": Key(TOPIC),
    "period": Key(period),
}


class Transcription(FormatAdapter):
    name = KIND

    def recognises(self, document: Document) -> bool:
        return recognises(document, KIND)

    @classmethod
    def bundled_documents(cls) -> list[Path]:
        return sorted(Path(forces.__file__).parent.glob(f"*/{KIND}s/*.yaml"))

    def parse(self, document: Document, force_id: str | None) -> Extraction:
        problems = Problems()
        response, _ = read_entry(load(document, KIND, problems), RESPONSE_KEYS, "", problems)
        force = response["force_id"]
        if force and force_id and force_id != force:
            problems.add(
                "", f"force_id: the file is {force!r}'s response, but --force says {force_id!r}"
            )
        source = _reviewed_document(document, response["document"], problems)
        draft = response["document"] is not None
        if not draft and response["source_url"] is None:
            problems.add("", "source_url: missing (required: where the response is published)")
        if not draft and not (response["outcomes"] or response["figures"]):
            problems.add(
                "", "neither outcomes nor figures: say what the response did with each topic asked"
            )
        if not (force and response["reference"]):
            problems.raise_if_any(document, KIND)
        this = response_id(force, response["reference"])
        document_id = source.sha256 if source else None
        rows: dict[str, list] = {"questions": [], "observations": [], "outcomes": []}
        places: dict[str, list] = {"questions": [], "observations": [], "outcomes": []}
        for n, entry in enumerate(response["questions"], 1):
            for row in _questions(entry, f"question {n}", problems):
                rows["questions"].append(question_row(this, row))
                places["questions"].append(f"question {n}")
        for n, entry in enumerate(response["figures"], 1):
            where = f"figure {n}"
            values, ok = read_entry(entry, FIGURE_KEYS, where, problems)
            provenance(values, where, problems, quoted=draft)
            row = figure_row(values, where, problems) if ok else None
            if row is not None:
                rows["observations"].append(
                    observation_row(this, force, {"document_id": document_id, **row})
                )
                places["observations"].append(where)
        for n, entry in enumerate(response["outcomes"], 1):
            where = f"outcome {n}"
            values, ok = read_entry(entry, OUTCOME_KEYS, where, problems)
            provenance(values, where, problems, quoted=draft)
            for row in outcome_rows(values) if ok else []:
                rows["outcomes"].append(
                    outcome_row(this, force, {"document_id": document_id, **row})
                )
                places["outcomes"].append(where)
        reviewed = response["review_of"]
        responses = [
            response_row(
                force,
                response["reference"],
                title=response["title"],
                request_date=response["request_date"],
                response_date=response["response_date"],
                source_url=response["source_url"],
                licence=response["licence"],
                source_kind="document" if draft else KIND,
                campaign_id=response["campaign_id"],
                layout=response["layout"],
                review_of=response_id(force, reviewed) if reviewed else None,
            )
        ]
        made = {"responses": [(responses[0], "")]}
        made |= {table: list(zip(rows[table], places[table], strict=True)) for table in rows}
        failed = {
            table: check_rows(table, [row for row, _ in pairs], [at for _, at in pairs], problems)
            for table, pairs in made.items()
        }
        if problems.lines:
            if source is not None:  # a draft's quotes are checked in its document
                made["documents"], failed["documents"] = [(document_row(source, this), "")], set()
            check_across_rows(made, failed, problems)
        problems.raise_if_any(document, KIND)

        extraction = Extraction()
        extraction.add("responses", responses[0])
        if source is not None:
            extraction.add("documents", document_row(source, this))
        for table, made in rows.items():
            for row in made:
                extraction.add(table, row)
        return extraction


def _reviewed_document(draft: Document, given: dict | None, problems: Problems):
    """The document a reviewed draft names, read from beside the YAML, if it is that file."""
    if given is None:
        return None
    values, ok = read_entry(given, DOCUMENT_KEYS, "document", problems)
    if not ok:
        return None
    path = draft.path.parent / values["filename"]
    if not path.is_file():
        problems.add(
            "document",
            f"filename: no file {values['filename']!r} beside this draft (in {draft.path.parent}); "
            "keep the document it was reviewed against in the same folder",
        )
        return None
    source = read_document(path)
    if source.sha256 != values["sha256"].lower():
        problems.add(
            "document",
            f"sha256: {values['filename']} has sha256 {source.sha256}, the draft says "
            f"{values['sha256']}: the draft was reviewed against another version of the file; "
            "review it again against this one (or put the right file beside it)",
        )
        return None
    return source


def _questions(entry, where: str, problems: Problems) -> list[dict]:
    """A question's rows: one per topic it maps to, or one with no topic if it is unmapped."""
    values, ok = read_entry(entry, QUESTION_KEYS, where, problems)
    if not ok:
        return []
    asked = {"number": values["number"], "text": values["text"]}
    found = []
    for n, topic in enumerate(values["topics"], 1):
        given, ok = read_entry(topic, TOPIC_KEYS, f"{where} topic {n}", problems)
        if not ok:
            continue
        start, end = iso_days(given["period"])
        for technology in given["technology"]:
            for measure in given["measure"]:
                found.append(
                    {
                        **asked,
                        "technology": technology,
                        "measure": measure,
                        "breakdown": given["breakdown"],
                        "period_start": start,
                        "period_end": end,
                    }
                )
    return found or [asked]
