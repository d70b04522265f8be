"""SQL views created at publish: derived figures live here, never in the observations."""
from ..schemas.vocabulary import TECHNOLOGIES


def _status_cell(technology: str) -> str:
    return f"""coalesce((
        SELECT group_concat(cell, '; ') FROM (
            SELECT DISTINCT o.status || coalesce(' ' || o.exemptions, '') AS cell
            FROM (SELECT DISTINCT status, exemptions FROM outcomes  -- skips along an index
                  WHERE force_id = f.force_id AND technology = '{technology}') o
            ORDER BY cell)
    ), 'not asked') AS {technology}"""


VIEWS = {
    "figures_by_force_year": """
SELECT o.force_id, f.name AS force_name, o.technology, o.measure, o.breakdown, o.breakdown_value,
       CAST(substr(o.period_start, 1, 4) AS INTEGER) AS year, o.period_start, o.period_end,
       o.period_label, o.value, o.unit, o.qualifier, r.source_kind, o.caveat, o.response_id,
       r.reference, o.quote, o.locator, o.observation_id
FROM observations o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id""",
    "outcomes_by_topic": """
SELECT o.force_id, f.name AS force_name, o.technology, o.measure, o.breakdown,
       o.period_start, o.period_end, o.status, o.exemptions, o.reason, r.source_kind,
       o.response_id, r.reference, o.quote, o.locator
FROM outcomes o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id""",
    "outcome_matrix": "SELECT f.force_id, f.name AS force_name,\n"
    + ",\n".join(_status_cell(t) for t in TECHNOLOGIES)
    + "\nFROM forces f ORDER BY f.name",
    "match_rates": """
SELECT m.force_id, f.name AS force_name, m.technology, m.period_start, m.period_end,
       m.period_label, m.breakdown_value AS database, u.value AS searches, m.value AS matches,
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
}
