"""The common schema: vocabularies, pandera models and reference data (DESIGN.md, schema v1)."""
