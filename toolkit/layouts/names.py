"""Forces named in a text: by their register name, their usual form ('Kent Police', 'Devon &
Cornwall Police') or the short names they give themselves ('MPS', 'PSNI'; forces.csv)."""

import re
from collections import Counter
from functools import cache

from ...schemas.register import force_by_name, force_by_wdtk_slug, forces, name_key, short_names

FORCE_WORDS = r"(?:police(?:\s+service)?|constabulary)"


def _words(stem: str) -> str:
    return r"[\s-]+".join(
        r"(?:and|&)" if word == "and" else re.escape(word) for word in stem.split()
    )


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """A case-insensitive pattern of written names, a case-sensitive one of acronyms, and the
    key (lower-cased words) of each way of writing a force -> its id."""
    by_key: dict[str, str] = {}
    spelled: set[str] = set()
    acronyms: set[str] = set()
    for row in forces():
        force_id = row["force_id"]
        for written in (row["name"], *short_names(force_id)):
            if written.isupper():
                acronyms.add(re.escape(written))
                by_key[written.lower()] = force_id
            else:
                spelled.add(_words(" ".join(re.sub(r"[^a-z0-9&]+", " ", written.lower()).split())))
                by_key[name_key(written)] = force_id
        for stem in {name_key(row["name"]), name_key(force_id)}:
            if stem:
                spelled.add(rf"{_words(stem)}\s+{FORCE_WORDS}")
                by_key.setdefault(stem, force_id)
    alternation = "|".join(sorted(spelled, key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{alternation})\b", re.I),
        re.compile(rf"\b(?:{'|'.join(sorted(acronyms, key=len, reverse=True))})\b"),
        by_key,
    )


def force_named(written: str) -> str | None:
    """The force id a written name stands for ('Northumbria Police', 'MPS', 'the_met'), or None."""
    written = written.strip()
    _, _, by_key = _patterns()
    return (
        by_key.get(written.lower())
        or force_by_name(written)
        or by_key.get(name_key(written))
        or force_by_wdtk_slug(written)
    )


def forces_named(text: str) -> list[tuple[str, re.Match]]:
    """Every mention of a force in `text`, in order, with the match that names it."""
    spelled, acronyms, _ = _patterns()
    found = [m for pattern in (spelled, acronyms) for m in pattern.finditer(text)]
    found.sort(key=lambda m: m.start())
    named = [(force_named(m.group(0)), m) for m in found]
    return [(force_id, match) for force_id, match in named if force_id]


def most_named(text: str) -> str | None:
    """The force a text names most often, or None when none, or two, lead."""
    counts = Counter(force_id for force_id, _ in forces_named(text)).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]
