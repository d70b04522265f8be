"""The engine: document readers, cleaning, adapters' base class, validation, publishing, CLI."""
