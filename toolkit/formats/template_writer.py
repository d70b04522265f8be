"""The blank answer template: a spreadsheet a force fills in, one row per question topic, year
and breakdown, written from schemas/campaign.py by `multiforce template --out FILE.xlsx|.csv`.

Its columns (COLUMNS) are what the reader (formats/template.py) recognises a filled copy by;
the response's details (RESPONSE_FIELDS) go in `field,value` rows above them, or on the
Response sheet of a workbook.
"""

import csv
from datetime import date, datetime
from pathlib import Path

from ...schemas import campaign
from ...schemas.vocabulary import (
    BREAKDOWNS,
    MEASURES,
    STATUSES,
    TECHNOLOGIES,
    UNITS,
)

COLUMNS = (
    "technology",
    "measure",
    "period_start",
    "period_end",
    "breakdown",
    "breakdown_value",
    "value",
    "unit",
    "status",
    "exemptions",
    "note",
)
ANSWERS_SHEET, RESPONSE_SHEET, HELP_SHEET, LISTS_SHEET = "Answers", "Response", "Help", "Lists"
# The response the answers belong to: (field, what to write), one row each in the file.
RESPONSE_FIELDS = (
    ("force_id", "Your force (its id, e.g. west-midlands, or its name)"),
    ("reference", "Your FOI reference for this request, as you write it (e.g. 2023/0456)"),
    ("title", "The request's title or subject"),
    ("request_date", "The date the request was received (YYYY-MM-DD or DD/MM/YYYY)"),
    ("response_date", "The date of this response (YYYY-MM-DD or DD/MM/YYYY)"),
    ("source_url", "Where the response is published, if it is (http:// or https://)"),
)
TITLE = "Answers to the campaign's questions in the multiforce answer template"
STATUS_HELP = {
    "disclosed": "you give the figure",
    "partially_disclosed": "you give part of it (say which part in note)",
    "not_held": "your force does not hold the information",
    "refused": "withheld under an exemption (give it in exemptions)",
    "cost_limit": "finding it would exceed the cost limit (section 12)",
    "neither_confirm_nor_deny": "you neither confirm nor deny holding it",
    "no_response": "no answer was given",
}


