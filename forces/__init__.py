"""One sub-package per force: its adapter, its response documents and their golden outputs."""
