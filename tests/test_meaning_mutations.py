"""Changing a number, a status phrase, an exemption section or a date in a fixture changes
exactly that in the reading: the readers parse the document, they do not recite it."""

import shutil

import pytest
from layout_reading import LAYOUT_FIXTURES, reading

# Text-bearing fields change with any edit; the test looks at what was read from them.
TEXT_KEYS = {"body", "request", "answer", "text", "quote", "status_lines"}


def flat(value, path=""):
    if isinstance(value, dict):
        return {
            k: v
            for key, item in value.items()
            if key not in TEXT_KEYS
            for k, v in flat(item, f"{path}.{key}").items()
        }
    if isinstance(value, list):
        return {k: v for i, item in enumerate(value) for k, v in flat(item, f"{path}[{i}]").items()}
    return {path: value}


def changed(tmp_path, name, old, new):
    source = LAYOUT_FIXTURES / name
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} must occur once in {name}"
    edited = tmp_path / name
    edited.write_text(text.replace(old, new), encoding="utf-8")
    url = source.with_suffix(".url")
    if url.exists():
        shutil.copy(url, edited.with_suffix(".url"))
    before, after = flat(reading(source)), flat(reading(edited))
    assert before.keys() == after.keys(), "the edit changed the shape of the reading"
    return {key: (before[key], after[key]) for key in before if before[key] != after[key]}


@pytest.mark.parametrize(
    "name,old,new,expected",
    [
        # a number
        ("met.html", "1,650", "1,750", {".figures[1].value": (1650.0, 1750.0)}),
        ("west-midlands.txt", "2022 | 355", "2022 | 356", {".figures[1].value": (355.0, 356.0)}),
        (
            "north-yorkshire.txt",
            "2022/23    60",
            "2022/23    61",
            {".figures[2].value": (60.0, 61.0)},
        ),
        # a status phrase
        (
            "letter.txt",
            "would exceed the appropriate limit",
            "is not held, as it is not recorded",
            {".outcomes[1].status": ("cost_limit", "not_held")},
        ),
        (
            "whatdotheyknow-request.txt",
            "The request was partially successful.",
            "The request was successful.",
            {
                ".outcomes[0].status": ("partially_disclosed", "disclosed"),
                ".outcomes[1].status": ("partially_disclosed", "disclosed"),
            },
        ),
        (
            "cleveland.txt",
            "This information is not recorded by Cleveland Police.",
            "To find this would exceed the cost limit.",
            {".outcomes[1].status": ("not_held", "cost_limit")},
        ),
        # an exemption section
        (
            "psni.txt",
            "Section 40(2)",
            "Section 38(1)",
            {
                ".outcomes[1].exemptions": (
                    "s31(1)(a);s31(1)(b);s40(2)",
                    "s31(1)(a);s31(1)(b);s38(1)",
                )
            },
        ),
        (
            "whatdotheyknow-attachment.html",
            "Section 12(1)",
            "Section 12(2)",
            {".outcomes[1].exemptions": ("s12(1)", "s12(2)")},
        ),
        # a date
        (
            "northumbria.txt",
            "Date Responded 19 September 2024",
            "Date Responded 20 September 2024",
            {".response.response_date": ("2024-09-19", "2024-09-20")},
        ),
        (
            "northumbria.txt",
            "As at 2 September 2024",
            "As at 3 September 2024",
            {
                ".figures[0].period_start": ("2024-09-02", "2024-09-03"),
                ".figures[0].period_end": ("2024-09-02", "2024-09-03"),
                ".figures[0].period_label": ("2 September 2024", "3 September 2024"),
            },
        ),
        (
            "cleveland.txt",
            "Date: 03/03/25",
            "Date: 04/03/25",
            {".response.response_date": ("2025-03-03", "2025-03-04")},
        ),
        # a reference
        ("psni.txt", "FOI/16021", "FOI/16022", {".response.reference": ("FOI/16021", "FOI/16022")}),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)
def test_an_edit_changes_exactly_what_it_edits(tmp_path, name, old, new, expected):
    assert changed(tmp_path, name, old, new) == expected


def test_a_year_in_a_table_changes_that_figures_period(tmp_path):
    diff = changed(tmp_path, "met.html", "<td>2021</td>", "<td>2019</td>")
    assert diff == {
        ".figures[1].period_start": ("2021-01-01", "2019-01-01"),
        ".figures[1].period_end": ("2021-12-31", "2019-12-31"),
        ".figures[1].period_label": ("2021", "2019"),
    }
