from pathlib import Path

import click


@click.command("datasette-files")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder for metadata.json and datasette.yaml.",
)
def datasette_files(out):
    """Write Datasette 1.0's metadata.json and datasette.yaml from the bundled 0.65 metadata.

    Example: multiforce datasette-files --out datasette-1.0/
    """
    import json

    import yaml

    from ..datasette_one import split
    from ..serving import METADATA_FILE, SETTINGS

    metadata, config = split(json.loads(METADATA_FILE.read_text(encoding="utf-8")), SETTINGS)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metadata.json").write_text(
        json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "datasette.yaml").write_text(
        yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    click.echo(f"wrote {out / 'metadata.json'} and {out / 'datasette.yaml'}")
