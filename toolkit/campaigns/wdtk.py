"""WhatDoTheyKnow's saved files, read into what they say about each request. No network.

Three kinds of file, told apart by their content:
- a request's JSON (`/request/<url_title>.json`): the body, the title, and the history of
  events with the state the requester gave the request at each;
- a batch's download CSV (`request_url, authority_name, number_of_replies, request_status`):
  each request's state today, without dates;
- a batch's download zip: folders `<Body> - <url_title>/<date>/` holding `incoming_<id>.txt`
  (each message received) and `attachments-<id>/` (the files that came with it).

A file is read whole and checked before anything is written; whatever is wrong with it is a
DocumentError naming the file.
"""

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from ...schemas.register import force_by_name, forces
from ..errors import DocumentError
from ..readers.safety import check_zip, read_member

SITE = "https://www.whatdotheyknow.com"
MAX_JSON_BYTES = 10 * 2**20  # a request's JSON with years of events is well under 1 MB
MAX_CSV_BYTES = 10 * 2**20
MAX_ZIP_MEMBER_BYTES = 64 * 2**20
CSV_COLUMNS = ("request_url", "authority_name", "number_of_replies", "request_status")
URL_TITLE = re.compile(r"^[a-z0-9_]+$")
REQUEST_URL = re.compile(r"^https?://(?:www\.)?whatdotheyknow\.com/request/([a-z0-9_]+)/?$")

# WhatDoTheyKnow's request states (described, and the computed ones), each onto one request
# status of DESIGN.md; the label is how the site shows the state (the batch CSV may hold either).
STATES = {
    "waiting_response": ("awaiting_response", "Awaiting response"),
    "waiting_response_overdue": ("awaiting_response", "Delayed"),
    "waiting_response_very_overdue": ("awaiting_response", "Long overdue"),
    "waiting_clarification": ("awaiting_clarification", "Awaiting clarification"),
    "gone_postal": ("answered", "Handled by post"),
    "not_held": ("answered", "Information not held"),
    "rejected": ("answered", "Refused"),
    "partially_successful": ("answered", "Partially successful"),
    "successful": ("answered", "Successful"),
    "waiting_classification": ("answered", "Awaiting classification"),
    "internal_review": ("internal_review", "Awaiting internal review"),
    "error_message": ("failed_delivery", "Delivery error"),
    "requires_admin": ("unknown", "Unusual response"),
    "attention_requested": ("unknown", "Reported for administrator attention"),
    "user_withdrawn": ("withdrawn", "Withdrawn by the requester"),
    "vexatious": ("unknown", "Vexatious"),
    "not_foi": ("unknown", "Not an FOI request"),
}
# What an answered request's state says of its outcome (the outcome statuses' vocabulary).
OUTCOME_OF_STATE = {
    "successful": "disclosed",
    "partially_successful": "partially_disclosed",
    "not_held": "not_held",
    "rejected": "refused",
}
# Other wordings Alaveteli has shown for a state, in its releases before and since (its
# app/models/info_request/state.rb): a download's request_status may give any of them.
OTHER_LABELS = {
    "waiting_clarification": ("Waiting clarification",),
    "gone_postal": ("Handled by postal mail",),
    "waiting_classification": ("Needs status update",),
    "requires_admin": ("Requires admin attention",),
    "attention_requested": ("Reported",),
    "user_withdrawn": ("Withdrawn",),
}


def _label_key(label: str) -> str:
    return re.sub(r"[^a-z]+", " ", label.lower()).strip()


_BY_LABEL = {
    _label_key(label): state
    for state, (_, shown_label) in STATES.items()
    for label in (shown_label, *OTHER_LABELS.get(state, ()))
}


def shown(state: str) -> str:
    """A state as a message gives it: the label WhatDoTheyKnow shows, its name in brackets
    ("'Long overdue' (waiting_response_very_overdue)")."""
    return f"{STATES[state][1]!r} ({state})"


