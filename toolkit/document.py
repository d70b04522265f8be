"""A response document as the adapters see it: its bytes (the source of truth) and its text.

`text` is what quotes point into; a table's rows stand in it as `cell | cell | cell` lines,
whatever the format. `tables` holds the same tables as rows of cell strings, and
`table_names[i]`, where a reader knows it, says where `tables[i]` stands: a spreadsheet's
sheet name, or "page 3" of a PDF. `text_source` says whether the text was in the file
("extracted") or recognised from its page images ("ocr"): OCR'd figures need a person's eye.
"""

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass(frozen=True)
class Document:
    path: Path
    data: bytes
    media_type: str
    text: str
    tables: list[list[list[str]]] = field(default_factory=list)
    table_names: list[str] = field(default_factory=list)
    text_source: str = "extracted"

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def filename(self) -> str:
        return self.path.name
