import click

from . import db_option, jobs_option, quiet_option, report_all


@click.command()
@db_option
@jobs_option
@quiet_option
def build(db, jobs, quiet):
    """Build DB from the bundled corpus: every adapter, every bundled document.

    \b
    Example:
      multiforce build --db multiforce.db
    """
    from .. import progress
    from ..pipeline import build as run
    from ..workers import default_jobs

    with progress.for_output(quiet) as display:
        results = run(db, jobs=jobs or default_jobs(), progress=display)
    report_all(results, quiet)
    from ..campaigns.definition import add_bundled_campaigns

    add_bundled_campaigns(db)  # the campaigns the bundled responses answer
    click.echo(f"Built {db}. Browse it with: multiforce serve {db}")
