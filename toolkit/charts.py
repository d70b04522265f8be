"""Charts for a report or an article: a measure across forces and years, and the outcome matrix.

Each chart labels its axes and units and names its source under the plot. A figure that is not
a plain, full-period count (approximate, partial coverage, planned, provisional, or a part-year
period) is drawn hollow, so it is never mistaken for a full one; what compilations reported is
drawn apart from the force's own responses (dashed series, hatched cells).
"""

import sqlite3
import textwrap
from datetime import date
from pathlib import Path

from ..schemas.vocabulary import MEASURES, TECHNOLOGIES
from .errors import MultiforceError
from .store.files import connect_read_only, no_such_database, not_a_database

SOURCE = (
    "Source: multiforce, from UK police forces' FOI responses{kinds}. "
    "Contains public sector information licensed under the Open Government Licence v3.0."
)
STATUS_COLOURS = {
    "disclosed": "#1a9850",
    "partially_disclosed": "#91cf60",
    "not_held": "#fee08b",
    "cost_limit": "#fc8d59",
    "refused": "#d73027",
    "neither_confirm_nor_deny": "#762a83",
    "no_response": "#999999",
    "awaiting": "#dddddd",  # a campaign's request not yet due (matrix_cells)
    "answered": "#c6dbef",  # answered, the response not read yet
    "not asked": "#ffffff",
}
CHART_FORMATS = (".png", ".svg", ".pdf")
OWN, COMPILATION = "own response", "compilation"  # matrix_cells' sources
OWN_LINE = {"marker": "o", "linestyle": "-"}
COMPILED_LINE = {"marker": "s", "linestyle": "--", "markerfacecolor": "white", "alpha": 0.8}
COMPILED_LABEL = "(compiled, secondary)"
OWN_CELL: dict = {}
COMPILED_CELL = {"hatch": "///", "alpha": 0.55}
COMPILED_LEGEND = "hatched, lighter: reported by a compilation"


def measure_chart(db: Path, measure: str, technology: str | None, out: Path) -> Path:
    return _save(measure_figure(db, measure, technology), out)


def outcome_chart(db: Path, out: Path) -> Path:
    return _save(outcome_figure(db), out)


def measure_figure(db: Path, measure: str, technology: str | None):
    """A line per force (and breakdown value) through its figures in time order; a force's
    compiled figures are a series of their own, dashed, never joined to its own responses'."""
    if measure not in MEASURES:
        raise MultiforceError(
            f"{measure!r} is not a measure. Expected one of: {', '.join(MEASURES)}."
        )
    if technology is not None and technology not in TECHNOLOGIES:
        raise MultiforceError(
            f"{technology!r} is not a technology. Expected one of: {', '.join(TECHNOLOGIES)}."
        )
    rows = _query(
        db,
        """
        SELECT o.force_id, f.name, o.technology, o.breakdown_value, o.period_start, o.period_end,
               o.value, o.unit, o.qualifier, r.source_kind
        FROM observations o JOIN forces f ON f.force_id = o.force_id
        JOIN responses r ON r.response_id = o.response_id
        WHERE o.measure = ? AND (? IS NULL OR o.technology = ?)
        ORDER BY f.name, o.period_start""",
        (measure, technology, technology),
    )
    if not rows:
        raise MultiforceError(
            f"{db}: no {measure} figures{' for ' + technology if technology else ''} to chart. "
            "Run `multiforce forces --db DB` to see what the database holds."
        )
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(10, 5.5))
    series: dict[tuple[str, bool], list] = {}
    for _, name, tech, breakdown_value, start, end, value, _, qualifier, kind in rows:
        shown_technology = None if technology else tech.replace("_", " ")
        label = " / ".join(p for p in (name, shown_technology, breakdown_value) if p)
        compiled = _compiled(kind)
        series.setdefault((label, compiled), []).append(
            (_midpoint(start, end), value, _plain(start, end, qualifier, kind))
        )
    colours: dict[str, str] = {}
    for (label, compiled), points in sorted(series.items()):
        points.sort(key=lambda point: point[:2])  # forward in time
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        style = COMPILED_LINE if compiled else OWN_LINE
        (line,) = axes.plot(
            xs,
            ys,
            label=f"{label} {COMPILED_LABEL}" if compiled else label,
            color=colours.get(label),
            **style,
        )
        colours.setdefault(label, line.get_color())
        hollow = [(x, y) for x, y, plain in points if not plain]
        if hollow and not compiled:  # compiled points are hollow already
            axes.plot(
                [x for x, _ in hollow],
                [y for _, y in hollow],
                marker="o",
                markersize=9,
                markerfacecolor="white",
                markeredgecolor=line.get_color(),
                linestyle="none",
            )
    units = {row[7] for row in rows}
    subject = TECHNOLOGIES[technology] if technology in TECHNOLOGIES else "all technologies"
    axes.set_title(
        f"{measure.replace('_', ' ').capitalize()} by force and year\n{subject}", fontsize=11
    )
    middles = [x for points in series.values() for x, _, _ in points]
    years = range(int(min(middles)), int(max(middles)) + 1)
    axes.set_xticks([year + 0.5 for year in years], [str(year) for year in years])
    axes.set_xlabel("Year (each point at the middle of the period it covers)")
    axes.set_ylabel(
        "Per cent" if units == {"percent"} else "Count" if units == {"count"} else "Value"
    )
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="best")
    kinds = sorted({row[9] for row in rows})
    note = (
        "Dashed lines, hollow points: figures reported by compilations (secondary). "
        "Hollow points on a solid line: approximate, partial, planned, provisional or part-year "
        "figures."
    )
    _caption(figure, f"{note}\n" + SOURCE.format(kinds=f" (source kinds: {', '.join(kinds)})"))
    return figure


