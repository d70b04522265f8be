"""The `multiforce` command. Heavy libraries are imported inside commands, to start fast."""
import sys
from pathlib import Path

import click

DEFAULT_DB = "multiforce.db"
existing_file = click.Path(path_type=Path, dir_okay=False)
db_option = click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB,
                         show_default=True, help="The SQLite database to write.")


class Multiforce(click.Group):
    """Turns a user error into one clear paragraph and a non-zero exit; --debug shows tracebacks."""

    def invoke(self, ctx):
        from .errors import MultiforceError

        try:
            return super().invoke(ctx)
        except MultiforceError as error:
            if ctx.params.get("debug"):
                raise
            raise click.ClickException(str(error)) from None


@click.group(cls=Multiforce)
@click.version_option(package_name="multiforce")
@click.option("--debug", is_flag=True, help="Show the full traceback of an error (for bug reports).")
def main(debug):
    """Turn UK police forces' FOI responses into one validated SQLite database.

    Example: multiforce build && multiforce serve multiforce.db
    """


@main.command()
@db_option
@click.option("--force", "force", metavar="FORCE", help="The force whose adapter reads the files (e.g. metropolitan).")
@click.argument("files", nargs=-1, required=True, type=existing_file)
def ingest(db, force, files):
    """Parse, validate and publish response documents into DB (created if missing).

    Without --force, the adapter that recognises each document is used.

    Example: multiforce ingest --db campaign.db --force metropolitan response.html
    """
    from .pipeline import ingest as run

    for item in run(db, files, force):
        click.echo(_summary(item))
    click.echo(f"Published into {db}.")


@main.command()
@db_option
def build(db):
    """Build DB from the bundled corpus: every adapter, every bundled document.

    Example: multiforce build --db multiforce.db
    """
    from .pipeline import build as run

    for item in run(db):
        click.echo(_summary(item))
    click.echo(f"Built {db}. Browse it with: multiforce serve {db}")


@main.command()
@click.option("--force", "force", metavar="FORCE", help="The force whose adapter reads the files.")
@click.argument("files", nargs=-1, required=True, type=existing_file)
def validate(force, files):
    """Parse and validate documents and report every problem, without publishing.

    Example: multiforce validate forces/metropolitan/documents/01.FOI.22.022895.txt
    """
    from .pipeline import check, extract

    extraction, parsed = extract((path, force) for path in files)
    for item in parsed:
        click.echo(_summary(item))
    click.echo(check(extraction).render())


@main.command("forces")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_DB, show_default=True,
              help="Show what each adapter has ingested into this database, if it exists.")
def list_forces(db):
    """List the force adapters, their bundled documents and what each has ingested.

    Example: multiforce forces --db multiforce.db
    """
    from ..schemas.register import force_name
    from .discovery import adapters
    from .inventory import ingested

    counts = ingested(db) if db.exists() else {}
    click.echo(f"{'force':<16} {'name':<30} {'documents':>9} {'responses':>9} {'figures':>7} {'outcomes':>8}")
    for force_id, adapter in adapters().items():
        held = counts.get(force_id, {})
        click.echo(f"{force_id:<16} {force_name(force_id):<30} {len(adapter.bundled_documents()):>9} "
                   f"{held.get('responses', 0):>9} {held.get('observations', 0):>7} {held.get('outcomes', 0):>8}")
    if not counts:
        click.echo(f"({db} does not exist yet: run `multiforce build` to see what is ingested.)")


@main.command()
@click.argument("db", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--get", "get_path", metavar="PATH", hidden=True, help="Fetch one path and exit (for tests).")
def serve(db, host, port, get_path):
    """Browse DB in Datasette, read-only, with multiforce's titles, sources and canned queries.

    Example: multiforce serve multiforce.db --port 8001
    """
    import subprocess

    from .serving import datasette_command

    command, metadata = datasette_command(db, host, port, get_path)
    try:
        if not get_path:
            click.echo(f"Serving {db} read-only at http://{host}:{port}/  (Ctrl+C to stop)")
        sys.exit(subprocess.call(command))
    finally:
        metadata.unlink(missing_ok=True)


def _summary(item) -> str:
    counts = item.extraction.counts()
    return (f"{item.force_id}: {item.path.name}: {counts['observations']} figures, "
            f"{counts['outcomes']} outcomes")