@dataclass
class Seen:
    """What one file says about one request."""

    force_id: str
    url_title: str
    source: str  # the file, for the history
    title: str | None = None
    sent_date: str | None = None
    events: list[tuple[str | None, str]] = field(default_factory=list)  # (date, state)
    state_now: str | None = None  # an undated state (the batch CSV)
    answered_date: str | None = None
    attachments: list[dict] = field(default_factory=list)

    @property
    def wdtk_url(self) -> str:
        return f"{SITE}/request/{self.url_title}"


def read(path: Path) -> list[Seen]:
    """Everything the file says, per request; the file's kind from its content."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            content = hashlib.file_digest(handle, "sha256").hexdigest()[:DIGEST_LENGTH]
    except OSError as error:
        raise DocumentError(path, f"it cannot be read ({error}).", EXPECTED_ANY) from None
    if head.startswith(b"PK"):
        found = read_zip(path)
    elif head.lstrip()[:1] in (b"{", b"["):
        found = [read_request_json(path)]
    else:
        found = read_batch_csv(path)
    for seen in found:
        seen.source = f"{seen.source} (sha256 {content})"
    return found


# How much of a file's sha256 its events' source gives: enough to tell one export from another.
DIGEST_LENGTH = 16
_SOURCE = re.compile(r"(?s)(?P<file>.*?)(?: \(sha256 (?P<content>[0-9a-f]+)\))?")


def same_file(source: str, other: str) -> bool:
    """Whether two events' sources are one file: by its content, so that an export saved again
    under another name is the same and another export under an old name is not; by name where
    a source gives no content (a history written before sources gave it)."""
    one, two = _SOURCE.fullmatch(source), _SOURCE.fullmatch(other)
    assert one and two  # the pattern matches any text
    if one["content"] and two["content"]:
        return one["content"] == two["content"]
    return one["file"] == two["file"]


EXPECTED_ANY = (
    "a file saved from WhatDoTheyKnow: a request's JSON (/request/<url_title>.json), a batch's "
    "download CSV, or a batch's download zip."
)
EXPECTED_JSON = (
    "a request's JSON as WhatDoTheyKnow serves it at /request/<url_title>.json (url_title, "
    "title, public_body, info_request_events): save it again from the site."
)
EXPECTED_CSV = (
    f"a batch's download CSV with exactly the columns {', '.join(CSV_COLUMNS)}, one request "
    "a row: download it again from the batch's page."
)
EXPECTED_ZIP = (
    "a batch's download zip from WhatDoTheyKnow, whose folders are '<Body> - <url_title>/<date>/' "
    "holding incoming_<id>.txt and attachments-<id>/: download it again from the batch's page."
)


def force_for_body(path: Path, url_name: str | None, name: str | None) -> str:
    """The force a WhatDoTheyKnow body is: by its url_name (the register's whatdotheyknow_slug),
    else by its name; an unknown body is an error saying how to add it."""
    for row in forces():
        if url_name and row["whatdotheyknow_slug"] == url_name:
            return row["force_id"]
    found = force_by_name(name) if name else None
    if found and not url_name:
        return found
    raise DocumentError(
        path,
        f"the body {name or '?'!r}"
        + (f" (url_name {url_name!r})" if url_name else "")
        + " is not a police force of the register: no force in schemas/forces.csv has that "
        + ("whatdotheyknow_slug." if url_name else "name."),
        "requests to the forces of schemas/forces.csv: if the body is a police force, put its "
        "WhatDoTheyKnow url_name in that force's whatdotheyknow_slug column (its name, as "
        "WhatDoTheyKnow writes it, must then match the force's name); otherwise leave this "
        "request out of the import.",
    )


def read_request_json(path: Path) -> Seen:
    data = _json(path)
    body = data.get("public_body")
    events = data.get("info_request_events")
    url_title = data.get("url_title")
    if not (
        isinstance(body, dict)
        and isinstance(events, list)
        and isinstance(url_title, str)
        and URL_TITLE.match(url_title)
    ):
        raise DocumentError(
            path,
            "it is JSON but not a WhatDoTheyKnow request: "
            + ", ".join(
                f"{key} is {'missing' if key not in data else 'not as expected'}"
                for key, ok in (
                    ("url_title", isinstance(url_title, str) and bool(URL_TITLE.match(url_title))),
                    ("public_body", isinstance(body, dict)),
                    ("info_request_events", isinstance(events, list)),
                )
                if not ok
            )
            + ".",
            EXPECTED_JSON,
        )
    seen = Seen(
        force_for_body(path, body.get("url_name"), body.get("name")),
        url_title,
        f"WhatDoTheyKnow request JSON {path.name}",
        title=data.get("title") if isinstance(data.get("title"), str) else None,
    )
    last_response = None
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            raise DocumentError(path, f"event {index} is not an object.", EXPECTED_JSON)
        day = _event_date(path, event, index)
        kind = event.get("event_type")
        if kind == "sent" and seen.sent_date is None:
            seen.sent_date = day
            seen.events.append((day, "waiting_response"))
        if kind == "response":
            last_response = day
        state = event.get("described_state")
        if state:
            _known_state(path, state, f"event {index}")
            seen.events.append((day, state))
            if STATES[state][0] == "answered" and seen.answered_date is None:
                seen.answered_date = last_response or day
    state = data.get("described_state")
    if state:
        _known_state(path, state, "described_state")
        if not seen.events or seen.events[-1][1] != state:
            seen.events.append((_given_date(path, data, "updated_at"), state))
    created = _given_date(path, data, "created_at")
    if seen.sent_date is None:
        seen.sent_date = created
    return seen


def read_batch_csv(path: Path) -> list[Seen]:
    raw = _bounded(path, MAX_CSV_BYTES, EXPECTED_CSV)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError(path, f"it is not UTF-8 text ({error}).", EXPECTED_CSV) from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise DocumentError(path, f"it is not a readable CSV ({error}).", EXPECTED_CSV) from None
    if not rows:
        raise DocumentError(path, "it is empty.", EXPECTED_CSV)
    header = [cell.strip() for cell in rows[0]]
    if sorted(header) != sorted(CSV_COLUMNS):
        unknown = [c for c in header if c not in CSV_COLUMNS]
        missing = [c for c in CSV_COLUMNS if c not in header]
        raise DocumentError(
            path,
            "its header is "
            + repr(",".join(header))
            + (f": unknown column(s) {', '.join(unknown)}" if unknown else "")
            + (f"; missing {', '.join(missing)}" if missing else "")
            + ".",
            EXPECTED_CSV,
        )
    found = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise DocumentError(
                path, f"row {number} has {len(row)} cells, not {len(header)}.", EXPECTED_CSV
            )
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))
        url = REQUEST_URL.match(cells["request_url"])
        if not url:
            raise DocumentError(
                path,
                f"row {number}'s request_url {cells['request_url']!r} is not a WhatDoTheyKnow "
                "request address.",
                EXPECTED_CSV,
            )
        force_id = force_for_body(path, None, cells["authority_name"])
        seen = Seen(force_id, url.group(1), f"WhatDoTheyKnow batch CSV {path.name}")
        seen.state_now = _state_in_csv(path, cells["request_status"], number)
        found.append(seen)
    return found


def read_zip(path: Path) -> list[Seen]:
    try:
        members = check_zip(path)
    except DocumentError as error:
        raise DocumentError(path, error.problem, EXPECTED_ZIP) from None
    requests: dict[str, Seen] = {}
    with zipfile.ZipFile(path) as archive:
        for member in members:
            if member.is_dir():
                continue
            parts = PurePosixPath(member.filename).parts
            layout = _zip_member(parts)
            if layout is None:
                raise DocumentError(
                    path,
                    f"its member {member.filename!r} is not where a batch download puts files.",
                    EXPECTED_ZIP,
                )
            folder, day, incoming, filename = layout
            body, url_title = folder.rsplit(" - ", 1)
            if url_title not in requests:
                requests[url_title] = Seen(
                    force_for_body(path, None, body),
                    url_title,
                    f"WhatDoTheyKnow batch zip {path.name}",
                )
            try:
                data = read_member(path, archive, member.filename, MAX_ZIP_MEMBER_BYTES)
            except DocumentError as error:
                raise DocumentError(path, error.problem, EXPECTED_ZIP) from None
            if filename is not None:
                requests[url_title].attachments.append(
                    {
                        "date": day,
                        "incoming_message_id": incoming,
                        "filename": filename,
                        "member": member.filename,
                        "data": data,
                    }
                )
    if not requests:
        raise DocumentError(path, "it holds no request folder.", EXPECTED_ZIP)
    return list(requests.values())


def _zip_member(parts: tuple[str, ...]):
    """(request folder, date, incoming message id, attachment name or None), or None."""
    if len(parts) >= 1 and " - " not in parts[0] and len(parts) > 3:
        parts = parts[1:]  # the batch's own folder around the requests'
    if len(parts) < 3 or " - " not in parts[0]:
        return None
    folder, day = parts[0], _iso(parts[1])
    url_title = folder.rsplit(" - ", 1)[1]
    if day is None or not URL_TITLE.match(url_title):
        return None
    message = re.fullmatch(r"(incoming|outgoing)_(\d+)\.txt", parts[2])
    if len(parts) == 3 and message:
        return (folder, day, message.group(2), None) if message.group(1) == "incoming" else None
    attachments = re.fullmatch(r"attachments-(\d+)", parts[2])
    if len(parts) == 4 and attachments:
        return folder, day, attachments.group(1), parts[3]
    return None


def _json(path: Path) -> dict:
    raw = _bounded(path, MAX_JSON_BYTES, EXPECTED_JSON)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as error:
        raise DocumentError(path, f"it is not valid JSON ({error}).", EXPECTED_JSON) from None
    if not isinstance(data, dict):
        raise DocumentError(
            path, f"it holds a JSON {type(data).__name__}, not an object.", EXPECTED_JSON
        )
    return data


def _bounded(path: Path, limit: int, expected: str) -> bytes:
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise DocumentError(
            path, f"it is larger than {limit:,} bytes, far more than such a file holds.", expected
        )
    return raw


def _event_date(path: Path, event: dict, index: int) -> str:
    day = _date_of(event.get("created_at"))
    if day is None:
        raise DocumentError(
            path,
            f"event {index}'s created_at is {event.get('created_at')!r}, not a date and time.",
            EXPECTED_JSON,
        )
    return day


def _given_date(path: Path, data: dict, key: str) -> str | None:
    """The request's date under `key`, None where it gives none; one it cannot be is an error."""
    value = data.get(key)
    day = _date_of(value)
    if value not in (None, "") and day is None:
        raise DocumentError(path, f"its {key} is {value!r}, not a date and time.", EXPECTED_JSON)
    return day


def _date_of(value) -> str | None:
    return _iso(value[:10]) if isinstance(value, str) else None


def _iso(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def _known_state(path: Path, state, where: str) -> None:
    if state not in STATES:
        raise DocumentError(
            path,
            f"{where} has the state {state!r}, which WhatDoTheyKnow does not use.",
            "one of " + ", ".join(STATES) + ".",
        )


def _state_in_csv(path: Path, value: str, row: int) -> str:
    if value in STATES:
        return value
    state = _BY_LABEL.get(_label_key(value))
    if state is None:
        raise DocumentError(
            path,
            f"row {row}'s request_status {value!r} is not a WhatDoTheyKnow request state.",
            "one of " + ", ".join(STATES) + " (or the site's label for one, e.g. 'Refused').",
        )
    return state
