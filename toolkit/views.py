"""SQL views created at publish: derived figures live here, never in the observations."""

from ..schemas.vocabulary import MEASURES, QUALIFIERS, SOURCE_KINDS, TECHNOLOGIES
from .campaigns.views import VIEWS as CAMPAIGN_VIEWS

COMPILED = "instr(r.source_kind, 'compilation') > 0"  # a response's kinds may be joined by ';'
STATUS_CELL = "o.status || coalesce(' ' || o.exemptions, '')"  # 'refused s31(1)'


def _number(column: str) -> str:
    """Whole numbers shown as integers (8145, not 8145.0); values are stored as REAL."""
    whole = f"CAST({column} AS INTEGER)"
    return f"CASE WHEN {column} = {whole} THEN {whole} ELSE {column} END"


# Responses in order of recency: by response date, else by the year the reference gives
# ("1130/20" -> 2020, "01.FOI.22.022895" -> 2022: of its tokens that are a year, 1990-2049 in four
# digits or 00-49 in two, a four-digit one first, else the last). An undated response sorts
# before the dated ones of its year; one with neither date nor year is the oldest. Compilations
# are ranked apart from the force's own responses (source_kind may list several kinds, by ';').
def _slashed(column: str) -> str:
    """The column with every separator made '/': '01/FOI/22/022895'."""
    for separator in ".-_ ":
        column = f"replace({column}, '{separator}', '/')"
    return column


RESPONSE_RECENCY = f"""
WITH RECURSIVE reference_tokens(response_id, rest, token, position) AS (
    SELECT response_id, {_slashed("reference")} || '/', NULL, 0
    FROM responses WHERE response_date IS NULL
    UNION ALL
    SELECT response_id, substr(rest, instr(rest, '/') + 1), substr(rest, 1, instr(rest, '/') - 1),
           position + 1
    FROM reference_tokens WHERE rest <> ''),
reference_years AS (  -- SQLite takes the bare column year from the row with the max
    SELECT response_id, year, max(length(token) * 1000 + position) AS rank
    FROM (SELECT response_id, token, position,
                 CASE WHEN token GLOB '[0-4][0-9]' THEN 2000 + token
                      WHEN token GLOB '[12][09][0-9][0-9]' AND token BETWEEN '1990' AND '2049'
                      THEN CAST(token AS INTEGER) END AS year
          FROM reference_tokens)
    WHERE year IS NOT NULL GROUP BY response_id)
SELECT r.response_id, r.force_id, r.reference, r.source_kind, {COMPILED} AS compiled,
       coalesce(r.response_date, CAST(y.year AS TEXT), '') AS recency
FROM responses r
LEFT JOIN reference_years y ON y.response_id = r.response_id"""


def _listed(column: str) -> str:
    """A cell's distinct values of a column in order, joined by '; ' (a CTE named column_list)."""
    return f"""{column}_list AS (
    SELECT force_id, technology, compiled, group_concat({column}, '; ') AS listed FROM (
        SELECT DISTINCT force_id, technology, compiled, {column} FROM cells
        ORDER BY force_id, technology, compiled, {column})
    GROUP BY force_id, technology, compiled)"""


def _joined(column: str) -> str:
    return f"""JOIN {column}_list ON {column}_list.force_id = c.force_id
 AND {column}_list.technology = c.technology AND {column}_list.compiled = c.compiled"""


# The latest response of each force, topic and source kind (own or compiled): every response
# ranked; the summary of outcome_cells finds the same one by seeking (summaries.py).
_LATEST = """latest AS (
    SELECT a.*, c.compiled, c.source_kind, row_number() OVER (
        PARTITION BY a.force_id, a.technology, a.measure, a.breakdown, c.compiled
        ORDER BY c.recency DESC, c.reference DESC, c.response_id DESC) AS rank
    FROM (SELECT DISTINCT force_id, technology, measure, breakdown, response_id FROM outcomes) a
    JOIN response_recency c ON c.response_id = a.response_id)"""


