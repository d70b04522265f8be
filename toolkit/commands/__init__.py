"""One module per `multiforce` command; shared options live here."""

from pathlib import Path

import click

DEFAULT_DB = "multiforce.db"
db_path = click.Path(path_type=Path, dir_okay=False)
existing_file = click.Path(path_type=Path, dir_okay=False)
db_option = click.option(
    "--db",
    type=db_path,
    default=DEFAULT_DB,
    show_default=True,
    help="The SQLite database to write.",
)
force_option = click.option(
    "--force",
    "force",
    metavar="FORCE",
    help="The force whose adapter reads the files (e.g. metropolitan).",
)


def summary(item) -> str:
    if getattr(item, "skipped", False):
        return f"{item.force_id}: {item.path.name}: already published, skipped"
    counts = item.counts
    return (
        f"{item.force_id}: {item.path.name}: {counts['observations']} figures, "
        f"{counts['outcomes']} outcomes"
    )


WARNINGS_SHOWN = 20


def report(item) -> None:
    """The item's summary, then a warning for each number its audit could not explain."""
    click.echo(summary(item))
    warnings = item.warnings
    for warning in warnings[:WARNINGS_SHOWN]:
        click.echo(f"warning: {warning}", err=True)
    if len(warnings) > WARNINGS_SHOWN:
        click.echo(
            f"warning: {item.path.name}: {len(warnings) - WARNINGS_SHOWN} more unexplained "
            f"numbers; `multiforce audit {item.path}` lists them all.",
            err=True,
        )
