"""A blank cell where a table gives a figure of its period for its column or row leaves the
answer's outcome, else a full disclosure, to a person, saying which figure is not given ("no
figure is given for 2022 ('Knife wands'), its cell blank: disclosed in full or in part?"), as a
cell saying "n/a" does; a row whose every cell is blank (its period alone: the readers leave out
a row's empty last cells) too. No number stands there: nothing is listed as a figure's doubt."""

import csv
from pathlib import Path

import pytest
from answers import letter_meaning
from makers import xlsx_workbook
from multiforce.toolkit.layouts import read_response
from multiforce.toolkit.meaning import read_meaning
from multiforce.toolkit.readers import read_document

QUESTION = "How many knife wands did the force hold in each year from {first} to {last}?"


def _meaning_of_text(question: str, table: str):
    return letter_meaning(question, "Please see below.\n" + table)


def _blanks(meaning) -> str | None:
    """The reason the outcome is left to a person, where it is."""
    assert meaning.unsure_figures == ()
    if meaning.outcomes:
        return None
    assert meaning.unsure_outcomes == ("1",)
    return meaning.unsure_reasons["1"]


def _reason(*missing: tuple[str, str]) -> str:
    named = " and ".join(f"{period} ('{name}')" for period, name in missing)
    cells = "its cell" if len(missing) == 1 else "their cells"
    return f"no figure is given for {named}, {cells} blank: disclosed in full or in part?"


@pytest.mark.parametrize(("first", "blank"), [(2021, 2022), (2018, 2020), (2019, 2019)])
@pytest.mark.parametrize("heading", ["Knife wands", "Wands held"])
@pytest.mark.parametrize("written", ["{year} | ", "{year}"])
def test_a_blank_cell_of_a_period_down_is_listed(first, blank, heading, written):
    last = first + 3
    rows = [f"{year} | {20 + year % 9}" for year in range(first, last + 1)]
    rows[blank - first] = written.format(year=blank).rstrip()
    table = "\n".join([f"Year | {heading}", *rows])
    meaning = _meaning_of_text(QUESTION.format(first=first, last=last), table)
    assert _blanks(meaning) == _reason((str(blank), heading))
    given = [str(year) for year in range(first, last + 1) if year != blank]
    assert [f.period_label for f in meaning.figures] == given


@pytest.mark.parametrize("column", [1, 2])
@pytest.mark.parametrize("year", ["2020", "2021"])
def test_a_blank_cell_among_columns_names_its_column(column, year):
    question = "How many knife arches and knife wands were bought in each year from 2019 to 2021?"
    cells = {"2019": ["3", "12"], "2020": ["0", "5"], "2021": ["1", "8"]}
    cells[year][column - 1] = ""
    rows = [" | ".join([y, *values]).rstrip(" |") for y, values in cells.items()]
    headings = ["Knife arches bought", "Knife wands bought"]
    table = "\n".join([f"Year | {' | '.join(headings)}", *rows])
    meaning = _meaning_of_text(question, table)
    assert _blanks(meaning) == _reason((year, headings[column - 1]))
    assert len(meaning.figures) == 5


@pytest.mark.parametrize("period", ["2021", "2022", "2023"])
def test_a_blank_cell_under_a_period_across_names_its_row(period):
    question = "How many knife arches and knife wands were bought in each year from 2021 to 2023?"
    values = {"2021": "3", "2022": "1", "2023": "4"}
    values[period] = ""
    arches = "Knife arches | " + " | ".join(values.values())
    table = f"Device | 2021 | 2022 | 2023\n{arches.rstrip(' |')}\nKnife wands | 10 | 12 | 9"
    meaning = _meaning_of_text(question, table)
    assert _blanks(meaning) == _reason((period, "Knife arches"))
    assert len(meaning.figures) == 5


@pytest.mark.parametrize(
    "cells",
    [
        # a column of notes, blank in some rows, gives no figure
        ["Year | Knife wands | Notes", "2021 | 30 | provisional", "2022 | 31", "2023 | 33"],
        # a row of words, not a period
        ["Year | Knife wands", "2021 | 30", "Notes", "2022 | 31"],
    ],
)
def test_a_blank_where_no_figure_is_given_says_nothing(cells):
    meaning = _meaning_of_text(QUESTION.format(first=2021, last=2023), "\n".join(cells))
    assert [o.status for o in meaning.outcomes] == ["disclosed"]


def _written(tmp_path: Path, kind: str, rows: list[list]) -> Path:
    if kind == "csv":
        path = tmp_path / "answer.csv"
        with path.open("w", newline="") as out:
            csv.writer(out).writerows([["" if c is None else c for c in row] for row in rows])
        return path
    return xlsx_workbook(tmp_path / "answer.xlsx", {"Answer": rows})


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("blank", [2022, 2023])
def test_a_spreadsheets_blank_cell_is_listed(tmp_path, kind, blank):
    rows = [
        ["Force FOI 4410"],
        ["1. " + QUESTION.format(first=2021, last=2024)],
        ["Year", "Knife wands"],
        *[[str(year), None if year == blank else 40 + year % 5] for year in range(2021, 2025)],
    ]
    meaning = read_meaning(read_response(read_document(_written(tmp_path, kind, rows))))
    assert _blanks(meaning) == _reason((str(blank), "Knife wands"))
    assert sorted(f.period_label for f in meaning.figures) == sorted(
        str(year) for year in range(2021, 2025) if year != blank
    )


def test_several_blank_cells_are_each_named():
    question = "How many knife arches and knife wands were bought in each year from 2019 to 2021?"
    table = "Year | Knife arches | Knife wands\n2019 | 3 | 12\n2020 |  | 5\n2021 | 1"
    meaning = _meaning_of_text(question, table)
    assert _blanks(meaning) == _reason(("2020", "Knife arches"), ("2021", "Knife wands"))


def test_a_blank_beside_a_sentence_saying_it_is_not_held_is_a_partial_disclosure():
    note = "No record of holdings is available for 2022."
    table = "Year | Knife wands\n2021 | 30\n2022\n2023 | 41\n" + note
    meaning = _meaning_of_text(QUESTION.format(first=2021, last=2023), table)
    assert [(o.status, o.quote) for o in meaning.outcomes] == [("partially_disclosed", note)]
