"""Campaign files into the database, and a campaign's question map out of it."""

from pathlib import Path

from ...schemas.campaign import (
    Campaign,
    CampaignFileError,
    Question,
    QuestionTopic,
    bundled_campaigns,
    read_campaign,
)
from ..errors import MultiforceError
from ..hints import did_you_mean
from .store import Changes, held_in, read_held, ready, write, write_into


def load_campaign(path: Path | str) -> Campaign:
    """A campaign file, read and checked (a MultiforceError naming the file if it is wrong)."""
    try:
        return read_campaign(Path(path))
    except CampaignFileError as error:
        raise MultiforceError(str(error)) from None


def add_campaigns(db: Path, campaigns: list[Campaign]) -> str | None:
    """Write the campaigns, their questions and a request per force asked; None when the
    database holds them already (it is then left untouched)."""
    changes = Changes(read_held(db))
    for campaign in campaigns:
        changes.campaign(campaign)
    return changes.summary() if write(db, changes) else None


WITHDRAWN_BY_COMMAND = "multiforce campaign withdraw"


def withdraw_requests(db: Path, request_ids: list[str]) -> list[str]:
    """Withdraw the requests from today (out of the overdue and silent lists, their history
    kept); those withdrawn already are left as they are. Returns the ids withdrawn now."""
    changes = Changes(read_held(db))
    unknown = [key for key in request_ids if key not in changes.held.requests]
    if unknown:
        held = sorted(changes.held.requests)
        raise MultiforceError(
            f"{db}: no request {unknown[0]!r}{did_you_mean(unknown[0], held)}"
            + (f" (nor {', '.join(repr(key) for key in unknown[1:])})" if unknown[1:] else "")
            + ". Expected a request id as `multiforce requests --db DB` lists them "
            "(campaign/force): nothing was withdrawn."
        )
    withdrawn = []
    for key in dict.fromkeys(request_ids):
        held = changes.held.requests[key]
        row = changes.request(held["campaign_id"], held["force_id"])
        if changes.withdraw(row, WITHDRAWN_BY_COMMAND):
            withdrawn.append(key)
    write(db, changes)
    return withdrawn


def add_bundled_campaigns(session) -> None:
    """The campaigns the bundled corpus' responses belong to (campaigns/*.yaml), written in
    the build's own publishing session, so that a build is one atomic publication."""
    try:
        campaigns = list(bundled_campaigns().values())
    except CampaignFileError as error:
        raise MultiforceError(str(error)) from None
    conn = session._connection()
    changes = Changes(held_in(conn))
    for campaign in campaigns:
        changes.campaign(campaign)
    if ready(changes):
        write_into(conn, changes)


def find_campaign(campaign_id: str, db: Path | str | None = None) -> Campaign:
    """The campaign the database holds (`campaign new`), else a bundled one by its id."""
    bundled = bundled_campaigns()
    found = _from_database(campaign_id, Path(db)) if db is not None else None
    found = found or bundled.get(campaign_id)
    if found is None:
        raise MultiforceError(
            f"{db or 'the bundled campaigns'}: no campaign {campaign_id!r} with questions. "
            f"Expected one of the bundled campaigns ({', '.join(sorted(bundled))}) or one added "
            "with `multiforce campaign new FILE --db DB`, and that database given as --db DB."
        )
    return found


def question_map(
    campaign_id: str, db: Path | str | None = None
) -> dict[str, tuple[QuestionTopic, ...]]:
    """Each question's text as sent -> the topics it asks about, for `draft` and `template`.
    An unknown campaign is a MultiforceError saying which campaigns there are."""
    return find_campaign(campaign_id, db).question_map()


def _from_database(campaign_id: str, db: Path) -> Campaign | None:
    held = read_held(db)
    row, rows = held.campaigns.get(campaign_id), held.questions.get(campaign_id)
    if row is None or not rows:
        return None
    questions: dict[str, tuple[str, list]] = {}
    for q in rows:
        questions.setdefault(q["number"], (q["text"], []))[1].append(
            QuestionTopic(
                q["technology"], q["measure"], q["breakdown"], q["period_start"], q["period_end"]
            )
        )
    return Campaign(
        campaign_id,
        row["title"],
        row["description"],
        row["sent_date"],
        row["period_start"],
        row["period_end"],
        (),
        tuple(Question(n, text, tuple(t)) for n, (text, t) in questions.items()),
        row["source"],
    )
