"""The campaign tables in the database, and the one way they are written.

Everything a command will write is worked out first, in memory, against what the database
holds (read-only); a command that finds nothing new writes nothing, and the database file is
left as it was, byte for byte. Otherwise the rows go through the publishing session (the
database built aside and renamed over the old one), all in one transaction.

History is appended, never rewritten: a request's status is its latest event's.
"""

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandera.polars as pa
import polars as pl
import sqlite_utils

from ...schemas.campaign import Campaign, regime
from ...schemas.campaign_models import MODELS
from ...schemas.models import columns
from ..errors import MultiforceError
from ..records import response_id  # the id a force's response is published under
from ..store.files import connect_read_only, table_names
from ..validation import in_memory
from . import clock
from .views import UNKNOWN_CAMPAIGNS_VIEW, VIEWS
from .wdtk import same_file, shown

PRIMARY_KEYS = {
    "campaigns": "campaign_id",
    "campaign_questions": ("campaign_id", "number", "technology", "measure", "breakdown"),
    "requests": "request_id",
    "request_events": None,  # history: rows are only ever added
    "request_attachments": ("request_id", "incoming_message_id", "filename"),
    "working_days": ("regime", "date"),
}
FOREIGN_KEYS = {
    "campaign_questions": [("campaign_id", "campaigns", "campaign_id")],
    "requests": [
        ("campaign_id", "campaigns", "campaign_id"),
        ("force_id", "forces", "force_id"),
    ],
    "request_events": [("request_id", "requests", "request_id")],
    "request_attachments": [("request_id", "requests", "request_id")],
}
INDEXES = {
    "requests": [["campaign_id", "force_id"], ["force_id"]],
    "request_events": [["request_id", "date"]],
}
TYPES = {"String": str, "Int64": int, "Float64": float}
EVENT_KEY = ("date", "status", "wdtk_state")
WDTK_SOURCE = "WhatDoTheyKnow"  # how the sources of imported events begin
CAMPAIGN_FILE = "campaign file "  # how the sources of a campaign file's events begin


def ensure_campaign_schema(db: sqlite_utils.Database) -> None:
    """Create the campaign tables (before the views that read them); called by publishing. A
    calendar of working days without a column the views read (made by an earlier version) is
    derived: it is made again."""
    calendar = db["working_days"]
    outdated = calendar.exists() and set(columns("working_days")) - set(calendar.columns_dict)
    if outdated:
        calendar.drop()
    for table in MODELS:
        schema = {name: TYPES[dtype.__name__] for name, dtype in columns(table).items()}
        db[table].create(
            schema,
            pk=PRIMARY_KEYS[table],
            foreign_keys=FOREIGN_KEYS.get(table, []),
            if_not_exists=True,
        )
        for index in INDEXES.get(table, []):
            db[table].create_index(index, if_not_exists=True)
    if outdated:
        _calendar(db.conn)


def request_id(campaign_id: str, force_id: str) -> str:
    return f"{campaign_id}/{force_id}"


@dataclass
class Event:
    date: str | None
    status: str
    source: str
    wdtk_state: str | None = None


@dataclass
class Held:
    """What the database holds of some campaigns, as plain rows."""

    campaigns: dict[str, dict] = field(default_factory=dict)
    questions: dict[str, list[dict]] = field(default_factory=dict)
    requests: dict[str, dict] = field(default_factory=dict)
    events: dict[str, list[dict]] = field(default_factory=dict)
    attachments: set[tuple] = field(default_factory=set)


def read_held(db_path: Path) -> Held:
    if not Path(db_path).exists():
        return Held()
    conn = connect_read_only(db_path)
    try:
        return held_in(conn)
    except sqlite3.DatabaseError as error:
        raise MultiforceError(
            f"{db_path}: the database cannot be read ({error}). Expected a database that "
            "multiforce built: give another --db path, or rebuild it."
        ) from None
    finally:
        conn.close()