def outcome_cells_sql(latest: str) -> str:
    """For each force, technology and source (own responses or compilations), the statuses of
    the latest response that asked each topic (technology, measure, breakdown), 'mixed: ...'
    where they differ. Read from a CTE `latest` (force_id, technology, measure, breakdown,
    compiled, source_kind, response_id, rank) whose rank 1 is each topic's latest response."""
    return f"""
WITH RECURSIVE {latest},
cells AS (
    SELECT DISTINCT l.force_id, l.technology, l.compiled, l.source_kind, l.response_id,
           {STATUS_CELL} AS cell, o.status
    FROM latest l JOIN outcomes o
      ON o.response_id = l.response_id AND o.technology = l.technology
     AND o.measure = l.measure AND o.breakdown = l.breakdown
    WHERE l.rank = 1),
{_listed("cell")},
{_listed("status")},
{_listed("response_id")},
{_listed("source_kind")}
SELECT c.force_id, f.name AS force_name, c.technology,
       CASE WHEN c.compiled THEN 'compilation' ELSE 'own response' END AS source,
       CASE WHEN count(DISTINCT c.status) > 1 THEN 'mixed: ' ELSE '' END || cell_list.listed
         AS statuses,
       CASE WHEN count(DISTINCT c.status) > 1 THEN 'mixed' ELSE min(c.status) END AS shown_status,
       status_list.listed AS status_list,
       source_kind_list.listed AS source_kind, response_id_list.listed AS response_ids
FROM cells c
JOIN forces f ON f.force_id = c.force_id
{_joined("cell")}
{_joined("status")}
{_joined("response_id")}
{_joined("source_kind")}
GROUP BY c.force_id, c.technology, c.compiled"""


def _matrix_cell(technology: str, source: str, absent: str) -> str:
    column = technology if source == "own response" else f"{technology}_compilations"
    return f"""coalesce(max(CASE WHEN c.technology = '{technology}' AND c.source = '{source}'
        THEN c.statuses END), {absent}) AS {column}"""


# The force's own responses and published compilations, side by side, never in one cell.
_MATRIX_CELLS = [
    cell
    for technology in TECHNOLOGIES
    for cell in (
        _matrix_cell(technology, "own response", "'not asked'"),
        _matrix_cell(technology, "compilation", "NULL"),
    )
]

# What each source said about a topic and period: an outcome's status, or a figure (a figure is
# a disclosure). A statement that names no period speaks for every period of its topic.
_SAID_FIGURE = "'figure ' || " + _number("o.value") + " || coalesce(' ' || o.breakdown_value, '')"
CONFLICTS = f"""
WITH statements AS (
    SELECT o.force_id, o.technology, o.measure, o.breakdown, o.period_start, o.period_end,
           CASE WHEN o.status IN ('disclosed', 'partially_disclosed') THEN 'disclosed'
                ELSE o.status END AS answer,
           NULL AS breakdown_value, NULL AS unit, NULL AS value, {STATUS_CELL} AS said,
           o.response_id, r.reference, r.source_kind, {COMPILED} AS compiled
    FROM outcomes o JOIN responses r ON r.response_id = o.response_id
    UNION ALL
    SELECT o.force_id, o.technology, o.measure, o.breakdown, o.period_start, o.period_end,
           'disclosed', o.breakdown_value, o.unit, o.value, {_SAID_FIGURE},
           o.response_id, r.reference, r.source_kind, {COMPILED}
    FROM observations o JOIN responses r ON r.response_id = o.response_id),
periods AS (
    SELECT DISTINCT force_id, technology, measure, breakdown, period_start, period_end
    FROM statements),
placed AS (
    SELECT p.period_start AS start, p.period_end AS end_, s.*
    FROM statements s JOIN periods p
      ON p.force_id = s.force_id AND p.technology = s.technology AND p.measure = s.measure
     AND p.breakdown = s.breakdown
     AND ((p.period_start IS s.period_start AND p.period_end IS s.period_end)
          OR (s.period_start IS NULL AND s.period_end IS NULL))),
figures_differ AS (
    SELECT force_id, technology, measure, breakdown, start, end_, max(own_differ) AS own_differ
    FROM (SELECT force_id, technology, measure, breakdown, start, end_,
                 count(DISTINCT CASE WHEN NOT compiled THEN value END) > 1 AS own_differ
          FROM placed WHERE value IS NOT NULL
          GROUP BY force_id, technology, measure, breakdown, start, end_, breakdown_value, unit
          HAVING count(DISTINCT value) > 1 AND sum(NOT compiled) > 0)
    GROUP BY force_id, technology, measure, breakdown, start, end_)
SELECT p.force_id, f.name AS force_name, p.technology, p.measure, p.breakdown,
       p.start AS period_start, p.end_ AS period_end,
       CASE WHEN count(DISTINCT CASE WHEN NOT p.compiled THEN p.answer END) > 1
              OR max(d.own_differ) THEN 'own responses'
            ELSE 'own response and compilation' END AS disagreement,
       group_concat(DISTINCT CASE WHEN NOT p.compiled THEN p.said || ' (' || p.reference || ')' END)
         AS own_responses_said,
       group_concat(DISTINCT CASE WHEN p.compiled THEN p.said || ' (' || p.reference || ')' END)
         AS compilations_said,
       group_concat(DISTINCT p.source_kind) AS source_kind,
       group_concat(DISTINCT p.response_id) AS response_ids
FROM placed p
JOIN forces f ON f.force_id = p.force_id
LEFT JOIN figures_differ d
  ON d.force_id = p.force_id AND d.technology = p.technology AND d.measure = p.measure
 AND d.breakdown = p.breakdown AND d.start IS p.start AND d.end_ IS p.end_
GROUP BY p.force_id, p.technology, p.measure, p.breakdown, p.start, p.end_
HAVING sum(NOT p.compiled) > 0 AND count(DISTINCT p.response_id) > 1
   AND (count(DISTINCT p.answer) > 1 OR count(d.force_id) > 0)"""


