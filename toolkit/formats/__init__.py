"""Adapters for formats that are not one force's documents: hand transcriptions, multi-force
compilations, filled-in answer templates. Each module here defines a FormatAdapter subclass;
they are discovered like force adapters and tried before them."""

from pathlib import Path
from typing import ClassVar

from ..document import Document
from ..records import Extraction


class FormatAdapter:
    name: ClassVar[str]

    def recognises(self, document: Document) -> bool:
        raise NotImplementedError

    def parse(self, document: Document, force_id: str | None) -> Extraction:
        """Rows for the document; `force_id` is what the user gave with --force, if anything."""
        raise NotImplementedError

    @classmethod
    def bundled_documents(cls) -> list[Path]:
        """Files of this format that `multiforce build` ingests."""
        return []
