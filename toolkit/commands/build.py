import click

from . import db_option, jobs_option, quiet_option, report_all


@click.command()
@db_option
@jobs_option
@quiet_option
@click.option(
    "--replace",
    is_flag=True,
    help="Replace DB even where it holds responses, campaigns or requests that the bundled "
    "corpus does not give (ingested or imported into it): they are dropped.",
)
def build(db, jobs, quiet, replace):
    """Build DB from the bundled corpus: every adapter, every bundled document.

    DB is replaced whole; one holding responses or requests added to it since is kept as it
    is unless --replace is given.

    \b
    Example:
      multiforce build --db multiforce.db
    """
    from .. import progress
    from ..pipeline import build as run
    from ..workers import default_jobs

    with progress.for_output(quiet) as display:
        results = run(db, jobs=jobs or default_jobs(), progress=display, replace=replace)
    report_all(results, quiet)
    click.echo(f"Built {db}. Browse it with: multiforce serve {db}")
