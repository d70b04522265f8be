"""One module per `multiforce` command; shared options live here."""

import os
from pathlib import Path

import click

DEFAULT_DB = "multiforce.db"
db_path = click.Path(path_type=Path, dir_okay=False)
existing_file = click.Path(path_type=Path, dir_okay=False)


def database_option(help: str):
    """--db, the database the command works on (multiforce.db by default)."""
    return click.option("--db", type=db_path, default=DEFAULT_DB, show_default=True, help=help)


db_option = database_option("The SQLite database to write.")
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


def out_option(help: str, *, folder: bool, name: str = "out"):
    """--out, required: the folder (folder=True, made if missing) or the file the command
    writes, in a place that can be written."""
    return click.option(
        "--out",
        name,
        required=True,
        type=click.Path(path_type=Path, file_okay=not folder, dir_okay=folder),
        callback=_writable_folder if folder else _writable_file,
        help=help,
    )


def _writable_file(ctx, param, path: Path) -> Path:
    folder = path.parent
    if not folder.is_dir():
        raise click.BadParameter(
            f"{path}: the folder {folder} does not exist. Expected a file in a folder that "
            "exists: make the folder first, or choose another path.",
            ctx,
            param,
        )
    return _writable(ctx, param, path, folder)


def _writable_folder(ctx, param, path: Path) -> Path:
    existing = next(p for p in (path, *path.parents) if p.exists())  # the root exists
    if not existing.is_dir():
        raise click.BadParameter(
            f"{path}: {existing} is a file. Expected a folder to write into.", ctx, param
        )
    return _writable(ctx, param, path, existing)


def _writable(ctx, param, path: Path, folder: Path) -> Path:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise click.BadParameter(
            f"{path}: the folder {folder} cannot be written by this user. Expected a place you "
            "can write to: choose another path, or change the folder's permissions.",
            ctx,
            param,
        )
    return path


def format_option(choices: list[str], help: str, name: str = "format"):
    """--format, one of choices, the first by default."""
    return click.option(
        "--format",
        name,
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


def summary(item) -> str:
    if getattr(item, "skipped", False):
        return f"{item.force_id}: {item.path.name}: already published, skipped"
    counts = item.counts
    return (
        f"{item.force_id}: {item.path.name}: {how_many(counts['observations'], 'figure')}, "
        f"{how_many(counts['outcomes'], 'outcome')}"
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


def how_many(count: int, thing: str) -> str:
    """'1 figure', '2 figures'."""
    return f"{count} {thing}" + ("" if count == 1 else "s")
