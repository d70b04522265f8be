"""The metadata splits into Datasette 1.0's two files without losing or duplicating anything."""

import json

import yaml
from multiforce.toolkit.datasette_one import split
from multiforce.toolkit.serving import METADATA_FILE


def leaves(tree, path=()):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from leaves(value, path + (key,))
    else:
        yield path, json.dumps(tree, sort_keys=True)


def test_split_moves_configuration_and_keeps_descriptions():
    original = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    metadata, config = split(original)
    assert "queries" in config["databases"]["multiforce"]
    assert "queries" not in metadata["databases"]["multiforce"]
    observations = metadata["databases"]["multiforce"]["tables"]["observations"]
    assert observations["description"] and "facets" not in observations
    assert config["databases"]["multiforce"]["tables"]["observations"]["facets"]
    assert sorted(list(leaves(metadata)) + list(leaves(config))) == sorted(leaves(original))


def test_command_writes_both_files(cli, tmp_path):
    result = cli("datasette-files", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "datasette.yaml").read_text())
    assert config["settings"]["sql_time_limit_ms"] > 0
    assert (
        json.loads((tmp_path / "metadata.json").read_text())["license"]
        == "Open Government Licence v3.0"
    )