def held_in(conn: sqlite3.Connection) -> Held:
    """What a database holds: a published file, or the one a build is writing aside."""
    held = Held()
    conn.row_factory = sqlite3.Row
    try:
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if "campaigns" not in tables:
            return held
        for row in conn.execute(f"SELECT {', '.join(columns('campaigns'))} FROM campaigns"):
            held.campaigns[row["campaign_id"]] = dict(row)
        for row in conn.execute(
            f"SELECT {', '.join(columns('campaign_questions'))} FROM campaign_questions "
            "ORDER BY rowid"
        ):
            held.questions.setdefault(row["campaign_id"], []).append(dict(row))
        for row in conn.execute(f"SELECT {', '.join(columns('requests'))} FROM requests"):
            held.requests[row["request_id"]] = dict(row)
        for row in conn.execute(
            f"SELECT {', '.join(columns('request_events'))} FROM request_events ORDER BY rowid"
        ):
            held.events.setdefault(row["request_id"], []).append(dict(row))
        held.attachments = {
            tuple(row)
            for row in conn.execute(
                "SELECT request_id, incoming_message_id, filename FROM request_attachments"
            )
        }
    finally:
        conn.row_factory = None
    return held


def campaigns_not_held(db_path: Path) -> dict[str, list[str]]:
    """The campaign ids responses name that the database holds no campaign of, with the
    responses naming each (the view responses_naming_unknown_campaigns): they answer no
    request until the campaign is added. Nothing where
    the file holds no responses (yet), or is no database: the command writing it says so."""
    if not Path(db_path).exists():
        return {}
    conn = connect_read_only(Path(db_path))
    try:
        names = table_names(conn)
        # A database published before the view was: its query, read from the tables.
        view = (
            UNKNOWN_CAMPAIGNS_VIEW
            if UNKNOWN_CAMPAIGNS_VIEW in names
            else f"({VIEWS[UNKNOWN_CAMPAIGNS_VIEW]})"
        )
        found = (
            conn.execute(f"SELECT campaign_id, response_id FROM {view}").fetchall()
            if {"responses", "campaigns", "forces"} <= names
            else []
        )
    except sqlite3.DatabaseError:
        found = []
    finally:
        conn.close()
    named: dict[str, list[str]] = {}
    for campaign_id, response in found:
        named.setdefault(campaign_id, []).append(response)
    return named


