from pathlib import Path

import click


@click.command()
@click.argument("db", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--get", "get_path", metavar="PATH", hidden=True, help="Fetch one path and exit (for tests)."
)
def serve(db, host, port, get_path):
    """Browse DB in Datasette, read-only, with multiforce's titles, sources and canned queries.

    Plain `datasette DB` shows the same descriptions and queries (multiforce installs a
    Datasette plugin), with Datasette's own settings instead of those `serve` sets.

    \b
    Example:
      multiforce serve multiforce.db --port 8001
    """
    from datasette.cli import cli as datasette

    from ..serving import canned_queries, check_database, datasette_arguments

    check_database(db)
    canned_queries()  # a query file with a bad header is a clear error before Datasette starts
    if not get_path:
        click.echo(f"Serving {db} read-only at http://{host}:{port}/  (Ctrl+C to stop)")
    # In this process, not a child: stopping `multiforce serve` stops the server with it.
    datasette.main(args=datasette_arguments(db, host, port, get_path), prog_name="datasette")
