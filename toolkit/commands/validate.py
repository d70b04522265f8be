import click

from . import existing_file, force_option, report


@click.command()
@force_option
@click.argument("files", nargs=-1, required=True, type=existing_file)
def validate(force, files):
    """Parse and validate documents and report every problem, without publishing.

    \b
    Example:
      multiforce validate forces/metropolitan/documents/01.FOI.22.022895.txt
    """
    from ..pipeline import check, extract
    from ..validation import unmapped_questions

    extraction, parsed = extract((path, force) for path in files)
    for item in parsed:
        report(item)
    for question in unmapped_questions(extraction):
        click.echo(f"Question with no topic (map it, or leave it as asked): {question}")
    click.echo(check(extraction).render())
