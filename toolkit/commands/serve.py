import sys
from pathlib import Path

import click


@click.command()
@click.argument("db", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--get", "get_path", metavar="PATH", hidden=True, help="Fetch one path and exit (for tests).")
def serve(db, host, port, get_path):
    """Browse DB in Datasette, read-only, with multiforce's titles, sources and canned queries.

    Example: multiforce serve multiforce.db --port 8001
    """
    import subprocess

    from ..serving import check_database, datasette_command

    check_database(db)
    command, metadata = datasette_command(db, host, port, get_path)
    try:
        if not get_path:
            click.echo(f"Serving {db} read-only at http://{host}:{port}/  (Ctrl+C to stop)")
        sys.exit(subprocess.call(command))
    finally:
        metadata.unlink(missing_ok=True)
