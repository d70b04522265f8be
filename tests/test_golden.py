"""Every adapter has example documents, and each one's rows match its reviewed golden file.

Force adapters and format adapters (transcriptions, compilations) alike: a bundled document
`<folder>/documents/FILE` has its golden rows in `<folder>/golden/FILE.json`, in the source tree.
A missing golden file is written and the test fails until a person has read it and committed
it (set MULTIFORCE_REGENERATE_GOLDEN=1 to rewrite them after a deliberate change).
"""

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT
from multiforce import forces
from multiforce.schemas.register import force_ids
from multiforce.toolkit.discovery import adapters, format_adapters
from multiforce.toolkit.pipeline import parse

SOURCE_FORCES = ROOT / "forces"
INSTALLED_FORCES = Path(forces.__file__).parent  # the same folder, or its copy in site-packages
# A force adapter's documents, and every file a format adapter bundles (transcriptions,
# compilations), read as `multiforce build` reads them.
CASES = [
    (force_id, path) for force_id, cls in adapters().items() for path in cls.bundled_documents()
]
CASES += [(None, path) for cls in format_adapters().values() for path in cls.bundled_documents()]
IDS = [str(path.relative_to(INSTALLED_FORCES)) for _, path in CASES]


def golden_file(path: Path) -> Path:
    """Where the reviewed rows stand in the source tree: a force's documents and transcriptions
    share its golden/ folder; a data folder (forces/_compilations) holds its own."""
    source = SOURCE_FORCES / path.relative_to(INSTALLED_FORCES)
    folder = (
        source.parent.parent
        if source.parent.name in ("documents", "transcriptions")
        else source.parent
    )
    return folder / "golden" / f"{path.name}.json"


def golden_rows(path: Path, force_id: str | None) -> dict:
    rows = parse(path, force_id).extraction.rows
    documents = [{k: v for k, v in row.items() if k != "text"} for row in rows["documents"]]
    return {**rows, "documents": documents}


@pytest.mark.parametrize("force_id", list(adapters()))
def test_every_adapter_has_examples_and_a_registered_force(force_id):
    assert force_id in force_ids(), f"{force_id} is not in schemas/forces.csv"
    assert adapters()[force_id].bundled_documents(), f"forces/{force_id} has no example documents"


def test_format_adapters_bundle_transcriptions_and_compilations():
    assert {path.parent.name for force_id, path in CASES if force_id is None} >= {
        "transcriptions",
        "_compilations",
    }


@pytest.mark.parametrize("force_id,path", CASES, ids=IDS)
def test_rows_match_golden(force_id, path):
    golden = golden_file(path)
    produced = golden_rows(path, force_id)
    named = {
        row["force_id"]
        for table in ("responses", "observations", "outcomes")
        for row in produced[table]
    }
    assert named <= force_ids(), (
        f"{path.name} names forces not in schemas/forces.csv: {named - force_ids()}"
    )
    if not golden.exists() or os.environ.get("MULTIFORCE_REGENERATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(
            json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        pytest.fail(f"wrote {golden}: review it, commit it, and run the tests again")
    assert produced == json.loads(golden.read_text(encoding="utf-8"))
