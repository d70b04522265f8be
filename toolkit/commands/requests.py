import csv
import json
import sys
from datetime import date

import click

from . import database_option, format_option


@click.command("requests")
@database_option("The database to read.")
@click.option("--campaign", "campaign_id", metavar="C", help="Only this campaign's requests.")
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Work everything out as of this day (YYYY-MM-DD); default today.",
)
@format_option(
    ["table", "csv", "json"],
    "A table, or CSV or JSON with the requests' columns, standing, and working days overdue "
    "and late (at least, where the answer's day is not known).",
    name="output",
)
def requests(db, campaign_id, on, output):
    """Show where each request of a campaign stands, and how late.

    Answered, overdue (by how many working days), awaiting, in internal review, withdrawn; a
    summary line last (on stderr for CSV and JSON), then, on stderr, the responses that name a
    campaign the database does not hold (they answer no request; the view
    responses_naming_unknown_campaigns holds them).

    \b
    Example:
      multiforce requests --db multiforce.db --campaign scanners-2024 --on 2024-06-30
    """
    from ..campaigns.standing import COLUMNS, standings, summary
    from ..campaigns.store import campaigns_not_held
    from .forces import plain_table, rich_table

    day = on.date() if on else date.today()
    found = standings(db, campaign_id, day)
    rows = [item.row for item in found]
    if output == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif output == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        heading = ["request", "force", "standing", "late", "sent", "due", "status date"]
        cells = [
            [
                item.row["request_id"],
                item.force_name,
                item.standing.replace("_", " "),
                _late(item.row["working_days_late"], item.row["working_days_late_at_least"]),
                item.row["sent_date"] or "?",
                item.row["due_date"] or "?",
                item.row["status_date"] or "",
            ]
            for item in found
        ]
        if sys.stdout.isatty():
            rich_table(heading, cells, quiet=[item.standing == "answered" for item in found])
        else:
            click.echo(plain_table(heading, cells))
    click.echo(summary(found, day), err=output != "table")
    for campaign_id, responses in campaigns_not_held(db).items():
        click.echo(
            f"Note: {len(responses)} response(s) name campaign {campaign_id!r}, which {db} does "
            f"not hold: {', '.join(responses)}; they answer no request until it is added with "
            "`multiforce campaign new`, or their campaign_id is corrected.",
            err=True,
        )


def _late(working_days: int | None, at_least: int | None) -> str:
    """How late, for the table: '3 wd', '' when on time, 'at least 3 wd' when the answer's day
    is not known but the history saw it owed after its due date, else '?'."""
    if working_days is None:
        return f"at least {at_least} wd" if at_least else "?"
    return f"{working_days} wd" if working_days else ""
