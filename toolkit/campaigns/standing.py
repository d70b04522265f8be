"""Where a campaign's requests stand on a given day: answered, overdue, awaiting, in review.

Computed from each request's history as of the day (its latest event on or before it), and
the clock; "overdue" is never stored. The rows carry the `requests` table's columns as they
stood that day (an answer given later is not yet known), plus standing,
overdue_working_days (0 when not overdue), working_days_late (as request_status counts it:
the working days overdue, or those after its due date that an answer came; empty where the
answer's day is not known) and working_days_late_at_least (that figure where it is known; else,
for an answer on a day nobody recorded, the working days it was late already on the last day
the history saw it still owed, where that was after its due date: views.late_already, the
rule request_status's column follows too).
"""

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...schemas.models import columns
from ..errors import MultiforceError
from ..store.files import connect_read_only
from . import clock
from .store import ranked
from .views import OWED, REQUESTS_WITH_ANSWERS, late_already

# The requests table's columns as of the day, then where the request stands and how late.
COLUMNS = (
    *columns("requests"),
    "standing",
    "overdue_working_days",
    "working_days_late",
    "working_days_late_at_least",
)
STANDINGS = (
    "answered",
    "overdue",
    "awaiting_response",
    "awaiting_clarification",
    "internal_review",
    "withdrawn",
    "failed_delivery",
    "unknown",
)


@dataclass
class Standing:
    row: dict  # COLUMNS
    standing: str
    force_name: str


def standings(db: Path, campaign_id: str | None, on: date) -> list[Standing]:
    if not Path(db).exists():
        raise MultiforceError(
            f"{db}: no such database. Expected one with a campaign: `multiforce campaign new FILE "
            f"--db {db}` or `multiforce import-wdtk --db {db} --campaign C FILE`."
        )
    conn = connect_read_only(db)
    conn.row_factory = sqlite3.Row
    try:
        requests = conn.execute(
            f"SELECT q.*, f.name AS force_name, {late_already(':day')} AS late_already "
            f"FROM ({REQUESTS_WITH_ANSWERS}) q JOIN forces f USING (force_id) "
            "WHERE :campaign IS NULL OR q.campaign_id = :campaign ORDER BY q.campaign_id, f.name",
            {"campaign": campaign_id, "day": on.isoformat()},
        ).fetchall()
        events: dict[str, list] = {}
        for event in conn.execute("SELECT * FROM request_events ORDER BY rowid"):
            events.setdefault(event["request_id"], []).append(event)
    except sqlite3.DatabaseError as error:
        raise MultiforceError(
            f"{db}: it holds no campaign requests ({error}). Expected a database written by "
            "`multiforce campaign new` or `multiforce import-wdtk`."
        ) from None
    finally:
        conn.close()
    if campaign_id and not requests:
        raise MultiforceError(
            f"{db}: no requests of campaign {campaign_id!r}. Expected a campaign the database "
            "holds: run `multiforce requests --db DB` to see them all."
        )
    day = on.isoformat()
    sent = [row for row in requests if row["sent_date"] is None or row["sent_date"] <= day]
    return [_standing(dict(row), events.get(row["request_id"], []), on) for row in sent]


def _standing(request: dict, history: list, on: date) -> Standing:
    day = on.isoformat()
    known = [event for event in history if event["date"] is None or event["date"] <= day]
    status, status_date = request["status"], request["status_date"]
    wdtk_state = request["wdtk_state"]
    if history:
        status, status_date, wdtk_state = "awaiting_response", None, None
        # In the order the store ranks events: the last is the status, as it would be stored.
        for event in ranked(known):
            status, status_date = event["status"], event["date"]
            wdtk_state = event["wdtk_state"] or wdtk_state
    answered_later = request["answered_date"] is not None and request["answered_date"] > day
    statuses = {event["status"] for event in known} if history else {status}
    answered = answered_as_of(request, statuses, day)
    overdue = 0
    due = date.fromisoformat(request["due_date"]) if request["due_date"] else None
    if not answered and status in OWED and due and on > due:
        overdue = clock.working_days_between(due, on, request["regime"])
    standing = "answered" if answered else "overdue" if overdue else status
    row = {name: request[name] for name in COLUMNS if name in request}
    row.update(status=status, status_date=status_date, wdtk_state=wdtk_state, standing=standing)
    if answered_later:
        row.update(answered_date=None, working_days_to_answer=None, response_id=None)
    row.update(overdue_working_days=overdue, working_days_late=overdue)
    if answered:
        came = row["answered_date"]
        row["working_days_late"] = (
            None
            if came is None or due is None
            else clock.working_days_between(due, date.fromisoformat(came), request["regime"])
        )
    row["working_days_late_at_least"] = row["working_days_late"]
    if answered and row["working_days_late"] is None and due is not None:
        row["working_days_late_at_least"] = request["late_already"]
    return Standing(row, standing, request["force_name"])


def answered_as_of(request: dict, statuses: set[str], day: str) -> bool:
    """Answered as request_status counts it (views.ANSWERED), on the day: the history held
    then records an answer, whatever came after it (a review asked for); or an answer came by
    then; an answering response nobody dated (a campaign file's `response:` not yet
    ingested) answers it whatever the day, as the views count it."""
    if "answered" in statuses:
        return True
    if request["answered_date"] is not None:
        return request["answered_date"] <= day
    return request["response_id"] is not None


def summary(found: list[Standing], on: date) -> str:
    counts = {name: sum(1 for item in found if item.standing == name) for name in STANDINGS}
    parts = [f"{counts[name]} {name.replace('_', ' ')}" for name in STANDINGS if counts[name]]
    return f"{len(found)} requests as of {on.isoformat()}: " + (", ".join(parts) or "none")
