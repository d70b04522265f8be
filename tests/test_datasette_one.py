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
    observations = metadata["databases"]["multiforce"]["tables"]["observations"]
    assert observations["description"] and "facets" not in observations
    assert config["databases"]["multiforce"]["tables"]["observations"]["facets"]
    assert sorted(list(leaves(metadata)) + list(leaves(config))) == sorted(leaves(original))


def test_split_moves_canned_queries_given_in_metadata():
    metadata, config = split({"databases": {"any": {"queries": {"q": "SELECT 1"}}}})
    assert config["databases"]["any"]["queries"] == {"q": "SELECT 1"}
    assert "queries" not in metadata["databases"]["any"]


def test_command_writes_both_files_for_the_named_database(cli, tmp_path):
    result = cli("datasette-files", "--out", tmp_path, "--name", "campaign")
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((tmp_path / "datasette.yaml").read_text())
    metadata = json.loads((tmp_path / "metadata.json").read_text())
    assert config["settings"]["sql_time_limit_ms"] > 0
    assert metadata["license"] == "Open Government Licence v3.0"
    assert list(metadata["databases"]) == list(config["databases"]) == ["campaign"]
    assert config["databases"]["campaign"]["tables"]["observations"]["facets"]
    # The canned queries are the plugin's (queries/*.sql), not configuration to copy.
    assert "queries" not in config["databases"]["campaign"]
    charts = config["plugins"]["datasette-dashboards"]["overview"]["charts"].values()
    assert {chart["db"] for chart in charts if "db" in chart} == {"campaign"}
