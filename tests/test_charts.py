"""Charts as files: labelled axes, the source under the chart, the data drawn from the database."""

import sys

import pytest


def svg(cli, db, tmp_path, *args):
    out = tmp_path / "chart.svg"
    result = cli("chart", *args, "--db", db, "--out", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_measure_chart_names_forces_axes_and_source(cli, built_db, tmp_path):
    drawn = svg(cli, built_db, tmp_path, "uses", "--technology", "mobile_fingerprint_scanner")
    for text in ("Metropolitan Police Service", "Count", "Year", "Open Government Licence", "2021"):
        assert text in drawn


def test_outcome_chart_shows_statuses(cli, built_db, tmp_path):
    drawn = svg(cli, built_db, tmp_path, "outcomes")
    for text in ("Metropolitan Police Service", "refused", "not held", "cost limit", "knife arch"):
        assert text in drawn


def test_png_is_written(cli, built_db, tmp_path):
    out = tmp_path / "matches.png"
    assert cli("chart", "matches", "--db", built_db, "--out", out).exit_code == 0
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "args,message",
    [
        (("scans",), "is not a measure"),
        (("weapons_found",), "no weapons_found figures"),
    ],
)
def test_chart_errors_are_user_errors(cli, built_db, tmp_path, args, message):
    result = cli("chart", *args, "--db", built_db, "--out", tmp_path / "x.png")
    assert result.exit_code != 0 and message in result.output


def test_without_the_charts_extra_chart_says_how_to_install_it(
    cli, built_db, tmp_path, monkeypatch
):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    for measure in ("uses", "outcomes"):
        result = cli("chart", measure, "--db", built_db, "--out", tmp_path / "x.png")
        assert result.exit_code == 1, result.output
        assert 'pip install "multiforce[charts]"' in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "x.png").exists()


def test_unknown_chart_format(cli, built_db, tmp_path):
    result = cli("chart", "uses", "--db", built_db, "--out", tmp_path / "x.gif")
    assert result.exit_code != 0 and "unknown chart format" in result.output
