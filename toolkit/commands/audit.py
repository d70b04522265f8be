import sys

import click

from . import existing_file, force_option


@click.command()
@force_option
@click.argument("document", type=existing_file)
def audit(force, document):
    """List every number in DOCUMENT and what became of it: a figure, or why it is not one.

    Each number is a figure (with its observation id), part of a period, a year, a date, a
    reference, a question number, a section of the Act, or a passage the adapter ignores with
    its reason; a document no adapter reads is audited against its draft reading. The exit
    status is 1 if any number is unexplained (a figure the adapter may have missed), so a
    script or CI can check a new adapter.

    \b
    Example:
      multiforce audit --force metropolitan forces/metropolitan/documents/01.FOI.22.022895.txt
    """
    from ..discovery import NoAdapter
    from ..errors import MultiforceError
    from ..pipeline import parse

    try:
        audited = parse(document, force).audit
        reader = "the adapter"
    except NoAdapter:  # no adapter reads it: audit what a draft of it would say
        from ..drafting import read

        audited = read(document, force_id=force).audit()
        reader = "the draft"
    if audited is None:
        raise MultiforceError(
            f"{document}: the format adapter that reads this document does not take part in the "
            "audit (it declares no `ignored` rules). Expected a document read by a force adapter: "
            "choose one with --force."
        )
    click.echo(audited.render())
    unexplained = audited.unexplained
    if unexplained:
        click.echo(
            f"{len(unexplained)} number(s) unexplained: each may be a figure {reader} does not "
            "read. Make the adapter read it, or declare it in the adapter's `ignored` rules with "
            "a reason; in a draft, check each against the document.",
            err=True,
        )
        sys.exit(1)
