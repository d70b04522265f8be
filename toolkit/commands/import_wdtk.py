from pathlib import Path

import click

from . import db_option, existing_file


def _campaign_id(ctx, param, value: str) -> str:
    from ...schemas.campaign import is_slug

    if not is_slug(value):
        raise click.BadParameter(
            f"{value!r} is not a campaign id. Expected lower-case letters, digits and hyphens "
            "(e.g. scanners-2024): the id of a campaign file, or a new one to make.",
            ctx,
            param,
        )
    return value


@click.command("import-wdtk")
@db_option
@click.option(
    "--campaign",
    "campaign_id",
    required=True,
    metavar="C",
    callback=_campaign_id,
    help="The campaign the requests are of.",
)
@click.option(
    "--attachments",
    "attachments_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where a batch zip's attachments are saved (default: DB's name + '-attachments').",
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day a batch CSV was downloaded (its statuses carry no dates); default today.",
)
@click.argument("files", nargs=-1, required=True, type=existing_file)
def import_wdtk(db, campaign_id, attachments_dir, as_of, files):
    """Read WhatDoTheyKnow's saved files (no network): request JSON, batch CSV, batch zip.

    Each request's status and history go into requests and request_events (the campaign is
    made, titled from the request, if the database lacks it); a batch zip's attachments are
    saved and handed to drafting. Importing a file again changes nothing.

    \b
    Example:
      multiforce import-wdtk --db multiforce.db --campaign scanners-2024 download.csv
    """
    from ..campaigns.importing import import_files

    folder = attachments_dir or db.with_name(f"{db.stem}-attachments")
    done = import_files(db, campaign_id, list(files), folder, as_of.date() if as_of else None)
    click.echo(
        f"{campaign_id}: written to {db}: {done.summary}."
        if done.summary
        else f"{campaign_id}: nothing new in these files; {db} is unchanged{done.passed_over}."
    )
    for note in done.notes:
        click.echo(f"Note: {note}.", err=True)
    if done.attachments and not done.drafted:
        click.echo(
            f"{len(done.attachments)} attachment(s) saved; draft each with `multiforce draft`:"
        )
        for item in done.attachments:
            click.echo(f"  {item.path}  ({item.force_id}, {item.source_url})")
    elif done.attachments:
        click.echo(
            f"{len(done.attachments)} attachment(s) saved, {len(done.drafts)} drafted for a "
            "person to review, then `multiforce ingest`:"
        )
        for draft in done.drafts:
            click.echo(f"  {draft}")
        for _, reason in done.undrafted:
            click.echo(f"  not drafted, for a person to transcribe: {reason}")