def outcome_figure(db: Path):
    """A force-by-technology grid of what the latest responses did with each technology's topics
    (the matrix_cells view: where a force has no own response, its campaign requests' standing
    today): the force's own answers solid, compilations' hatched and lighter; a cell holding
    both is split, own above, compiled below; several statuses share their part."""
    rows = _query(
        db,
        "SELECT force_name, technology, source, status_list FROM matrix_cells",
        (),
    )
    if not rows:
        raise MultiforceError(f"{db}: no outcomes to chart. Build or ingest responses first.")
    plt = _pyplot()
    from matplotlib.patches import Patch

    forces = sorted({row[0] for row in rows})
    technologies = list(TECHNOLOGIES)
    cells: dict[tuple[str, str], dict[str, list[str]]] = {}
    for name, tech, source, statuses in rows:
        cells.setdefault((name, tech), {})[source] = statuses.split("; ")
    figure, axes = plt.subplots(figsize=(9, 1.6 + 0.45 * len(forces)))
    for y, name in enumerate(forces):
        for x, tech in enumerate(technologies):
            parts = cells.get((name, tech), {})
            own = parts.get(OWN, ["not asked"])
            compiled = parts.get(COMPILATION)
            height = 0.6 if compiled else 1.0
            _split(axes, plt, x, y, height, own, f"{name}|{tech}|{OWN}", OWN_CELL)
            if compiled:
                bottom, rest = (y + height, 1 - height)
                _split(
                    axes,
                    plt,
                    x,
                    bottom,
                    rest,
                    compiled,
                    f"{name}|{tech}|{COMPILATION}",
                    COMPILED_CELL,
                )
    axes.set_xlim(0, len(technologies))
    axes.set_ylim(len(forces), 0)
    labels = [textwrap.fill(t.replace("_", " "), 14) for t in technologies]
    axes.set_xticks([x + 0.5 for x in range(len(technologies))], labels)
    axes.set_yticks([y + 0.5 for y in range(len(forces))], forces)
    axes.set_title(
        "What each force's latest responses did with each technology's questions", fontsize=11
    )
    axes.legend(
        handles=[
            Patch(facecolor=c, edgecolor="#444444", label=s.replace("_", " "))
            for s, c in STATUS_COLOURS.items()
        ]
        + [Patch(facecolor="white", edgecolor="#444444", label=COMPILED_LEGEND, **COMPILED_CELL)],
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    _caption(
        figure,
        "Solid: the force's own responses; hatched and lighter, below: compilations "
        "(secondary). A cell split across statuses: the latest answers to its topics differ.\n"
        + SOURCE.format(kinds=""),
    )
    return figure


def _split(axes, plt, x: int, y: float, height: float, statuses, gid: str, style: dict) -> None:
    """One part of a cell, shared equally by its statuses."""
    width = 1 / len(statuses)
    for i, status in enumerate(statuses):
        patch = plt.Rectangle(
            (x + i * width, y),
            width,
            height,
            facecolor=STATUS_COLOURS[status],
            edgecolor="#444444",
            linewidth=0.5,
            **style,
        )
        patch.set_gid(f"{gid}|{status}")
        axes.add_patch(patch)


def _compiled(source_kind: str) -> bool:
    return "compilation" in source_kind.split(";")


def _plain(start: str, end: str, qualifier: str, kind: str) -> bool:
    """A plain figure: an exact count over a whole calendar year, from the force's own response."""
    return qualifier == "exact" and _full_year(start, end) and not _compiled(kind)


def _query(db: Path, sql: str, params: tuple) -> list[tuple]:
    if not db.is_file():
        raise no_such_database(db)
    conn = connect_read_only(db)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.DatabaseError as error:
        raise not_a_database(db, error) from None
    finally:
        conn.close()


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise MultiforceError(
            "multiforce chart draws with matplotlib, which is not installed: charts are an "
            "optional extra, left out of the base install to keep it small. Expected "
            'matplotlib: install the extra with `pip install "multiforce[charts]"` (or '
            "`pip install matplotlib` into the same environment) and run the command again."
        ) from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _midpoint(start: str, end: str) -> float:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    middle = first + (last - first) / 2
    return middle.year + (middle.timetuple().tm_yday - 1) / 365.25


def _full_year(start: str, end: str) -> bool:
    return start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]


def _caption(figure, text: str) -> None:
    figure.text(0.01, 0.01, text, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)
    figure.tight_layout(rect=(0, 0.08, 1, 1))


def _save(figure, out: Path) -> Path:
    if out.suffix.lower() not in CHART_FORMATS:
        raise MultiforceError(
            f"{out}: unknown chart format. "
            f"Expected a file name ending in {', '.join(CHART_FORMATS)}."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=150, bbox_inches="tight")
    return out
