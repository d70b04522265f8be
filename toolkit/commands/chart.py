import click

from . import database_option, out_option


@click.command()
@click.argument("measure")
@database_option("The database to chart.")
@click.option("--technology", help="Only this technology (e.g. mobile_fingerprint_scanner).")
@out_option("The chart file: .png, .svg or .pdf.", folder=False)
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
