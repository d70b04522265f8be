"""Views of campaigns: where each request stands, and silence as data.

"Overdue" and `no_response` are derived here from `requests` and the day the database is
read (date('now')), never stored as if a force had said them. Working days are counted on
the `working_days` calendar the clock writes beside the requests.
"""

from ...schemas.models import columns
from .wdtk import OUTCOME_OF_STATE


def _listed(values) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


def working_days_after(column: str, until: str) -> str:
    """The working days after the day `column` up to the day `until` (SQL dates): the numbers
    of the last working days on or before each, apart; no days where either is not known."""
    return (
        f"(CASE WHEN {column} IS NULL THEN 0 "
        f"ELSE max(0, {_number_of_day(until)} - {_number_of_day(column)}) END)"
    )


def _number_of_day(day: str) -> str:
    """The number in the calendar of the last working day on or before `day` (one index seek);
    0 before the calendar's first."""
    return (
        "coalesce((SELECT w.number FROM working_days w WHERE w.regime = q.regime "
        f"AND w.date <= {day} ORDER BY w.date DESC LIMIT 1), 0)"
    )


# The response that answers a request: the one its campaign file names, else the force's
# earliest response that names the campaign (responses.campaign_id), whenever it was read.
_ANSWERING_RESPONSE = (
    "coalesce(q.response_id, (SELECT r.response_id FROM responses r "
    "WHERE r.campaign_id = q.campaign_id AND r.force_id = q.force_id "
    "ORDER BY r.response_date IS NULL, r.response_date, r.response_id LIMIT 1))"
)
_ANSWER_DERIVED = ("response_id", "answered_date", "working_days_to_answer")
# The requests table's rows with their answers as the responses give them: the answering
# response, and its date as the answer's day where no source dated the answer. Every reader
# of requests that decides "answered" reads this (request_status; the `requests` command).
REQUESTS_WITH_ANSWERS = f"""
SELECT {", ".join(f"q.{name}" for name in columns("requests") if name not in _ANSWER_DERIVED)},
       q.answering_id AS response_id,
       coalesce(q.answered_date, r.response_date) AS answered_date,
       CASE WHEN q.answered_date IS NOT NULL THEN q.working_days_to_answer
            WHEN r.response_date IS NOT NULL AND q.sent_date IS NOT NULL
            THEN {working_days_after("q.sent_date", "r.response_date")}
       END AS working_days_to_answer
FROM (SELECT q.*, {_ANSWERING_RESPONSE} AS answering_id FROM requests q) q
LEFT JOIN responses r ON r.response_id = q.answering_id"""

# Answered as the `requests` command counts it (campaigns/standing.py): an answer is recorded,
# in the request or its history, whatever came after it (an internal review asked for, a
# state changed).
ANSWERED = (
    "(q.status = 'answered' OR q.response_id IS NOT NULL OR q.answered_date IS NOT NULL "
    "OR EXISTS (SELECT 1 FROM request_events e "
    "WHERE e.request_id = q.request_id AND e.status = 'answered'))"
)
# The statuses of an unanswered request whose answer is still owed on the clock: an internal
# review asked for before any answer came does not answer it (the `requests` command too).
OWED = ("awaiting_response", "internal_review")
# Each request with its answer and where it stands today: answered, overdue (not answered, still
# owed and past its due date), or its status.
STANDINGS = f"""
SELECT q.*, CASE WHEN {ANSWERED} THEN 'answered'
                 WHEN q.status IN {_listed(OWED)} AND q.due_date < date('now') THEN 'overdue'
                 ELSE q.status
            END AS standing
FROM ({REQUESTS_WITH_ANSWERS}) q"""


def late_already(until: str) -> str:
    """How late an answer that came on a day nobody recorded was at least, from the history as
    of `until` (an SQL date): the working days after the due date of the last day the history
    saw the request still owed before any answer (the answer came that day or later); NULL
    where that day was not after the due date, as the answer may then have come in time. The
    one rule of `working_days_late_at_least`, in request_status and the `requests` command."""
    dated = f"request_id = q.request_id AND date IS NOT NULL AND date <= {until}"
    first_answer = f"(SELECT min(date) FROM request_events WHERE {dated} AND status = 'answered')"
    last_owed = (
        f"(SELECT max(date) FROM request_events WHERE {dated} AND status IN {_listed(OWED)} "
        f"AND coalesce(date < {first_answer}, 1))"
    )
    return (
        f"CASE WHEN {last_owed} > q.due_date THEN {working_days_after('q.due_date', last_owed)} END"
    )


