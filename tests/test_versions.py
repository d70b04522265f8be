"""The code fingerprint counts the libraries the install requires, read from the installed
distribution's metadata rather than from a list kept in the code."""

from importlib import metadata

from multiforce.toolkit import versions


def test_every_library_the_install_requires_counts_and_only_reading_extras_do():
    libraries = versions.reading_libraries()
    assert {"python-docx", "python-calamine", "pdfplumber", "selectolax"} <= set(libraries)
    assert "matplotlib" not in libraries and "pytest" not in libraries  # extras
    assert "pytesseract" in libraries  # the OCR extra reads scanned letters


def test_the_list_follows_the_distributions_requirements(monkeypatch):
    monkeypatch.setattr(
        versions.metadata,
        "requires",
        lambda name: [
            "pandera[polars]>=0.20",
            "Some_Reader>=2; python_version >= '3.11'",
            'matplotlib>=3.7; extra == "charts"',
            'pytesseract>=0.3; extra == "ocr"',
        ],
    )
    assert versions.reading_libraries() == ["pandera", "pytesseract", "some_reader"]


def test_upgrading_a_reading_library_changes_the_fingerprint(monkeypatch):
    before = versions.code_fingerprint.__wrapped__()
    installed = metadata.version

    def upgraded(name):
        return "99.0" if name == "python-docx" else installed(name)

    monkeypatch.setattr(versions.metadata, "version", upgraded)
    assert versions.code_fingerprint.__wrapped__() != before
