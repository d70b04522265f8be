"""Adding a force: `multiforce new-force` scaffolds an adapter from forces/_template.py that
works."""

import importlib.util
import sys

import pytest
from multiforce.toolkit.discovery import adapters
from multiforce.toolkit.pipeline import check
from multiforce.toolkit.readers import read_document

SCANNER = "mobile_fingerprint_scanner"


@pytest.fixture
def scaffold(cli, tmp_path, monkeypatch):
    """scaffold(slug) -> (folder, module): the new adapter, imported as multiforce.forces.<slug>."""

    def make(slug):
        result = cli("new-force", slug, "--into", tmp_path)
        assert result.exit_code == 0, result.output
        folder = tmp_path / slug.replace("-", "_")
        name = f"multiforce.forces.{folder.name}_scaffolded"
        spec = importlib.util.spec_from_file_location(
            name, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, name, module)
        spec.loader.exec_module(module)
        return folder, module

    return make


def parse_example(module, tmp_path, *replacements):
    text = module.EXAMPLE
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    letter = tmp_path / "FOI-2022-0001.txt"
    letter.write_text(text, encoding="utf-8")
    extraction = module.AvonAndSomerset().parse(read_document(letter))
    check(extraction)
    return extraction


def test_new_force_scaffolds_a_working_adapter(scaffold, tmp_path):
    folder, module = scaffold("avon-and-somerset")
    assert (folder / "documents").is_dir() and (folder / "golden").is_dir()
    assert module.AvonAndSomerset.force_id == "avon-and-somerset"
    extraction = parse_example(module, tmp_path)
    assert extraction.rows["responses"][0]["response_id"] == "avon-and-somerset/FOI-2022-0001"
    figures = {
        (r["measure"], r["period_start"][:4], r["breakdown_value"]): r["value"]
        for r in extraction.rows["observations"]
    }
    assert len(figures) == 12  # 9 read by the general readers, 3 by the adapter's own rule
    assert figures[("uses", "2019", None)] == 1204
    assert figures[("matches", "2021", "immigration")] == 41
    assert figures[("devices_deployed", "2020", None)] == 12
    statuses = {
        (r["measure"], r["breakdown"]): (r["status"], r["exemptions"])
        for r in extraction.rows["outcomes"]
    }
    assert statuses[("devices_in_service", "none")] == ("refused", "s31(1)(a)")
    assert statuses[("people", "ethnicity")] == ("not_held", None)
    assert statuses[("devices_deployed", "none")] == ("disclosed", None)
    assert len(extraction.rows["outcomes"]) == 8


def test_the_exemption_is_read_not_typed(scaffold, tmp_path):
    _, module = scaffold("avon-and-somerset")
    extraction = parse_example(
        module, tmp_path, ("Section 31(1)(a) Law Enforcement", "Section 40(2)")
    )
    refused = [r for r in extraction.rows["outcomes"] if r["status"] == "refused"]
    assert [r["exemptions"] for r in refused] == ["s40(2)"]


def test_the_scaffolded_adapter_claims_only_its_request(scaffold, tmp_path):
    _, module = scaffold("avon-and-somerset")
    other = tmp_path / "other.txt"
    other.write_text(
        module.EXAMPLE.replace("fingerprint scanners", "body-worn cameras"), encoding="utf-8"
    )
    assert not module.AvonAndSomerset().recognises(read_document(other))


def test_new_force_for_a_force_with_only_transcriptions(cli, tmp_path):
    transcriptions = tmp_path / "northumbria" / "transcriptions"
    transcriptions.mkdir(parents=True)
    (transcriptions / "049-19.yaml").write_text("source_kind: transcription\n", encoding="utf-8")
    result = cli("new-force", "northumbria", "--into", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "northumbria" / "__init__.py").is_file()
    assert (transcriptions / "049-19.yaml").read_text(
        encoding="utf-8"
    ) == "source_kind: transcription\n"


def test_the_scaffolded_adapter_parses_rather_than_recites(scaffold, tmp_path):
    _, module = scaffold("avon-and-somerset")
    extraction = parse_example(module, tmp_path, ("2020 | 401 | 29", "2020 | 402 | 29"))
    police_2020 = [
        r["value"]
        for r in extraction.rows["observations"]
        if r["breakdown_value"] == "police" and r["period_start"] == "2020-01-01"
    ]
    assert police_2020 == [402]


def test_the_template_adapter_is_short(scaffold):
    folder, _ = scaffold("avon-and-somerset")
    lines = (folder / "__init__.py").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("class "))
    assert 20 <= len(lines) - start <= 60


def test_the_template_is_not_an_adapter():
    assert "FORCE_ID" not in adapters()
    assert all(not cls.__module__.rsplit(".", 1)[-1].startswith("_") for cls in adapters().values())


@pytest.mark.parametrize(
    "slug,expected",
    [
        ("avon-somerset", "(did you mean 'avon-and-somerset'"),
        ("Gotham", "is not a force in schemas/forces.csv"),
    ],
)
def test_new_force_refuses_forces_not_in_the_register(cli, tmp_path, slug, expected):
    result = cli("new-force", slug, "--into", tmp_path)
    assert result.exit_code != 0 and expected in result.output
    assert list(tmp_path.iterdir()) == []


def test_new_force_does_not_overwrite(cli, tmp_path):
    assert cli("new-force", "dorset", "--into", tmp_path).exit_code == 0
    adapter = (tmp_path / "dorset" / "__init__.py").read_text(encoding="utf-8")
    result = cli("new-force", "dorset", "--into", tmp_path)
    assert result.exit_code != 0 and "exists already" in result.output
    assert (tmp_path / "dorset" / "__init__.py").read_text(encoding="utf-8") == adapter
