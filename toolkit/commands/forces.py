import sys

import click

from . import DEFAULT_DB, db_path

KIND_HEADINGS = {"document": "documents", "transcription": "transcribed", "compilation": "compiled"}
SHORT_HEADINGS = {
    "documents": "doc",
    "transcribed": "tr",
    "compiled": "comp",
}  # counts, in a terminal


@click.command("forces")
@click.option(
    "--db",
    type=db_path,
    default=DEFAULT_DB,
    show_default=True,
    help="Count what this database holds for each force, if it exists.",
)
def list_forces(db):
    """Show all 48 forces: adapter, responses by source kind, latest outcome per technology.

    A technology's cell is what the force's latest own response (by response date, then
    reference) did with it; a compilation's, marked so, only where the force has none.

    \b
    Example:
      multiforce forces --db multiforce.db
    """
    from ..inventory import coverage

    rows = coverage(db)
    heading = ["force", "name", "adapter", *KIND_HEADINGS.values(), *rows[0].latest]
    cells = [
        [
            row.force_id,
            row.name,
            row.adapter or "-",
            *(str(row.responses[k]) for k in KIND_HEADINGS),
            *row.latest.values(),
        ]
        for row in rows
    ]
    if sys.stdout.isatty():
        rich_table(heading, cells, quiet=[not any(row.responses.values()) for row in rows])
    else:
        click.echo(plain_table(heading, cells))
    own = sum(1 for row in rows if row.responses["document"] or row.responses["transcription"])
    anything = sum(1 for row in rows if any(row.responses.values()))
    click.echo(
        f"{len(rows)} forces: {sum(1 for row in rows if row.adapter)} with an adapter, {own} with "
        f"responses of their own, {anything - own} more only in compilations, "
        f"{len(rows) - anything} with none yet."
    )
    if not db.exists():
        click.echo(f"({db} does not exist yet: run `multiforce build` to see what is ingested.)")


def plain_table(heading: list[str], cells: list[list[str]]) -> str:
    """Columns aligned with spaces, for pipes and files."""
    table = [heading, *cells]
    widths = [max(len(row[i]) for row in table) for i in range(len(heading))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in table
    )


def rich_table(heading: list[str], cells: list[list[str]], quiet: list[bool], console=None) -> None:
    """The same table drawn for a terminal: forces with nothing recorded greyed out, and the
    names left out where the terminal is too narrow to show them beside everything else."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    keep = [i for i, title in enumerate(heading) if title != "name" or console.width >= 160]
    shown = Table(header_style="bold")
    for i in keep:
        title = SHORT_HEADINGS.get(heading[i], heading[i].replace("_", " "))
        shown.add_column(
            title, no_wrap=i == 0, justify="right" if title in SHORT_HEADINGS.values() else "left"
        )
    for row, dim in zip(cells, quiet, strict=True):
        shown.add_row(*(row[i] for i in keep), style="dim" if dim else None)
    console.print(shown)
