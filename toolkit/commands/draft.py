import re
from pathlib import Path

import click

from . import existing_file, force_option, how_many, out_option


def _web_address(ctx, param, url: str | None) -> str | None:
    from ...schemas.vocabulary import WEB_ADDRESS_PATTERN

    if url is not None and not re.match(WEB_ADDRESS_PATTERN, url):
        raise click.BadParameter(
            f"{url!r} is not a web address. Expected the page's address, http:// or https://.",
            ctx,
            param,
        )
    return url


@click.command()
@click.argument("documents", nargs=-1, required=True, type=existing_file)
@out_option(
    "The folder the drafts (DOCUMENT.yaml) and copies of the documents are written to.",
    folder=True,
    name="out_dir",
)
@click.option(
    "--source-url",
    metavar="URL",
    callback=_web_address,
    help="The address the document was published at: it helps tell the layout and the force.",
)
@force_option
@click.option(
    "--campaign",
    metavar="CAMPAIGN",
    help="The campaign the request belongs to: its question map decides what each question asks.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The database holding --campaign, if it is not a bundled one (`campaign new` added it).",
)
def draft(documents, out_dir, source_url, force, campaign, db):
    """Write a draft of each response DOCUMENT for a person to review, then ingest.

    Each draft is OUT/DOCUMENT.yaml, a transcription that points at the document (a copy is put
    beside it): the response's force, reference, dates and title, every question with its
    topics, every outcome and figure with its quote. What multiforce is not sure of is written
    as comments: unmapped questions, questions with no outcome, numbers it cannot explain.

    \b
    Example:
      multiforce draft response.pdf --out drafts/
      multiforce ingest drafts/response.pdf.yaml
    """
    from ..drafting import campaign_question_map, read, write_draft

    question_map = campaign_question_map(campaign, db) if campaign else None
    for document in documents:
        reading = read(
            document,
            source_url=source_url,
            force_id=force,
            question_map=question_map,
            campaign_id=campaign,
        )
        meaning = reading.meaning
        target = write_draft(reading, out_dir)
        notes = [
            f"{len(meaning.unmapped)} unmapped question(s)" * bool(meaning.unmapped),
            f"{len(meaning.unsure_outcomes)} question(s) with no outcome"
            * bool(meaning.unsure_outcomes),
            "text from OCR: confirm every figure" * (reading.document.text_source == "ocr"),
        ]
        summary = ", ".join(note for note in notes if note)
        click.echo(
            f"{target}: {how_many(len(meaning.questions), 'question')}, "
            f"{how_many(len(meaning.outcomes), 'outcome')}, "
            f"{how_many(len(meaning.figures), 'figure')}" + (f"; {summary}" if summary else "")
        )
