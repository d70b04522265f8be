"""Charts as files: labelled axes, the source under the chart, the data drawn from the database."""

import sqlite3
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


def drawn_series(figure) -> dict:
    """The labelled lines of a chart: label -> (x values, line style)."""
    return {
        line.get_label(): (list(line.get_xdata()), line.get_linestyle())
        for line in figure.axes[0].lines
        if not line.get_label().startswith("_")
    }


def test_series_run_forward_in_time_and_compiled_figures_stand_apart(built_db):
    from multiforce.toolkit.charts import COMPILED_LABEL, measure_figure

    series = drawn_series(measure_figure(built_db, "uses", "mobile_fingerprint_scanner"))
    met = series["Metropolitan Police Service"]
    compiled = series[f"Metropolitan Police Service {COMPILED_LABEL}"]
    assert [int(x) for x in met[0]] == [2018, 2019, 2020, 2021]  # the Met's own, yearly
    assert met[1] == "-" and compiled[1] == "--"
    assert len(compiled[0]) == 1 and 2019 < compiled[0][0] < 2020  # Wired's Nov 2018 - Jul 2020
    for xs, _ in series.values():
        assert xs == sorted(xs)


def test_a_long_period_is_drawn_at_its_middle_in_time_order(built_db):
    """A figure over 2018-06..2020-12 starts before the 2019 figure but sits after it."""
    import sqlite3

    from multiforce.toolkit.charts import measure_figure

    conn = sqlite3.connect(built_db)
    conn.execute(
        "UPDATE observations SET period_start = '2018-06-01', period_end = '2020-12-31' "
        "WHERE force_id = 'metropolitan' AND measure = 'uses' AND period_start = '2021-01-01' "
        "AND technology = 'mobile_fingerprint_scanner'"
    )
    conn.commit()
    conn.close()
    series = drawn_series(measure_figure(built_db, "uses", "mobile_fingerprint_scanner"))
    xs, _ = series["Metropolitan Police Service"]
    assert len(xs) == 4 and xs == sorted(xs) and 2019.5 < xs[2] < 2020


def cell_patches(figure) -> dict:
    """The outcome chart's cell parts: (force, technology, source, status) -> patch."""
    return {
        tuple(patch.get_gid().split("|")): patch
        for patch in figure.axes[0].patches
        if patch.get_gid()
    }


def test_compiled_statuses_are_hatched_and_lighter(built_db):
    from multiforce.toolkit.charts import COMPILED_LEGEND, outcome_figure

    figure = outcome_figure(built_db)
    cells = cell_patches(figure)
    kent_own = cells[("Kent Police", "phone_extraction", "own response", "not asked")]
    kent_compiled = cells[("Kent Police", "phone_extraction", "compilation", "disclosed")]
    assert kent_own.get_hatch() is None and kent_compiled.get_hatch() == "///"
    assert kent_compiled.get_alpha() < 1 and kent_own.get_alpha() in (None, 1)
    met_own = cells[
        ("Metropolitan Police Service", "mobile_fingerprint_scanner", "own response", "refused")
    ]
    assert met_own.get_hatch() is None
    legend = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    assert COMPILED_LEGEND in legend


def test_a_mixed_cell_shows_each_status_not_the_worst(built_db):
    from multiforce.toolkit.charts import outcome_figure

    cells = cell_patches(outcome_figure(built_db))
    met = {
        status
        for force, technology, source, status in cells
        if force == "Metropolitan Police Service"
        and technology == "mobile_fingerprint_scanner"
        and source == "own response"
    }
    assert met == {"disclosed", "not_held", "refused"}


def test_a_campaigns_overdue_request_shows_where_the_force_has_not_answered(built_db):
    from multiforce.toolkit.charts import outcome_figure

    with sqlite3.connect(built_db) as conn:
        conn.execute(
            "INSERT INTO requests (request_id, campaign_id, force_id, sent_date, due_date, status, "
            "regime) SELECT campaign_id || '/kent', campaign_id, 'kent', '2000-01-01', "
            "'2000-01-28', 'awaiting_response', 'foia' FROM campaigns LIMIT 1"
        )
    cells = cell_patches(outcome_figure(built_db))
    assert ("Kent Police", "phone_extraction", "own response", "no_response") in cells
    assert ("Kent Police", "phone_extraction", "own response", "not asked") not in cells
