"""`import-wdtk`: WhatDoTheyKnow's saved files into a campaign's requests and their history.

Every file is read and checked first; only then are attachments saved and rows written, so a
bad file leaves the database and the attachments folder as they were. The same file imported
twice changes nothing; a later export of the same batch adds to each request's history.
"""

import hashlib
import importlib.util
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ...schemas.campaign import Campaign
from ..errors import MultiforceError
from ..hints import did_you_mean
from ..readers.safety import contained_path
from . import wdtk
from .store import Changes, Event, read_held, write

DRAFTING = "multiforce.toolkit.drafting"


@dataclass(frozen=True)
class Attachment:
    path: Path
    source_url: str
    force_id: str
    campaign_id: str


@dataclass
class Imported:
    summary: str | None  # None: nothing new
    attachments: list[Attachment]
    drafted: bool  # whether the drafting module was there to take the attachments
    drafts: list[Path] = field(default_factory=list)
    # Attachments drafting could read nothing from, with what it said: for a person to transcribe.
    undrafted: list[tuple[Attachment, str]] = field(default_factory=list)
    # States the files gave that did not become a request's status, said even when nothing new.
    passed_over: str = ""
    # What the import did that the user may not have meant: a campaign made, forces added.
    notes: list[str] = field(default_factory=list)


def import_files(
    db: Path,
    campaign_id: str,
    files: list[Path],
    attachments_dir: Path,
    as_of: date | None = None,
) -> Imported:
    if as_of is not None and as_of > date.today():
        raise MultiforceError(
            f"{', '.join(str(path) for path in files)}: --as-of {as_of.isoformat()} is after "
            f"today ({date.today().isoformat()}), and the states it dates would outrank every "
            "state seen since. Expected the day the batch CSV was downloaded, today or earlier: "
            "correct --as-of and run again."
        )
    seen = [item for path in files for item in wdtk.read(Path(path))]
    # Dated histories first: an export's undated state then adds only what they lack.
    seen.sort(key=lambda item: item.state_now is not None)
    changes = Changes(read_held(db))
    notes = []
    listed = {
        key for key, row in changes.held.requests.items() if row["campaign_id"] == campaign_id
    }
    if not changes.known_campaign(campaign_id):
        changes.campaign(_campaign_from(campaign_id, seen))
        notes.append(_campaign_made(campaign_id, set(changes.held.campaigns)))
    as_of = (as_of or date.today()).isoformat()
    saved: list[tuple[Attachment, bytes, dict]] = []
    for item in seen:
        row = changes.request(campaign_id, item.force_id)
        changes.sent(row, item.sent_date, item.wdtk_url)
        for day, state in item.events:
            changes.event(row, Event(day, wdtk.STATES[state][0], item.source, state))
        if item.state_now:  # undated: recorded as seen on the day of the export or import
            event = Event(as_of, wdtk.STATES[item.state_now][0], item.source, item.state_now)
            changes.event(row, event, only_if_changed=True)
        changes.answered_on(row, item.answered_date)
        for found in item.attachments:
            target = contained_path(
                Path(found["member"]),
                attachments_dir,
                f"{campaign_id}/{item.force_id}/{found['incoming_message_id']}/{found['filename']}",
            )
            url = f"{item.wdtk_url}#incoming-{found['incoming_message_id']}"
            record = {
                "request_id": row["request_id"],
                "date": found["date"],
                "incoming_message_id": found["incoming_message_id"],
                "filename": found["filename"],
                "path": str(target),
                "sha256": hashlib.sha256(found["data"]).hexdigest(),
                "bytes": len(found["data"]),
                "source_url": url,
            }
            if changes.attachment(record):
                saved.append(
                    (Attachment(target, url, item.force_id, campaign_id), found["data"], record)
                )
    for attachment, data, _ in saved:
        attachment.path.parent.mkdir(parents=True, exist_ok=True)
        attachment.path.write_bytes(data)
    summary = changes.summary() if write(db, changes) else None
    attachments = [attachment for attachment, _, _ in saved]
    imported = Imported(summary, attachments, *_hand_to_drafting(attachments, db))
    imported.passed_over = changes.passed_over_said()
    added = sorted(
        row["force_id"]
        for key, row in changes.requests.items()
        if key not in listed and row["campaign_id"] == campaign_id
    )
    if listed and added:
        notes.append(
            f"requests added to {campaign_id} for forces it did not hold: {', '.join(added)} "
            "(their sent date is the campaign's); if they belong to another campaign, import "
            "their files with its --campaign"
        )
    imported.notes = notes
    return imported


def _campaign_made(campaign_id: str, held: set[str]) -> str:
    """The note of a campaign made by the import, naming those held, one of which may have been
    meant."""
    made = f"no campaign {campaign_id!r} was held, so one was made from the files"
    if not held:
        return made
    return (
        f"{made}{did_you_mean(campaign_id, held)}; the database holds "
        f"{', '.join(sorted(held))}: to import into one of those, give its id as --campaign"
    )


def _campaign_from(campaign_id: str, seen: list[wdtk.Seen]) -> Campaign:
    """A campaign made from the requests themselves: titled as the request was."""
    titled = next((item.title for item in seen if item.title), None)
    if titled is None and seen:
        titled = re.sub(r"_\d+$", "", seen[0].url_title).replace("_", " ").capitalize()
    sent = sorted(item.sent_date for item in seen if item.sent_date)
    return Campaign(
        campaign_id,
        titled or campaign_id,
        "Made from WhatDoTheyKnow requests by multiforce import-wdtk.",
        sent[0] if sent else None,
        None,
        None,
        (),
        (),
        seen[0].source if seen else "import-wdtk",
    )


def _hand_to_drafting(
    attachments: list[Attachment], db: Path
) -> tuple[bool, list[Path], list[tuple[Attachment, str]]]:
    """Each attachment to `draft` when the drafting module is installed (else False, for the
    command to list them), and those it could not draft with the reason. The import stands
    either way: a letter multiforce cannot read is a person's to transcribe, not a failed import."""
    if not attachments or importlib.util.find_spec(DRAFTING) is None:
        return False, [], []
    draft_attachment = importlib.import_module(DRAFTING).draft_attachment
    drafts, undrafted = [], []
    for item in attachments:
        try:
            drafts.append(
                draft_attachment(item.path, item.source_url, item.force_id, item.campaign_id, db)
            )
        except MultiforceError as error:
            undrafted.append((item, str(error)))
    return True, drafts, undrafted