def column_letter(index: int) -> str:
    """A spreadsheet's name of the column at a 0-based index: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _values(names) -> str:
    return " / ".join(names)


def column_help() -> list[tuple[str, str, str]]:
    """(column, what to write, allowed values) for every column, in order."""
    breakdown_values = "; ".join(
        f"{name}: {_values(sorted(values))}" for name, values in BREAKDOWNS.items() if values
    )
    return [
        (
            "technology",
            "The technology the row is about (already filled in).",
            _values(TECHNOLOGIES),
        ),
        (
            "measure",
            "What is counted (already filled in): "
            + "; ".join(f"{name} = {text.lower()}" for name, text in MEASURES.items()),
            _values(MEASURES),
        ),
        (
            "period_start",
            "First day of the period the figure covers. A calendar year is filled in; "
            "change it if your figure covers another period (e.g. a financial year).",
            f"a date as YYYY-MM-DD (or DD/MM/YYYY); years {campaign.EARLIEST_YEAR} to this year",
        ),
        ("period_end", "Last day of that period.", "a date as YYYY-MM-DD (or DD/MM/YYYY)"),
        ("breakdown", "What the figure is broken down by; none for a total.", _values(BREAKDOWNS)),
        (
            "breakdown_value",
            "Which part of the breakdown the figure is for. For age or gender or ethnicity write "
            "your own category (e.g. 18-24; Female; Black or Black British) and copy the row once "
            "per category.",
            f"empty when breakdown is none; {breakdown_values}; any category for the others",
        ),
        (
            "value",
            "The figure: digits only (e.g. 1234). Leave it empty if you do not give it.",
            "a number of 0 or more",
        ),
        (
            "unit",
            "count for a number of things or times; percent for a percentage (write 93 for 93%).",
            _values(UNITS),
        ),
        (
            "status",
            "What you did with this question for this row: "
            + "; ".join(
                f"{name} = {text}" for name, text in STATUS_HELP.items() if name in STATUSES
            ),
            _values(STATUSES),
        ),
        (
            "exemptions",
            "The sections of the FOI Act you applied, if any.",
            "as the Act cites them: s12 or s31(1) or "
            "s40(2); several joined by ; (e.g. s31(1);s40(2))",
        ),
        (
            "note",
            "Your caveat or reason in your own words; words such as approximately or incomplete "
            "are read as such.",
            "any text",
        ),
    ]


def template_rows(chosen: campaign.Campaign | None = None) -> list[list]:
    """One row per topic, year and breakdown value of the campaign, value and status left empty."""
    rows = []
    topics, years = campaign.template_plan(chosen)
    for topic in topics:
        for year in years:
            for breakdown in topic.breakdowns:
                for value in campaign.breakdown_values(breakdown):
                    rows.append(
                        [
                            topic.technology,
                            topic.measure,
                            date(year, 1, 1),
                            date(year, 12, 31),
                            breakdown,
                            value or "",
                            "",
                            "count",
                            "",
                            "",
                            "",
                        ]
                    )
    return rows


def write_csv(path: Path, chosen: campaign.Campaign | None = None) -> int:
    """The template as CSV, its help as `#` lines above the header. Returns the number of rows."""
    rows = template_rows(chosen)
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in _help_lines():
            handle.write(f"# {line}\r\n")
        writer = csv.writer(handle)
        writer.writerows([field, ""] for field, _ in RESPONSE_FIELDS)
        writer.writerow(COLUMNS)
        writer.writerows(
            [[cell.isoformat() if isinstance(cell, date) else cell for cell in row] for row in rows]
        )
    return len(rows)


def _help_lines() -> list[str]:
    lines = [
        f"{TITLE}.",
        "Fill in value (a number) and/or status on each row you answer; leave the other rows as "
        "they are.",
        "Add rows for other periods or categories by copying a row. Lines starting with # are "
        "ignored.",
        "Write your response's details beside the field names below (before the columns):",
        *(f"{field}: {what}" for field, what in RESPONSE_FIELDS),
        "Columns:",
    ]
    lines += [f"{column}: {what} Allowed: {allowed}" for column, what, allowed in column_help()]
    # A comma would split a help line into cells when the file is opened in a spreadsheet.
    return [line.replace(", ", "; ").replace(",", ";") for line in lines]


def write_xlsx(path: Path, chosen: campaign.Campaign | None = None) -> int:
    """The template as an Excel workbook: an Answers sheet with drop-down lists, and a Help
    sheet."""
    import xlsxwriter

    rows = template_rows(chosen)
    workbook = xlsxwriter.Workbook(path)
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    dates = workbook.add_format({"num_format": "yyyy-mm-dd"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    answers = workbook.add_worksheet(ANSWERS_SHEET)
    answers.write_row(0, 0, COLUMNS, bold)
    for y, row in enumerate(rows, start=1):
        for x, cell in enumerate(row):
            if isinstance(cell, date):
                answers.write_datetime(y, x, datetime(cell.year, cell.month, cell.day), dates)
            elif cell != "":
                answers.write(y, x, cell)
    answers.freeze_panes(1, 0)
    answers.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    for x, width in enumerate((28, 28, 12, 12, 12, 18, 10, 9, 26, 16, 40)):
        answers.set_column(x, x, width)
    last = len(rows) + 1000  # rows a force adds below
    answers.data_validation(
        1,
        COLUMNS.index("value"),
        last,
        COLUMNS.index("value"),
        {
            "validate": "decimal",
            "criteria": ">=",
            "value": 0,
            "error_type": "warning",
            "error_message": "The value is a number: put words in note.",
        },
    )
    response = workbook.add_worksheet(RESPONSE_SHEET)
    response.set_column(0, 0, 16)
    response.set_column(1, 1, 40)
    response.set_column(2, 2, 70, wrap)
    response.write_row(0, 0, ("field", "value", "what to write"), bold)
    for y, (name, what) in enumerate(RESPONSE_FIELDS, start=1):
        response.write(y, 0, name)
        response.write(y, 2, what)
    help_sheet = workbook.add_worksheet(HELP_SHEET)
    help_sheet.set_column(0, 0, 18)
    help_sheet.set_column(1, 2, 70, wrap)
    help_sheet.write(0, 0, TITLE, workbook.add_format({"bold": True, "font_size": 13}))
    help_sheet.write(
        1,
        0,
        "Fill in value and/or status on each row of the Answers sheet you answer; "
        "leave the others as they are. Copy a row to add another period or category.",
    )
    help_sheet.write(
        2, 0, "Write your force, your FOI reference, the title and the dates on the Response sheet."
    )
    help_sheet.write_row(3, 0, ("column", "what to write", "allowed values"), bold)
    for y, line in enumerate(column_help(), start=4):
        help_sheet.write_row(y, 0, line)
    topics_row = y + 2
    help_sheet.write_row(topics_row, 0, ("technology", "measure", "question asked"), bold)
    for topic_row, topic in enumerate(campaign.template_plan(chosen)[0], start=topics_row + 1):
        help_sheet.write_row(topic_row, 0, (topic.technology, topic.measure, topic.question))
    # Excel holds a drop-down's values in the cell rule only up to 255 characters: the lists
    # stand on a hidden sheet, and each rule points at its column there.
    lists = workbook.add_worksheet(LISTS_SHEET)
    lists.hide()
    for x_list, (column, allowed) in enumerate(
        (
            ("technology", TECHNOLOGIES),
            ("measure", MEASURES),
            ("breakdown", BREAKDOWNS),
            ("unit", UNITS),
            ("status", STATUSES),
        )
    ):
        lists.write_column(0, x_list, list(allowed))
        letter = column_letter(x_list)
        x = COLUMNS.index(column)
        answers.data_validation(
            1,
            x,
            last,
            x,
            {
                "validate": "list",
                "source": f"={LISTS_SHEET}!${letter}$1:${letter}${len(allowed)}",
                "error_type": "warning",
            },
        )
    workbook.close()
    return len(rows)
