"""Charts as files: labelled axes, the source under the chart, the data drawn from the database."""

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


def test_unknown_chart_format(cli, built_db, tmp_path):
    result = cli("chart", "uses", "--db", built_db, "--out", tmp_path / "x.gif")
    assert result.exit_code != 0 and "unknown chart format" in result.output