class Changes:
    """The rows a command will write, worked out against what the database holds."""

    def __init__(self, held: Held, today: date | None = None):
        self.held = held
        self.today = (today or date.today()).isoformat()  # the day a withdrawal is dated
        self.campaigns: dict[str, dict] = {}
        self.questions: dict[str, list[dict]] = {}
        self.requests: dict[str, dict] = {}
        self.events: list[dict] = []
        self._new_history: dict[str, list[dict]] = {}  # self.events by request
        self.attachments: list[dict] = []
        self._attachment_keys: set[tuple] = set()  # self.attachments' keys
        self.sent_dates: list[str] = []  # a force's sent date changed: said in the summary
        self.passed_over: list[str] = []  # export states that do not become the status: said
        self.withdrawn: list[str] = []  # forces the campaign file no longer lists: said
        self.listed_again: list[str] = []  # forces it lists again after withdrawing: said

    # -- campaigns

    def campaign(self, campaign: Campaign) -> None:
        row = {
            "campaign_id": campaign.campaign_id,
            "title": campaign.title,
            "description": campaign.description,
            "sent_date": campaign.sent_date,
            "period_start": campaign.period_start,
            "period_end": campaign.period_end,
            "source": campaign.source,
        }
        if _content(self.held.campaigns.get(campaign.campaign_id)) != _content(row):
            self.campaigns[campaign.campaign_id] = row
        questions = [
            {
                "campaign_id": campaign.campaign_id,
                "number": question.number,
                "text": question.text,
                "technology": topic.technology,
                "measure": topic.measure,
                "breakdown": topic.breakdown,
                "period_start": topic.period_start,
                "period_end": topic.period_end,
            }
            for question in campaign.questions
            for topic in question.topics
        ]
        if self.held.questions.get(campaign.campaign_id, []) != questions:
            self.questions[campaign.campaign_id] = questions
        listed = {recipient.force_id for recipient in campaign.recipients}
        for held in self.held.requests.values():
            if held["campaign_id"] == campaign.campaign_id and held["force_id"] not in listed:
                self._withdraw(self.request(campaign.campaign_id, held["force_id"]), campaign)
        for recipient in campaign.recipients:
            current = self.request(campaign.campaign_id, recipient.force_id)
            self._list_again(current, campaign)
            # WhatDoTheyKnow's dates, once imported, are the better record of when it was sent.
            from_wdtk = any(
                event["source"].startswith(WDTK_SOURCE)
                for event in self._history(current["request_id"])
            )
            if not from_wdtk:
                self._set(current, sent_date=campaign.sent_date)
            self._set(current, wdtk_url=recipient.wdtk_url)
            source = f"{CAMPAIGN_FILE}{campaign.source}"
            if campaign.sent_date:
                self.event(current, Event(campaign.sent_date, "awaiting_response", source))
            elif not recipient.response:
                # Undated, but in the history: the file listed the force, so the request is the
                # file's to withdraw when it no longer does.
                self.event(current, Event(None, "awaiting_response", source))
            if recipient.response:
                self._set(current, response_id=response_id(recipient.force_id, recipient.response))
                self.event(current, Event(None, "answered", source))

    def _withdraw(self, row: dict, campaign: Campaign) -> None:
        """A request the campaign file listed and lists no longer (asked by mistake, or taken
        back) is withdrawn from today: it is owed nothing, and its history stays. A request
        only WhatDoTheyKnow's files brought is theirs to end (their user_withdrawn)."""
        history = self._history(row["request_id"])
        if not any(e["source"].startswith(CAMPAIGN_FILE) for e in history):
            return
        if self.withdraw(row, f"{CAMPAIGN_FILE}{campaign.source}, which no longer lists the force"):
            self.withdrawn.append(row["force_id"])

    def withdraw(self, row: dict, source: str) -> bool:
        """The request withdrawn from today, its history kept; False if it is withdrawn already."""
        history = self._history(row["request_id"])
        if history and _latest(history)["status"] == "withdrawn":
            return False
        self._record(row, Event(self.today, "withdrawn", source))
        return True

    def _list_again(self, row: dict, campaign: Campaign) -> None:
        """A request a campaign file withdrew, listed again: owed again from today (its due
        date stays the one counted from the day it was sent)."""
        history = self._history(row["request_id"])
        if not history:
            return
        latest = _latest(history)
        if latest["status"] == "withdrawn" and latest["source"].startswith(CAMPAIGN_FILE):
            source = f"{CAMPAIGN_FILE}{campaign.source}, which lists the force again"
            self._record(row, Event(self.today, "awaiting_response", source))
            self.listed_again.append(row["force_id"])

    def _record(self, row: dict, event: Event) -> None:
        """Add a person's decision to the history even where the same status was recorded that
        day before (withdrawn, listed again, withdrawn again): the last one made is the status."""
        self._add_event({"request_id": row["request_id"], **event.__dict__})

    def known_campaign(self, campaign_id: str) -> bool:
        return campaign_id in self.held.campaigns or campaign_id in self.campaigns

    def campaign_sent_date(self, campaign_id: str) -> str | None:
        row = self.campaigns.get(campaign_id) or self.held.campaigns.get(campaign_id) or {}
        return row.get("sent_date")

    # -- requests and their history

    def request(self, campaign_id: str, force_id: str) -> dict:
        """The request's row as it will be written (new ones start awaiting a response)."""
        key = request_id(campaign_id, force_id)
        if key not in self.requests:
            held = self.held.requests.get(key)
            self.requests[key] = (
                dict(held)
                if held
                else {
                    "request_id": key,
                    "campaign_id": campaign_id,
                    "force_id": force_id,
                    "sent_date": self.campaign_sent_date(campaign_id),
                    "due_date": None,
                    "status": "awaiting_response",
                    "status_date": None,
                    "wdtk_url": None,
                    "response_id": None,
                    "regime": regime(force_id),
                    "wdtk_state": None,
                    "answered_date": None,
                    "working_days_to_answer": None,
                }
            )
        return self.requests[key]

    def _set(self, row: dict, **values) -> None:
        row.update({name: value for name, value in values.items() if value is not None})

    def sent(self, row: dict, sent_date: str | None, wdtk_url: str | None = None) -> None:
        """The day the request was sent, as WhatDoTheyKnow dates it: it replaces the campaign
        file's day, and the due date is counted from it."""
        held = row.get("sent_date")
        if sent_date and held and sent_date != held:
            self.sent_dates.append(f"{row['force_id']} sent {sent_date}, not {held}")
        self._set(row, sent_date=sent_date, wdtk_url=wdtk_url)

    def answered_on(self, row: dict, day: str | None) -> None:
        """The day the answer came, from a dated source only (an export's status as seen on a
        day says the answer came by then, not when)."""
        if day and (row["answered_date"] is None or day < row["answered_date"]):
            row["answered_date"] = day

    def event(self, row: dict, event: Event, only_if_changed: bool = False) -> None:
        """Add an event unless the history holds it; `only_if_changed` (a status seen in an
        undated export) adds it only when it differs from the latest status."""
        history = self._history(row["request_id"])
        key = (event.date, event.status, event.wdtk_state)
        if any(tuple(held[k] for k in EVENT_KEY) == key for held in history):
            return
        if self._withdrawal_stands(row, history, event):
            return
        if only_if_changed and history:
            latest = _latest(history)
            if (latest["status"], latest["wdtk_state"]) == (event.status, event.wdtk_state):
                return
            # The same file imported again, on a later day, would date its old states anew.
            seen = next(
                (
                    held
                    for held in history
                    if held["wdtk_state"] == event.wdtk_state
                    and same_file(held["source"], event.source)
                ),
                None,
            )
            if seen:
                self.passed_over.append(
                    f"{row['force_id']} {shown(event.wdtk_state)} already seen in {seen['source']}"
                )
                return
            if latest["date"] and event.date and event.date < latest["date"]:
                self.passed_over.append(
                    f"{row['force_id']} {shown(event.wdtk_state)} as of {event.date}, before the "
                    f"latest held ({latest['date']}): kept in its history, not its status"
                )
        self._add_event({"request_id": row["request_id"], **event.__dict__})

    def _withdrawal_stands(self, row: dict, history: list[dict], event: Event) -> bool:
        """A request a person withdrew (`campaign withdraw`, or a campaign file no longer
        listing the force) stays withdrawn against what WhatDoTheyKnow reported before: a
        waiting state (it says only that no answer came) or the state it last reported before
        the withdrawal, seen again on or after its day. A new state (answered, refused, ...)
        moves the request on. True, and said, when the event is passed over."""
        if not history or not event.source.startswith(WDTK_SOURCE):
            return False
        order = ranked(history)
        withdrawal = order[-1]
        if withdrawal["status"] != "withdrawn" or withdrawal["source"].startswith(WDTK_SOURCE):
            return False
        if event.date and withdrawal["date"] and event.date < withdrawal["date"]:
            return False  # its history, before the withdrawal: not the status
        reported = next((e["wdtk_state"] for e in reversed(order) if e["wdtk_state"]), None)
        if event.status != "awaiting_response" and event.wdtk_state != reported:
            return False
        self.passed_over.append(
            f"{row['force_id']} {shown(event.wdtk_state)} as of {event.date}, no news since it was "
            f"withdrawn on {withdrawal['date']} ({withdrawal['source']}): it stays withdrawn"
        )
        return True

    def attachment(self, row: dict) -> bool:
        key = (row["request_id"], row["incoming_message_id"], row["filename"])
        if key in self.held.attachments or key in self._attachment_keys:
            return False
        self._attachment_keys.add(key)
        self.attachments.append(row)
        return True

    def _add_event(self, event: dict) -> None:
        self.events.append(event)
        self._new_history.setdefault(event["request_id"], []).append(event)

    def _history(self, key: str) -> list[dict]:
        return self.held.events.get(key, []) + self._new_history.get(key, [])

    def finish(self) -> None:
        """Each touched request's status, dates and clock, from its whole history."""
        for key, row in self.requests.items():
            history = self._history(key)
            if history:
                latest = _latest(history)
                row["status"], row["status_date"] = latest["status"], latest["date"]
                row["wdtk_state"] = latest["wdtk_state"] or row["wdtk_state"]
            sent = _day(row["sent_date"])
            start = _clock_start(sent, history)
            row["due_date"] = clock.due_date(start, row["regime"]).isoformat() if start else None
            answered = _day(row["answered_date"])
            row["working_days_to_answer"] = (
                clock.working_days_between(sent, answered, row["regime"])
                if sent and answered
                else None
            )
        self.requests = {
            key: row for key, row in self.requests.items() if self.held.requests.get(key) != row
        }

    def empty(self) -> bool:
        return not (
            self.campaigns or self.questions or self.requests or self.events or self.attachments
        )

    def summary(self) -> str:
        counts = (
            f"{len(self.campaigns)} campaign(s), {len(self.requests)} request(s) new or updated, "
            f"{len(self.events)} status event(s), {len(self.attachments)} attachment(s)"
        )
        by_wdtk = f" (by WhatDoTheyKnow: {'; '.join(self.sent_dates)})" if self.sent_dates else ""
        withdrawn = (
            f"; withdrawn, as the file no longer lists them: {', '.join(self.withdrawn)} "
            "(their history is kept; list them again to undo it)"
            if self.withdrawn
            else ""
        )
        again = f"; listed again: {', '.join(self.listed_again)}" if self.listed_again else ""
        return counts + by_wdtk + withdrawn + again + self.passed_over_said()

    def passed_over_said(self) -> str:
        return f"; not made the status: {'; '.join(self.passed_over)}" if self.passed_over else ""


