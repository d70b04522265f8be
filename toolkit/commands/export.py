import click

from . import database_option, format_option, out_option


@click.command()
@database_option("The database to export.")
@format_option(
    ["csv", "parquet", "datapackage"],
    "CSV or Parquet per table, or CSV plus a Frictionless datapackage.json.",
)
@out_option("The folder to write into (created if missing).", folder=True)
def export(db, format, out):
    """Export every table of DB as CSV, Parquet, or a Frictionless data package.

    \b
    Example:
      multiforce export --db multiforce.db --format datapackage --out export/
    """
    from ..export import export as run

    for path in run(db, out, format):
        click.echo(f"wrote {path}")