# The cell a force's requests give a technology they asked about in its row of the outcome
# matrix, from their standings (request_status), while no own response of the force answers
# the technology (with_request_cells in toolkit/views.py). The first status that any of the
# requests stands at wins: what is still owed comes before what came, so one overdue request is
# silence whatever another campaign's request got. 'answered': an answer came, not read into
# the database yet.
REQUEST_CELLS = {
    "no_response": ("overdue",),
    "awaiting": ("awaiting_response", "awaiting_clarification", "internal_review"),
    "answered": ("answered",),
}

WITHHELD = (
    "('partially_disclosed', 'not_held', 'refused', 'cost_limit', 'neither_confirm_nor_deny')"
)
# What WhatDoTheyKnow's states say of the outcome, until the response's own outcomes are read:
# the request's state, else the last of its history's that reports one (a review asked for
# after a refusal leaves the refusal reported).
_OUTCOME_OF = " ".join(
    f"WHEN '{state}' THEN '{status}'" for state, status in OUTCOME_OF_STATE.items()
)
REPORTED_OUTCOME = f"""coalesce(CASE q.wdtk_state {_OUTCOME_OF} END,
       (SELECT CASE e.wdtk_state {_OUTCOME_OF} END FROM request_events e
        WHERE e.request_id = q.request_id
          AND e.wdtk_state IN {_listed(OUTCOME_OF_STATE)}
        ORDER BY e.date DESC, e.rowid DESC LIMIT 1))"""


_REQUEST_CELL_STATUS = (
    "CASE "
    + " ".join(
        f"WHEN max(standing IN {_listed(standings)}) THEN '{status}'"
        for status, standings in REQUEST_CELLS.items()
    )
    + " END"
)
_REQUEST_CELL_STANDINGS = _listed(
    standing for standings in REQUEST_CELLS.values() for standing in standings
)

_WORKING_DAYS_LATE = f"""CASE WHEN q.standing = 'overdue'
            THEN {working_days_after("q.due_date", "date('now')")}
            -- answered on a day nobody recorded: how late is not known, not nought
            WHEN q.standing = 'answered' AND (q.answered_date IS NULL OR q.due_date IS NULL)
            THEN NULL
            WHEN q.standing = 'answered' AND q.answered_date > q.due_date
            THEN {working_days_after("q.due_date", "q.answered_date")}
            ELSE 0
       END"""

UNKNOWN_CAMPAIGNS_VIEW = "responses_naming_unknown_campaigns"

