from pathlib import Path

import click

from . import DEFAULT_DB, db_path


@click.command()
@click.option(
    "--db", type=db_path, default=DEFAULT_DB, show_default=True, help="The database to export."
)
@click.option(
    "--format",
    "format",
    type=click.Choice(["csv", "parquet", "datapackage"]),
    default="csv",
    show_default=True,
    help="CSV or Parquet per table, or CSV plus a Frictionless datapackage.json.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write into (created if missing).",
)
def export(db, format, out):
    """Export every table of DB as CSV, Parquet, or a Frictionless data package.

    \b
    Example:
      multiforce export --db multiforce.db --format datapackage --out export/
    """
    from ..export import export as run

    for path in run(db, out, format):
        click.echo(f"wrote {path}")
