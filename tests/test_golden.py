"""Every adapter has example documents, and each one's rows match its reviewed golden file.

A missing golden file is written and the test fails until a person has read it and committed
it (set MULTIFORCE_REGENERATE_GOLDEN=1 to rewrite them after a deliberate change).
"""
import json
import os
from pathlib import Path

import pytest

from multiforce.schemas.register import force_ids
from multiforce.toolkit.discovery import adapters
from multiforce.toolkit.pipeline import parse

from conftest import ROOT

SOURCE_FORCES = ROOT / "forces"
CASES = [(force_id, path) for force_id, cls in adapters().items() for path in cls.bundled_documents()]


def golden_rows(path: Path, force_id: str) -> dict:
    rows = parse(path, force_id).extraction.rows
    documents = [{k: v for k, v in row.items() if k != "text"} for row in rows["documents"]]
    return {**rows, "documents": documents}


@pytest.mark.parametrize("force_id", list(adapters()))
def test_every_adapter_has_examples_and_a_registered_force(force_id):
    assert force_id in force_ids(), f"{force_id} is not in schemas/forces.csv"
    assert adapters()[force_id].bundled_documents(), f"forces/{force_id} has no example documents"


@pytest.mark.parametrize("force_id,path", CASES, ids=[f"{f}/{p.name}" for f, p in CASES])
def test_rows_match_golden(force_id, path):
    golden = SOURCE_FORCES / force_id.replace("-", "_") / "golden" / f"{path.name}.json"
    produced = golden_rows(path, force_id)
    if not golden.exists() or os.environ.get("MULTIFORCE_REGENERATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.fail(f"wrote {golden}: review it, commit it, and run the tests again")
    assert produced == json.loads(golden.read_text(encoding="utf-8"))
