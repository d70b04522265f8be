from pathlib import Path

import click

FORMATS = (".xlsx", ".csv")


@click.command()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The file to write: .xlsx (with a Help sheet and drop-down lists) or .csv.",
)
@click.option("--replace", is_flag=True, help="Overwrite OUT if it exists.")
@click.option(
    "--campaign",
    "campaign_id",
    metavar="C",
    help="The campaign whose questions the rows are (bundled, or in --db); default the first.",
)
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help="Where C is.")
def template(out, replace, campaign_id, db):
    """Write an answer template for the campaign's questions, for forces to fill in.

    One row per technology, measure, year and breakdown asked (schemas/campaign.py). Send it
    with the request; ingest the filled copy, saved under the force's reference, with
    `multiforce ingest --force FORCE FILE`.

    \b
    Example:
      multiforce template --out answer-template.xlsx
    """
    from ..errors import MultiforceError
    from ..formats.template_writer import write_csv, write_xlsx

    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise MultiforceError(
            f"{out}: an answer template is written as .xlsx or .csv, not "
            f"{suffix or 'a file without extension'}. Expected --out ending in .xlsx or .csv, e.g. "
            "--out answer-template.xlsx."
        )
    if out.exists() and not replace:
        raise MultiforceError(
            f"{out} exists already. Expected a new file name, or --replace to overwrite it."
        )
    from ..campaigns.definition import find_campaign

    chosen = find_campaign(campaign_id, db) if campaign_id else None
    rows = (write_xlsx if suffix == ".xlsx" else write_csv)(out, chosen)
    click.echo(
        f"Wrote {out}: {rows} rows to fill in. Ingest the filled copy with: "
        f"multiforce ingest --force FORCE {out.name}"
    )