VIEWS = {
    # The inner query works out each request's standing and working days late once a row, for
    # the columns after it to read. It is DISTINCT (one row a request either way) because SQLite
    # copies a plain subquery's expressions into each outer column that reads them, and would
    # count the working days again for each.
    "request_status": f"""
SELECT request_id, campaign_id, campaign_title, force_id, force_name, sent_date, due_date, status,
       status_date, wdtk_state, answered_date, standing,
       CASE WHEN standing = 'overdue' THEN working_days_late ELSE 0 END AS overdue_working_days,
       working_days_late,
       CASE WHEN standing = 'answered' AND answered_date IS NULL AND due_date IS NOT NULL
            THEN {late_already("date('now')")}
            ELSE working_days_late
       END AS working_days_late_at_least,
       working_days_to_answer,
       CASE WHEN standing = 'overdue' THEN 'no_response' END AS outcome,
       (SELECT group_concat(status, ', ') FROM (
           SELECT DISTINCT o.status FROM outcomes o
           WHERE o.response_id = q.response_id AND o.status IN {WITHHELD} ORDER BY o.status)
       ) AS withheld,
       {REPORTED_OUTCOME} AS reported_outcome,
       regime, wdtk_url, response_id, source_kind
FROM (SELECT DISTINCT q.request_id, q.campaign_id, c.title AS campaign_title, q.force_id,
             f.name AS force_name, q.sent_date, q.due_date, q.status, q.status_date,
             q.wdtk_state, q.answered_date, q.standing,
             {_WORKING_DAYS_LATE} AS working_days_late,
             q.working_days_to_answer, q.regime, q.wdtk_url, q.response_id,
             coalesce(r.source_kind, 'request') AS source_kind
      FROM ({STANDINGS}) q
      JOIN forces f ON f.force_id = q.force_id
      JOIN campaigns c ON c.campaign_id = q.campaign_id
      LEFT JOIN responses r ON r.response_id = q.response_id) q""",
    "silence": """
SELECT force_id, force_name, campaign_id, campaign_title, request_id, sent_date, due_date,
       overdue_working_days, outcome AS status, wdtk_state, wdtk_url, source_kind
FROM request_status
WHERE standing = 'overdue'""",
    "request_outcome_cells": """
SELECT DISTINCT s.force_id, s.campaign_id, q.technology, s.status, s.source_kind
FROM silence s
JOIN campaign_questions q ON q.campaign_id = s.campaign_id""",
    # What a force's requests give each technology asked in its row of the outcome matrix
    # (REQUEST_CELLS), in outcome_cells' columns. An answered cell's statuses add what
    # WhatDoTheyKnow's states report of the answers' outcomes, the colour staying 'answered'.
    # It reads the requests' standings alone, not all that request_status works out for each,
    # and lists the technologies asked once for each force, standing and set of technologies a
    # campaign asked, not once for each request.
    "request_cells": f"""
SELECT force_id, (SELECT name FROM forces f WHERE f.force_id = c.force_id) AS force_name,
       technology, 'own response' AS source,
       status || CASE WHEN status = 'answered' THEN coalesce(' (reported: ' || reported || ')', '')
                      ELSE '' END AS statuses,
       status AS shown_status, status AS status_list, 'request' AS source_kind,
       NULL AS response_ids
FROM (SELECT force_id, technology, {_REQUEST_CELL_STATUS} AS status,
             group_concat(CASE WHEN standing = 'answered' THEN reported_outcome END, ', ')
               AS reported
      FROM (WITH asked AS (
                SELECT campaign_id, json_group_array(DISTINCT technology) AS technologies
                FROM campaign_questions GROUP BY campaign_id),
            standings AS (
                SELECT DISTINCT q.force_id, a.technologies, q.standing,
                       CASE WHEN q.standing = 'answered' THEN {REPORTED_OUTCOME}
                       END AS reported_outcome
                FROM ({STANDINGS}) q
                JOIN asked a ON a.campaign_id = q.campaign_id
                WHERE q.standing IN {_REQUEST_CELL_STANDINGS})
            SELECT DISTINCT s.force_id, t.value AS technology, s.standing, s.reported_outcome
            FROM standings s, json_each(s.technologies) t
            ORDER BY s.force_id, t.value, s.reported_outcome)
      GROUP BY force_id, technology) c""",
    # A row per topic each silent force was asked about, in refusals_and_silence's columns (a
    # topic two of a campaign's questions asked, once).
    "silence_by_topic": """
SELECT s.force_id, s.force_name, q.technology, q.measure, q.breakdown, s.status,
       NULL AS exemptions, s.reason, s.source_kind, s.reference, s.locator, s.campaign_id,
       s.overdue_working_days
FROM (SELECT DISTINCT force_id, force_name, status,
             'no response, ' || overdue_working_days || ' working days after it was due on '
             || due_date AS reason,
             source_kind, request_id AS reference, wdtk_url AS locator, campaign_id,
             overdue_working_days
      FROM silence) s
JOIN (SELECT DISTINCT campaign_id, technology, measure, breakdown FROM campaign_questions) q
  ON q.campaign_id = s.campaign_id""",
    "refusals_and_silence": """
SELECT force_name, technology, measure, breakdown, status, exemptions, reason, source_kind,
       reference, locator,
       (SELECT r.campaign_id FROM responses r WHERE r.response_id = t.response_id) AS campaign_id,
       NULL AS overdue_working_days
FROM outcomes_by_topic t
WHERE status NOT IN ('disclosed')
UNION ALL
SELECT force_name, technology, measure, breakdown, status, exemptions, reason, source_kind,
       reference, locator, campaign_id, overdue_working_days
FROM silence_by_topic""",
    # A response naming a campaign the database does not hold answers no request: a mistyped
    # campaign_id would otherwise leave its request overdue unseen.
    UNKNOWN_CAMPAIGNS_VIEW: """
SELECT r.campaign_id, r.response_id, r.force_id, f.name AS force_name, r.response_date,
       r.source_kind
FROM responses r
JOIN forces f ON f.force_id = r.force_id
WHERE r.campaign_id IS NOT NULL
  AND r.campaign_id NOT IN (SELECT campaign_id FROM campaigns)
ORDER BY r.campaign_id, r.response_id""",
    "response_times": """
SELECT force_id, force_name, campaign_id, request_id, sent_date, due_date, answered_date,
       working_days_to_answer, working_days_late,
       working_days_late = 0 AS on_time,
       regime, response_id, source_kind
FROM request_status
WHERE working_days_to_answer IS NOT NULL""",
}
