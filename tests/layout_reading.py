"""The reading of a layout fixture as plain data, for golden files and mutation tests."""

import json
from dataclasses import asdict
from pathlib import Path

from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning
from multiforce.toolkit.readers import read_document

LAYOUT_FIXTURES = Path(__file__).parent / "fixtures" / "layouts"


def fixtures() -> list[Path]:
    return sorted(p for p in LAYOUT_FIXTURES.iterdir() if p.suffix in {".txt", ".html"})


def source_url(path: Path) -> str | None:
    """The page address a fixture was 'published' at, from NAME.url beside it, if any."""
    url = path.with_suffix(".url")
    return url.read_text(encoding="utf-8").strip() if url.exists() else None


def reading(path: Path, url: str | None = None) -> dict:
    response = read_response(read_document(path), url or source_url(path))
    meaning = read_meaning(response)
    return json.loads(
        json.dumps(
            {
                "response": response.as_dict(),
                "questions": [asdict(q) for q in meaning.questions],
                "outcomes": [asdict(o) for o in meaning.outcomes],
                "figures": [asdict(f) for f in meaning.figures],
                "unsure_outcomes": list(meaning.unsure_outcomes),
                "unsure_figures": [asdict(u) for u in meaning.unsure_figures],
            },
            default=str,
        )
    )


def golden_path(path: Path) -> Path:
    return path.with_name(path.stem + ".golden.json")