def _present(test: str, values) -> str:
    """Which of a vocabulary's values a group holds, in the vocabulary's order, joined by ','
    (group_concat(DISTINCT ...) lists them in whatever order the plan met them)."""
    found = " || ".join(
        f"CASE WHEN max({test.format(value)}) THEN ',{value}' ELSE '' END" for value in values
    )
    return f"substr({found}, 2)"


# The measures whose figure above zero shows that a force uses a technology, in vocabulary order.
EVIDENCE = [
    measure
    for measure in MEASURES
    if measure
    in ("uses", "devices_deployed", "devices_in_service", "in_use", "trialled", "matches")
]


def with_request_cells(cells: str) -> str:
    """The cells (the outcome_cells view, or its summary) and, where a force has no own response
    on a technology a campaign asked it about, its request's cell (request_cells): worked out
    from the requests on the day they are read, never stored."""
    return f"""SELECT * FROM {cells}
UNION ALL
SELECT r.* FROM request_cells r
WHERE NOT EXISTS (SELECT 1 FROM {cells} c WHERE c.force_id = r.force_id
                  AND c.technology = r.technology AND c.source = r.source)"""


def outcome_matrix_sql(cells: str) -> str:
    """The outcome matrix: the cells (the outcome_cells view, or its summary) and the requests'
    cells, a column each."""
    return (
        "SELECT f.force_id, f.name AS force_name,\n"
        "(SELECT group_concat(kind, ', ') FROM (\n"
        "  SELECT DISTINCT source_kind AS kind FROM responses r\n"
        "  WHERE r.force_id = f.force_id ORDER BY kind)) AS source_kind,\n"
        + ",\n".join(_MATRIX_CELLS)
        + f"\nFROM forces f LEFT JOIN ({with_request_cells(cells)}) c ON c.force_id = f.force_id"
        + "\nGROUP BY f.force_id ORDER BY f.name"
    )


