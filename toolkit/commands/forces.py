import click

from . import DEFAULT_DB, db_path


@click.command("forces")
@click.option("--db", type=db_path, default=DEFAULT_DB, show_default=True,
              help="Show what each adapter has ingested into this database, if it exists.")
def list_forces(db):
    """List the force adapters, their bundled documents and what each has ingested.

    Example: multiforce forces --db multiforce.db
    """
    from ...schemas.register import force_name
    from ..discovery import adapters
    from ..inventory import ingested

    counts = ingested(db) if db.exists() else {}
    click.echo(f"{'force':<16} {'name':<30} {'documents':>9} {'responses':>9} {'figures':>7} {'outcomes':>8}")
    for force_id, adapter in adapters().items():
        held = counts.get(force_id, {})
        click.echo(f"{force_id:<16} {force_name(force_id):<30} {len(adapter.bundled_documents()):>9} "
                   f"{held.get('responses', 0):>9} {held.get('observations', 0):>7} {held.get('outcomes', 0):>8}")
    if not counts:
        click.echo(f"({db} does not exist yet: run `multiforce build` to see what is ingested.)")
