"""A note that a period's figure stops short of the period's end ("The 2023 figure runs to 30
November 2023.") ends that figure's period on its day, never the full year read as exact; where
the note names no figure's period the reading is sure of, it is listed for a person."""

import pytest
from multiforce.toolkit.meaning import Topic, read_figures

USES = Topic("phone_extraction", "uses")


@pytest.mark.parametrize(
    "year,day,iso", [("2023", "30 November", "11-30"), ("2022", "15 June", "06-15")]
)
@pytest.mark.parametrize(
    "note",
    [
        "The {year} figure runs to {day} {year}.",
        "Figures for {year} cover up to {day} {year}.",
        "{year} is to {day} {year} only.",
    ],
)
def test_a_part_year_ends_on_its_day(year, day, iso, note):
    answer = f"Please see below. {note.format(year=year, day=day)}\nYear | Extractions\n"
    answer += f"2021 | 1,020\n{year} | 1,150"
    reading = read_figures(answer, [USES], "1")
    assert [(f.value, f.period_start, f.period_end, f.period_label) for f in reading.figures] == [
        (1020, "2021-01-01", "2021-12-31", "2021"),
        (1150, f"{year}-01-01", f"{year}-{iso}", f"{year} (to {day} {year})"),
    ]


def test_a_note_naming_no_period_ends_the_one_holding_its_day():
    answer = "Year | Extractions\n2021 | 1,020\n2022 | 1,150\nThe data runs to 31 August 2022."
    reading = read_figures(answer, [USES], "1")
    assert [f.period_end for f in reading.figures] == ["2021-12-31", "2022-08-31"]


def test_a_note_whose_day_no_figure_holds_is_for_a_person():
    answer = "Year | Extractions\n2021 | 1,020\n2022 | 1,150\nThe 2024 figure runs to 31 May 2024."
    reading = read_figures(answer, [USES], "1")
    assert [f.period_end for f in reading.figures] == ["2021-12-31", "2022-12-31"]
    assert (
        "31 May 2024",
        "a note that a figure's period runs only to 31 May 2024: which figure's, and is the rest "
        "of its period asked?",
    ) in [(u.text, u.reason) for u in reading.unsure]
