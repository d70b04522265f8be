import click

from . import db_option, report


@click.command()
@db_option
def build(db):
    """Build DB from the bundled corpus: every adapter, every bundled document.

    \b
    Example:
      multiforce build --db multiforce.db
    """
    from ..pipeline import build as run

    for item in run(db):
        report(item)
    from ..campaigns.definition import add_bundled_campaigns

    add_bundled_campaigns(db)  # the campaigns the bundled responses answer
    click.echo(f"Built {db}. Browse it with: multiforce serve {db}")
