from pathlib import Path

import click

from . import db_option, existing_file


@click.group()
def campaign():
    """Campaigns: the questions sent, to which forces, and when.

    \b
    Example:
      multiforce campaign new campaigns/scanners-arches-extraction-2022.yaml --db multiforce.db
    """


@campaign.command("new")
@click.argument("file", type=existing_file)
@db_option
def new(file: Path, db: Path):
    """Add a campaign file's questions and a request per force asked (due dates computed).

    Running it again with the same file, or a copy of it under another name, changes nothing; a
    changed file updates the campaign and its questions, and never rewrites a request's history.

    \b
    Example:
      multiforce campaign new campaigns/scanners-arches-extraction-2022.yaml --db multiforce.db
    """
    from ..campaigns.definition import add_campaigns, load_campaign

    chosen = load_campaign(file)
    written = add_campaigns(db, [chosen])
    click.echo(
        f"{chosen.campaign_id}: written to {db}: {written}."
        if written
        else f"{chosen.campaign_id}: {db} holds it already; nothing changed."
    )
    click.echo(
        f"See where it stands with: multiforce requests --db {db} --campaign {chosen.campaign_id}"
    )


@campaign.command("withdraw")
@click.argument("request_ids", metavar="REQUEST...", nargs=-1, required=True)
@db_option
def withdraw(request_ids: tuple[str, ...], db: Path):
    """Withdraw requests (sent by mistake, or taken back), as of today.

    A withdrawn request leaves the overdue and silent lists and keeps its history; the
    requests command shows it as withdrawn. To withdraw a force a campaign file lists, take it
    out of the file and run `campaign new` again instead (putting it back undoes that).

    \b
    Example:
      multiforce campaign withdraw scanners-2024/kent --db multiforce.db
    """
    from ..campaigns.definition import withdraw_requests

    withdrawn = withdraw_requests(db, list(request_ids))
    for request_id in dict.fromkeys(request_ids):
        click.echo(
            f"{request_id} withdrawn, its history kept."
            if request_id in withdrawn
            else f"{request_id}: withdrawn already; nothing changed."
        )


# The CLI registers every command a module holds; these belong under `campaign` only.
del new, withdraw
