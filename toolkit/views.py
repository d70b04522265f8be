"""SQL views created at publish: derived figures live here, never in the observations."""

from ..schemas.vocabulary import PRIMARY_SOURCE_KINDS, TECHNOLOGIES
from .campaigns.views import VIEWS as CAMPAIGN_VIEWS

# The force's own responses: source_kind names every source of one (document;transcription).
PRIMARY = " OR ".join(
    f"instr(r.source_kind, '{kind}') > 0" for kind in sorted(PRIMARY_SOURCE_KINDS)
)
STATUS_CELL = "o.status || coalesce(' ' || o.exemptions, '')"  # 'refused s31(1)'


def _number(column: str) -> str:
    """Whole numbers shown as integers (8145, not 8145.0); values are stored as REAL."""
    return (
        f"CASE WHEN {column} = CAST({column} AS INTEGER) THEN CAST({column} AS INTEGER) ELSE "
        f"{column} END"
    )


def _latest_status(technology: str) -> str:
    """The statuses (with exemptions) that the force's latest own response on a technology gave:
    latest by response date, undated responses counting as oldest, then by reference."""
    return f"""coalesce((
        SELECT group_concat(cell, '; ') FROM (
            SELECT DISTINCT {STATUS_CELL} AS cell
            FROM outcomes o
            WHERE o.technology = '{technology}' AND o.response_id = (
                SELECT r.response_id FROM responses r
                WHERE r.force_id = f.force_id AND ({PRIMARY})
                  AND EXISTS (SELECT 1 FROM outcomes x WHERE x.response_id = r.response_id
                              AND x.technology = '{technology}')
                ORDER BY coalesce(r.response_date, '') DESC, r.reference DESC LIMIT 1)
            ORDER BY cell)
    ), 'not asked') AS {technology}"""


def _compiled_status(technology: str) -> str:
    return f"""(SELECT group_concat(cell, '; ') FROM (
            SELECT DISTINCT {STATUS_CELL} AS cell
            FROM outcomes o JOIN responses r ON r.response_id = o.response_id
            WHERE o.force_id = f.force_id AND o.technology = '{technology}'
              AND r.source_kind = 'compilation'
            ORDER BY cell)) AS {technology}_compilations"""


# The force's own responses and published compilations, side by side, never in one cell.
_MATRIX_CELLS = [
    cell
    for technology in TECHNOLOGIES
    for cell in (_latest_status(technology), _compiled_status(technology))
]

VIEWS = {
    "figures_by_force_year": f"""
SELECT o.force_id, f.name AS force_name, o.technology, o.measure, o.breakdown, o.breakdown_value,
       CAST(substr(o.period_start, 1, 4) AS INTEGER) AS year, o.period_start, o.period_end,
       o.period_label, {_number("o.value")} AS value, o.unit, o.qualifier, r.source_kind, o.caveat,
       o.response_id, r.reference, o.quote, o.locator, o.observation_id
FROM observations o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id""",
    "outcomes_by_topic": """
SELECT o.force_id, f.name AS force_name, o.technology, o.measure, o.breakdown,
       o.period_start, o.period_end, o.status, o.exemptions, o.reason, r.source_kind,
       o.response_id, r.reference, r.response_date, o.quote, o.locator
FROM outcomes o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id""",
    "outcome_matrix": "SELECT f.force_id, f.name AS force_name,\n"
    + "(SELECT group_concat(kind, ', ') FROM (SELECT DISTINCT source_kind AS kind\n"
    + "  FROM responses r WHERE r.force_id = f.force_id ORDER BY kind)) AS source_kind,\n"
    + ",\n".join(_MATRIX_CELLS)
    + "\nFROM forces f ORDER BY f.name",
    "match_rates": f"""
SELECT m.force_id, f.name AS force_name, m.technology, m.period_start, m.period_end,
       m.period_label, m.breakdown_value AS database, {_number("u.value")} AS searches,
       {_number("m.value")} AS matches,
       round(100.0 * m.value / u.value, 1) AS matches_per_100_searches,
       m.qualifier, r.source_kind, m.response_id
FROM observations m
JOIN observations u
  ON u.response_id = m.response_id AND u.technology = m.technology
 AND u.measure = 'uses' AND u.breakdown = 'none'
 AND u.period_start = m.period_start AND u.period_end = m.period_end
JOIN responses r ON r.response_id = m.response_id
JOIN forces f ON f.force_id = m.force_id
WHERE m.measure = 'matches' AND u.value > 0""",
    # Officer numbers are known at a few dates: each figure uses the latest count on or before
    # the end of its period, else the earliest count there is, and says which date it used.
    "figures_per_1000_officers": f"""
SELECT o.force_id, f.name AS force_name, o.technology, o.measure, o.breakdown, o.breakdown_value,
       o.period_start, o.period_end, o.period_label, {_number("o.value")} AS value,
       w.officers_fte, w.date AS officers_date,
       round(1000.0 * o.value / w.officers_fte, 2) AS per_1000_officers,
       o.qualifier, r.source_kind, o.response_id
FROM observations o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id
JOIN officers w ON w.force_id = o.force_id AND w.date = coalesce(
    (SELECT max(date) FROM officers x WHERE x.force_id = o.force_id AND x.date <= o.period_end),
    (SELECT min(date) FROM officers x WHERE x.force_id = o.force_id))
WHERE o.unit = 'count' AND w.officers_fte > 0""",
    # Lines up only figures of different forces whose periods cover exactly the same span.
    "comparable_figures": f"""
SELECT o.technology, o.measure, o.breakdown, o.breakdown_value, o.period_start, o.period_end,
       o.force_id, f.name AS force_name, {_number("o.value")} AS value, o.unit, o.qualifier,
       r.source_kind, o.period_label,
       (SELECT count(DISTINCT p.force_id) FROM observations p
        WHERE p.technology = o.technology AND p.measure = o.measure AND p.breakdown = o.breakdown
          AND p.breakdown_value IS o.breakdown_value AND p.unit = o.unit
          AND p.period_start = o.period_start AND p.period_end = o.period_end)
         AS forces_with_this_span
FROM observations o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id
WHERE EXISTS (SELECT 1 FROM observations q
              WHERE q.technology = o.technology AND q.measure = o.measure
                AND q.breakdown = o.breakdown
                AND q.breakdown_value IS o.breakdown_value AND q.unit = o.unit
                AND q.period_start = o.period_start AND q.period_end = o.period_end
                AND q.force_id <> o.force_id)""",
    **CAMPAIGN_VIEWS,
}
