"""The published database: its schema, the checks that span batches, the file handling, and the
publishing session that puts them together (see docs/design.md)."""
