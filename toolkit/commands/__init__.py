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

jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes reading documents at once (default: one per core).",
)
quiet_option = click.option(
    "--quiet", is_flag=True, help="Print only the summary and errors: no progress, no list."
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


def report_all(items, quiet: bool = False) -> None:
    """Each item's report; with --quiet, only how many documents have warnings."""
    if not quiet:
        for item in items:
            report(item)
        return
    warned = sum(1 for item in items if item.warnings)
    if warned:
        click.echo(
            f"warning: {warned} document(s) have numbers the audit could not explain; "
            "run again without --quiet to see them.",
            err=True,
        )
