"""Hand transcriptions: one YAML file per response whose document is not shipped.

A transcription records what a published response said (refusals, "not held", a figure or two)
with a `locator` for each row instead of a quote into a document. It lives under its force's
folder, forces/<force_id with underscores>/transcriptions/<reference-slug>.yaml, which may hold
no adapter at all. The README's "Compilations and transcriptions" describes every key.
"""

from pathlib import Path

from ... import forces
from ..adapter import OGL
from ..document import Document
from ..records import Extraction
from . import FormatAdapter
from ._entries import (
    FIGURE_KEYS,
    OUTCOME_KEYS,
    Key,
    Problems,
    choice,
    entries,
    figure_row,
    iso_date,
    load,
    outcome_rows,
    read_entry,
    recognises,
    registered_force,
    text,
    url,
    with_ids,
)

KIND = "transcription"
RESPONSE_KEYS = {
    "source_kind": Key(choice([KIND], "source kind"), required=True),
    "force_id": Key(registered_force, required=True),
    "reference": Key(text, required=True),
    "title": Key(text, required=True),
    "request_date": Key(iso_date),
    "response_date": Key(iso_date),
    "source_url": Key(url, required=True),
    "licence": Key(text, default=OGL),
    "outcomes": Key(entries, default=[]),
    "figures": Key(entries, default=[]),
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
        if not (response["outcomes"] or response["figures"]):
            problems.add(
                "", "neither outcomes nor figures: say what the response did with each topic asked"
            )
        figures = []
        for n, entry in enumerate(response["figures"], 1):
            values, ok = read_entry(entry, FIGURE_KEYS, f"figure {n}", problems)
            figures.append(figure_row(values, f"figure {n}", problems) if ok else None)
        outcomes = []
        for n, entry in enumerate(response["outcomes"], 1):
            values, ok = read_entry(entry, OUTCOME_KEYS, f"outcome {n}", problems)
            outcomes += outcome_rows(values) if ok else []
        problems.raise_if_any(document, KIND)

        response_id = f"{force}/{response['reference']}"
        extraction = Extraction()
        extraction.add(
            "responses",
            {
                "response_id": response_id,
                "force_id": force,
                "reference": response["reference"],
                "title": response["title"],
                "request_date": response["request_date"],
                "response_date": response["response_date"],
                "source_url": response["source_url"],
                "licence": response["licence"],
                "source_kind": KIND,
            },
        )
        for row in figures:
            extraction.add("observations", with_ids("observations", response_id, force, row))
        for row in outcomes:
            extraction.add("outcomes", with_ids("outcomes", response_id, force, row))
        return extraction
