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
    from ..campaigns.store import campaigns_not_held
    from ..pipeline import ingest as run
    from ..workers import default_jobs

    not_held_before = campaigns_not_held(db)
    with progress.for_output(quiet) as display:
        results = run(db, files, force, jobs=jobs or default_jobs(), progress=display)
    report_all(results, quiet)
    if all(item.skipped for item in results):
        click.echo(f"Nothing new: every document is already published, and {db} is unchanged.")
    else:
        click.echo(f"Published into {db}.")
    _warn_of_campaigns_not_held(db, not_held_before, campaigns_not_held(db))


def _warn_of_campaigns_not_held(db, before: dict, after: dict) -> None:
    """A response may be read before its campaign is added, so this is a warning, not an
    error; but a mistyped campaign id would otherwise leave its request overdue unseen. Said
    of the responses this ingest published, once: the `requests` command lists them all."""
    for campaign_id, responses in after.items():
        published = [item for item in responses if item not in before.get(campaign_id, ())]
        if not published:
            continue
        click.echo(
            f"warning: {db}: {len(published)} response(s) published now name campaign "
            f"{campaign_id!r}, which the database does not hold ({', '.join(published[:3])}"
            f"{', ...' if len(published) > 3 else ''}); they answer no request. Expected a "
            f"campaign the database holds: add it with `multiforce campaign new FILE --db {db}`, "
            "or correct the campaign_id the response gives. `multiforce requests --db "
            f"{db}` lists every response naming a campaign not held.",
            err=True,
        )