# The statuses of a request still waiting for its answer, which an answer follows whenever it came.
WAITING = ("awaiting_response", "awaiting_clarification")


def ranked(history: list) -> list:
    """The events in the order their statuses followed each other, the status last: by date,
    then in the order they were recorded. An undated answer (one a campaign file names, on a
    day it does not give) came after every dated wait for an answer, since the answer ended
    it, and before anything dated later: so the stored status is what the readers derive. An
    undated wait (a campaign file listing a force, sent on a day it does not give) came first."""
    waited = max(
        (event["date"] for event in history if event["date"] and event["status"] in WAITING),
        default="",
    )

    def when(event: dict) -> str:
        return event["date"] or ("" if event["status"] in WAITING else waited)

    order = sorted(
        enumerate(history), key=lambda pair: (when(pair[1]), pair[1]["date"] is None, pair[0])
    )
    return [event for _, event in order]


def _content(campaign: dict | None) -> dict | None:
    """A campaign's row but the file it was read from: the same campaign read from another
    path (a copy, a moved checkout) is the same campaign."""
    return campaign and {name: value for name, value in campaign.items() if name != "source"}


def _latest(history: list[dict]) -> dict:
    return ranked(history)[-1]


def _clock_start(sent: date | None, history: list[dict]) -> date | None:
    """The day the clock counts 20 working days from: the day the request was sent, or, where
    the force asked the requester to clarify it, the day the clarification came (FOIA s.10(6),
    FOISA s.10(1)(b)): the first dated event after a clarification was asked for that no longer
    waits for one."""
    start = sent
    waiting = False
    for event in sorted((e for e in history if e["date"]), key=lambda e: e["date"]):
        if event["status"] == "awaiting_clarification":
            waiting = True
        elif waiting:
            waiting = False
            day = date.fromisoformat(event["date"])
            start = day if start is None or day > start else start
    return start


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def ready(changes: Changes) -> bool:
    """Finish and validate the changes; False when there are none to write."""
    changes.finish()
    if changes.empty():
        return False
    _validate(changes)
    return True


