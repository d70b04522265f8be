from pathlib import Path

import click


@click.command("new-force")
@click.argument("slug")
@click.option(
    "--into",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The forces/ folder of your checkout (default: the one multiforce runs from).",
)
def new_force(slug, into):
    """Start an adapter for a force: forces/SLUG/ with an adapter to adapt, documents/ and golden/.

    SLUG is the force's id in schemas/forces.csv (a force with only transcriptions so far
    keeps them). The adapter is forces/_template.py with the force's name filled in: it
    says what to do next. Most forces need no adapter: `multiforce draft` reads a response
    for a person to review (docs/drafting.md).

    \b
    Example:
      multiforce new-force avon-and-somerset
    """
    import re

    from ... import forces
    from ...schemas.register import force_ids, force_name
    from ..errors import MultiforceError
    from ..hints import did_you_mean

    if slug not in force_ids():
        hint = did_you_mean(slug, sorted(force_ids()), cutoff=0.5, n=3)
        raise MultiforceError(
            f"{slug!r} is not a force in schemas/forces.csv{hint}. Expected a force's id as the "
            "register writes it (lower case, words joined by -), e.g. avon-and-somerset; "
            "`multiforce forces` lists them."
        )
    source = Path(forces.__file__).parent
    into = into or source
    if into == source and "site-packages" in source.parts:
        raise MultiforceError(
            f"multiforce runs from an installed copy ({source}), not from a checkout. Expected a "
            "checkout installed with `pip install -e .`, or --into path/to/your/checkout/forces."
        )
    folder = into / slug.replace("-", "_")
    if (folder / "__init__.py").exists():
        raise MultiforceError(
            f"{folder} exists already. Expected a force without an adapter: edit that one instead."
        )
    name = force_name(slug)
    adapter = (source / "_template.py").read_text(encoding="utf-8")
    for token, value in (
        ("FORCE_NAME_PATTERN", re.escape(name).replace("\\ ", " ")),
        ("FORCE_NAME", name),
        ("FORCE_ID", slug),
        ("FORCE_CLASS", "".join(word.capitalize() for word in slug.split("-"))),
    ):
        adapter = adapter.replace(token, value)
    for part in ("documents", "golden"):  # a force with transcriptions has golden/ already
        (folder / part).mkdir(parents=True, exist_ok=True)
    (folder / "__init__.py").write_text(adapter, encoding="utf-8")
    click.echo(
        f"Wrote {folder}/__init__.py for {name}, with documents/ and golden/ beside it.\n"
        f"Next: put the force's response documents in {folder / 'documents'}; see what the "
        "general readers make of them (`multiforce draft FILE --out DIR`, `multiforce audit "
        "FILE`); write rules only for what they miss, as the adapter's docstring says; then run "
        "pytest."
    )
