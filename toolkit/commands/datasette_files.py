from pathlib import Path

import click


@click.command("datasette-files")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder for metadata.json and datasette.yaml.",
)
@click.option(
    "--name",
    default="multiforce",
    show_default=True,
    help="The database's name in Datasette: its file name without .db.",
)
def datasette_files(out, name):
    """Write Datasette 1.0's metadata.json and datasette.yaml from the bundled metadata.

    Datasette 1.0 reads descriptions and configuration from these two files; the canned
    queries come from multiforce's Datasette plugin, as under 0.65.

    \b
    Example:
      multiforce datasette-files --out datasette-1.0/ --name campaign
      datasette campaign.db -m datasette-1.0/metadata.json -c datasette-1.0/datasette.yaml
    """
    import json

    import yaml

    from ..datasette_one import split
    from ..serving import SETTINGS, metadata_for

    metadata, config = split(metadata_for([name]), SETTINGS)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metadata.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "datasette.yaml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    click.echo(f"wrote {out / 'metadata.json'} and {out / 'datasette.yaml'}")
