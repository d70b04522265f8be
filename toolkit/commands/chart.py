from pathlib import Path

import click

from . import DEFAULT_DB, db_path


@click.command()
@click.argument("measure")
@click.option(
    "--db", type=db_path, default=DEFAULT_DB, show_default=True, help="The database to chart."
)
@click.option("--technology", help="Only this technology (e.g. mobile_fingerprint_scanner).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The chart file: .png, .svg or .pdf.",
)
def chart(measure, db, technology, out):
    """Chart MEASURE across forces and years, or `outcomes` as a force-by-technology matrix.

    \b
    Example:
      multiforce chart uses --technology mobile_fingerprint_scanner --out searches.png
    """
    from ..charts import measure_chart, outcome_chart

    path = (
        outcome_chart(db, out)
        if measure == "outcomes"
        else measure_chart(db, measure, technology, out)
    )
    click.echo(f"wrote {path}")
