import click

from . import existing_file


@click.command("show-text")
@click.argument("document", type=existing_file)
@click.option(
    "--source-url",
    metavar="URL",
    help="The address the document was published at: it helps tell the layout and the force.",
)
def show_text(document, source_url):
    """Print the text multiforce reads from DOCUMENT, with its page chrome stripped.

    The layout found (and the force and reference it gives) is printed first, on standard
    error, so that standard output is the text alone.

    \b
    Example:
      multiforce show-text response.html --source-url https://www.met.police.uk/foi-ai/...
    """
    from ..layouts import read_response
    from ..readers import read_document

    response = read_response(read_document(document), source_url)
    found = ", ".join(
        f"{name} {value}"
        for name, value in (
            ("force", response.force_id),
            ("reference", response.reference),
            ("response date", response.response_date),
        )
        if value
    )
    click.echo(f"layout: {response.layout}" + (f" ({found})" if found else ""), err=True)
    click.echo(response.body)