def write(db_path: Path, changes: Changes) -> bool:
    """Publish the changes in one transaction; False (and nothing touched) when there are none."""
    if not ready(changes):
        return False
    from ..store.publish import publication

    with publication(db_path) as session:
        write_into(session._connection(), changes)  # the aside database, schema ensured
    return True


def write_into(conn: sqlite3.Connection, changes: Changes) -> None:
    """The changes (`ready`) in one transaction of a database being written."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    try:
        _insert(conn, "campaigns", list(changes.campaigns.values()), replace=True)
        for campaign_id, rows in changes.questions.items():
            conn.execute("DELETE FROM campaign_questions WHERE campaign_id = ?", (campaign_id,))
            _insert(conn, "campaign_questions", rows)
        _insert(conn, "requests", list(changes.requests.values()), replace=True)
        _insert(conn, "request_events", changes.events)
        _insert(conn, "request_attachments", changes.attachments)
        _calendar(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _validate(changes: Changes) -> None:
    for table, rows in (
        ("campaigns", list(changes.campaigns.values())),
        ("campaign_questions", [r for held in changes.questions.values() for r in held]),
        ("requests", list(changes.requests.values())),
        ("request_events", changes.events),
        ("request_attachments", changes.attachments),
    ):
        if not rows:
            continue
        try:
            with in_memory():
                MODELS[table].validate(pl.DataFrame(rows, schema=columns(table)), lazy=True)
        except pa.errors.SchemaErrors as errors:
            cases = "; ".join(
                f"{case['column']} {case['check']}: found {case['failure_case']!r}"
                for case in errors.failure_cases.head(5).iter_rows(named=True)
            )
            raise MultiforceError(
                f"{table}: rows that would be written break the table's rules ({cases}); nothing "
                "was written. Expected the campaign's files to give dates as YYYY-MM-DD and the "
                "vocabulary of schemas/campaign.py: correct the file and run again."
            ) from None


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict], replace: bool = False) -> None:
    """Insert rows; `replace` updates a row whose key is held (an upsert: a request keeps its
    history, which a delete-and-insert would orphan)."""
    if not rows:
        return
    names = list(columns(table))
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    if replace:
        key = PRIMARY_KEYS[table]
        keys = (key,) if isinstance(key, str) else key
        sql += f" ON CONFLICT({', '.join(keys)}) DO UPDATE SET " + ", ".join(
            f"{name} = excluded.{name}" for name in names if name not in keys
        )
    conn.executemany(sql, [tuple(row.get(name) for name in names) for row in rows])


# Years of working days written past the day of the write: the views count working days up to
# the day they are read (date('now')), and a database is read for years after it was written.
CALENDAR_YEARS_AHEAD = 10


def _calendar(conn: sqlite3.Connection) -> None:
    """The working days of both regimes, from the first request sent to CALENDAR_YEARS_AHEAD
    years from now, each numbered from 1 in its regime, so that views count the working days
    between two days by one lookup of each (derived from the clock; rebuilt on each write)."""
    (first,) = conn.execute("SELECT min(sent_date) FROM requests").fetchone()
    conn.execute("DELETE FROM working_days")
    if first is None:
        return
    start = date(int(first[:4]), 1, 1)
    end = date(max(date.today().year, int(first[:4])) + CALENDAR_YEARS_AHEAD, 12, 31)
    conn.executemany(
        "INSERT INTO working_days (regime, date, number) VALUES (?, ?, ?)",
        (
            (name, day.isoformat(), number)
            for name in clock.SUBDIVISIONS
            for number, day in enumerate(clock.working_days(start, end, name), start=1)
        ),
    )