def _same_span(other: str) -> str:
    """Whether a figure `other` is of the same topic, breakdown value, unit and span as `o`. The
    unit is compared outside any index (+): a sampled ANALYZE counts a thousand rows for every
    unit and measure, as many as for a technology, measure and start, and the planner then read
    every figure of the unit and measure for each row (at 280,000 figures, comparable_figures'
    first 101 rows in 2.7 s where they take 0.3)."""
    return (
        f"{other}.technology = o.technology AND {other}.measure = o.measure "
        f"AND {other}.breakdown = o.breakdown AND {other}.breakdown_value IS o.breakdown_value "
        f"AND +{other}.unit = o.unit AND {other}.period_start = o.period_start "
        f"AND {other}.period_end = o.period_end"
    )


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
    "response_recency": RESPONSE_RECENCY,
    # The canned queries' aggregates, as views so that their summaries can be checked against them.
    # A period's figures come from one response, so that searches and matches are a pair a
    # force gave together: the one that gives both (else searches), the latest of those
    # (response_recency). A period's label is the least of those its response gives.
    "scanner_searches_and_matches": f"""
WITH per_response AS (
  SELECT force_id, force_name, response_id, source_kind, period_start, period_end,
    min(period_label) AS period_label,
    max(CASE WHEN measure = 'uses' AND breakdown = 'none' THEN value END) AS searches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'police' THEN value END)
      AS police_matches,
    max(CASE WHEN measure = 'matches' AND breakdown_value = 'immigration' THEN value END)
      AS immigration_matches,
    {_present("qualifier = '{}'", QUALIFIERS)} AS qualifiers
  FROM figures_by_force_year
  WHERE technology = 'mobile_fingerprint_scanner' AND measure IN ('uses', 'matches')
    AND breakdown IN ('none', 'database')
  GROUP BY force_id, response_id, period_start, period_end),
ranked AS (
  SELECT p.*, row_number() OVER (
    PARTITION BY p.force_id, p.source_kind, p.period_start, p.period_end
    ORDER BY p.searches IS NOT NULL AND p.police_matches IS NOT NULL DESC,
      p.searches IS NOT NULL DESC, r.recency DESC, r.reference DESC, p.response_id DESC) AS rank
  FROM per_response p JOIN response_recency r ON r.response_id = p.response_id)
SELECT force_id, force_name, period_label, period_start, period_end, searches, police_matches,
  immigration_matches, qualifiers, source_kind
FROM ranked WHERE rank = 1""",
    # A force's totals over the calendar years that give both searches and police matches: a
    # part-year, a financial year or a span of years beside them would count months twice.
    "scanner_totals_by_force": """
SELECT force_id, force_name, source_kind, min(period_start) AS from_, max(period_end) AS to_,
  sum(searches) AS searches, sum(police_matches) AS police_matches,
  sum(immigration_matches) AS immigration_matches,
  round(100.0 * sum(police_matches) / sum(searches), 1) AS police_matches_per_100,
  round(100.0 * sum(immigration_matches) / sum(searches), 1) AS immigration_matches_per_100
FROM scanner_searches_and_matches
WHERE searches IS NOT NULL AND police_matches IS NOT NULL
  AND substr(period_start, 5) = '-01-01' AND period_end = substr(period_start, 1, 4) || '-12-31'
GROUP BY force_id, source_kind""",
    # Each response's evidence first (a few rows each, in the order of the covering index),
    # then each force's, and apart from it the references each force's evidence cites.
    "technology_evidence": f"""
WITH per_response AS (
  SELECT technology, force_id, response_id, min(period_start) AS earliest,
         max(period_end) AS latest,
         {", ".join(f"max(measure = '{measure}') AS [{measure}]" for measure in EVIDENCE)}
  FROM observations
  -- "+measure": read from the covering index in one pass, not row by row through the
  -- measure index (a third of the time at a million figures)
  WHERE value > 0 AND +measure IN ({", ".join(f"'{measure}'" for measure in EVIDENCE)})
    AND qualifier <> 'planned'  -- an intended trial or a plan to buy is no evidence of use
  GROUP BY technology, force_id, response_id),
per_force AS (
  SELECT p.technology, f.force_id, f.name AS force_name,
    {_present("[{}]", EVIDENCE)} AS evidence, min(p.earliest) AS earliest,
    max(p.latest) AS latest, {_present("instr(r.source_kind, '{}')", SOURCE_KINDS)} AS source_kind
  FROM per_response p JOIN responses r ON r.response_id = p.response_id
  JOIN forces f ON f.force_id = p.force_id
  GROUP BY p.technology, f.force_id),
-- one pass for every force's references (a subquery per force would read per_response again)
cited AS (
  SELECT technology, force_id, group_concat(reference) AS references_ FROM (
    SELECT DISTINCT p.technology, p.force_id, x.reference
    FROM per_response p JOIN responses x ON x.response_id = p.response_id
    ORDER BY p.technology, p.force_id, x.reference)
  GROUP BY technology, force_id)
SELECT e.*, c.references_
FROM per_force e JOIN cited c ON c.technology = e.technology AND c.force_id = e.force_id""",
    "outcome_cells": outcome_cells_sql(_LATEST),
    "conflicts": CONFLICTS,
    "matrix_cells": with_request_cells("outcome_cells"),
    "outcome_matrix": outcome_matrix_sql("outcome_cells"),
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
        WHERE {_same_span("p")})
         AS forces_with_this_span
FROM observations o
JOIN responses r ON r.response_id = o.response_id
JOIN forces f ON f.force_id = o.force_id
WHERE EXISTS (SELECT 1 FROM observations q
              WHERE {_same_span("q")} AND q.force_id <> o.force_id)""",
    **CAMPAIGN_VIEWS,
}
