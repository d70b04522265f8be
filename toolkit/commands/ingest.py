import click

from . import db_option, existing_file, force_option, report


@click.command()
@db_option
@force_option
@click.argument("files", nargs=-1, required=True, type=existing_file)
def ingest(db, force, files):
    """Parse, validate and publish response documents into DB (created if missing).

    Without --force, the adapter that recognises each document is used.

    Example: multiforce ingest --db campaign.db --force metropolitan response.html
    """
    from ..pipeline import ingest as run

    for item in run(db, files, force):
        report(item)
    click.echo(f"Published into {db}.")
