import click

from . import db_option, existing_file, force_option, jobs_option, quiet_option, report_all


@click.command()
@db_option
@force_option
@jobs_option
@quiet_option
@click.argument("files", nargs=-1, required=True, type=existing_file)
def ingest(db, force, jobs, quiet, files):
    """Parse, validate and publish response documents into DB (created if missing).

    Without --force, the adapter that recognises each document is used. A document already
    published (the same bytes, read by the same code) is skipped without being parsed.

    \b
    Example:
      multiforce ingest --db campaign.db --force metropolitan response.html
    """
    from .. import progress
    from ..pipeline import ingest as run
    from ..workers import default_jobs

    with progress.for_output(quiet) as display:
        results = run(db, files, force, jobs=jobs or default_jobs(), progress=display)
    report_all(results, quiet)
    if all(item.skipped for item in results):
        click.echo(f"Nothing new: every document is already published, and {db} is unchanged.")
    else:
        click.echo(f"Published into {db}.")
