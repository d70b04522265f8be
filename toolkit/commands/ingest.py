import click

from . import db_option, existing_file, force_option, report


@click.command()
@db_option
@force_option
@click.argument("files", nargs=-1, required=True, type=existing_file)
def ingest(db, force, files):
    """Parse, validate and publish response documents into DB (created if missing).

    Without --force, the adapter that recognises each document is used. A document already
    published (the same bytes, read by the same code) is skipped without being parsed.

    \b
    Example:
      multiforce ingest --db campaign.db --force metropolitan response.html
    """
    from ..pipeline import ingest as run

    results = run(db, files, force)
    for item in results:
        report(item)
    if all(item.skipped for item in results):
        click.echo(f"Nothing new: every document is already published, and {db} is unchanged.")
    else:
        click.echo(f"Published into {db}.")
