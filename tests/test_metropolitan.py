"""The Met adapter parses its response: change a number in the document, the output changes."""

import pytest
from conftest import MET_HTML, MET_TEXT
from multiforce.toolkit.errors import DocumentError, ValidationFailed
from multiforce.toolkit.pipeline import check, parse

SCANNER, PHONES = "mobile_fingerprint_scanner", "phone_extraction"


def figures(path):
    rows = parse(path, "metropolitan").extraction.rows["observations"]
    return {
        (r["technology"], r["measure"], r["period_start"], r["period_end"], r["breakdown_value"]): r
        for r in rows
    }


def outcomes(path):
    rows = parse(path, "metropolitan").extraction.rows["outcomes"]
    return {(r["technology"], r["measure"], r["breakdown"], r["period_start"]): r for r in rows}


def test_scanner_figures():
    got = figures(MET_TEXT)
    assert got[(SCANNER, "devices_deployed", "2020-01-01", "2020-12-31", None)]["value"] == 490
    assert got[(SCANNER, "uses", "2019-01-01", "2019-12-31", None)]["value"] == 27217
    assert got[(SCANNER, "matches", "2021-01-01", "2021-12-31", "police")]["value"] == 6257
    assert got[(SCANNER, "matches", "2018-01-01", "2018-12-31", "immigration")]["value"] == 391
    total = got[(SCANNER, "devices_in_service", "2022-01-01", "2022-12-31", None)]
    assert (total["value"], total["qualifier"]) == (730, "approximate")
    assert "TSG (Territorial Support Group)" in total["caveat"]


def test_phone_extraction_figures():
    got = figures(MET_TEXT)
    six_months = got[(PHONES, "uses", "2021-01-01", "2021-06-30", None)]
    assert (six_months["value"], six_months["period_label"]) == (18200, "2021 (6 month data)")
    assert got[(PHONES, "failed_uses", "2021-01-01", "2021-06-30", None)]["value"] == 1894
    partial = got[(PHONES, "uses", "2020-01-01", "2020-12-31", None)]
    assert (partial["value"], partial["qualifier"]) == (28011, "partial_coverage")
    assert "not complete numbers of kiosks" in partial["caveat"]
    planned = got[(PHONES, "devices_deployed", "2022-01-01", "2022-12-31", None)]
    assert (planned["value"], planned["qualifier"]) == (24, "planned")
    shares = {k[4]: r["value"] for k, r in got.items() if k[1] == "share_of_uses"}
    assert shares == {"suspect": 93, "victim": 6, "witness": 1}
    kiosks = sorted(
        (k[2][:4], r["value"]) for k, r in got.items() if k[:2] == (PHONES, "devices_in_service")
    )
    assert kiosks == [("2016", 32), ("2018", 70), ("2021", 109), ("2022", 117)]


def test_outcomes():
    got = outcomes(MET_TEXT)
    borough = got[(SCANNER, "devices_in_service", "borough", None)]
    assert (borough["status"], borough["exemptions"]) == ("refused", "s31(1)")
    assert got[(SCANNER, "uses", "none", "2015-01-01")]["status"] == "not_held"
    assert got[(SCANNER, "uses", "none", "2018-01-01")]["status"] == "disclosed"
    assert got[(SCANNER, "people", "none", None)]["status"] == "not_held"
    for technology in ("knife_arch", "knife_wand"):
        for measure in ("devices_in_service", "uses", "people", "weapons_found"):
            assert got[(technology, measure, "none", None)]["status"] == "not_held"
    cost = got[(PHONES, "uses", "borough", None)]
    assert (cost["status"], cost["exemptions"]) == ("cost_limit", "s12")
    assert got[(PHONES, "devices_in_service", "none", None)]["status"] == "partially_disclosed"


@pytest.mark.parametrize(
    "old,new,key,value",
    [
        (
            "2019 | 27217 | 11478 | 1449",
            "2019 | 27217 | 11479 | 1449",
            (SCANNER, "matches", "2019-01-01", "2019-12-31", "police"),
            11479,
        ),
        (
            "2021 | 29612 | 6257 | 1279",
            "2021 | 29612 | 6257 | 1280",
            (SCANNER, "matches", "2021-01-01", "2021-12-31", "immigration"),
            1280,
        ),
        (
            "490 device were",
            "491 device were",
            (SCANNER, "devices_deployed", "2020-01-01", "2020-12-31", None),
            491,
        ),
        (
            "approximately 730 devices",
            "approximately 731 devices",
            (SCANNER, "devices_in_service", "2022-01-01", "2022-12-31", None),
            731,
        ),
        (
            "2018 = 21,790",
            "2018 = 21,791",
            (PHONES, "uses", "2018-01-01", "2018-12-31", None),
            21791,
        ),
        (
            "extractions 18,200",
            "extractions 18,300",
            (PHONES, "uses", "2021-01-01", "2021-06-30", None),
            18300,
        ),
        (
            "extractions 1,894",
            "extractions 1,994",
            (PHONES, "failed_uses", "2021-01-01", "2021-06-30", None),
            1994,
        ),
        (
            "2016 = 32",
            "2016 = 33",
            (PHONES, "devices_in_service", "2016-01-01", "2016-12-31", None),
            33,
        ),
        (
            "will increase by 24",
            "will increase by 25",
            (PHONES, "devices_deployed", "2022-01-01", "2022-12-31", None),
            25,
        ),
        (
            "93% Suspect Devices / 6% Victim",
            "92% Suspect Devices / 7% Victim",
            (PHONES, "share_of_uses", "2021-01-01", "2021-06-30", "victim"),
            7,
        ),
    ],
)
def test_a_changed_number_changes_the_output(edit, old, new, key, value):
    assert figures(MET_TEXT)[key]["value"] != value
    changed = parse(edit((old, new)), "metropolitan").extraction
    check(changed)
    assert figures(edit((old, new)))[key]["value"] == value


def test_a_changed_year_moves_the_figure(edit):
    got = figures(edit(("2018 = 21,790", "2017 = 21,790")))
    assert got[(PHONES, "uses", "2017-01-01", "2017-12-31", None)]["value"] == 21790
    assert (PHONES, "uses", "2018-01-01", "2018-12-31", None) not in got


def test_two_tables_that_disagree_fail_validation(edit):
    extraction = parse(
        edit(("2019 | 27217 | 11478", "2019 | 27218 | 11478")), "metropolitan"
    ).extraction
    with pytest.raises(ValidationFailed, match="one value per key"):
        check(extraction)


def test_html_page_gives_the_same_rows_as_its_text():
    def without_document(path, table):
        rows = parse(path, "metropolitan").extraction.rows[table]
        return sorted(
            tuple(sorted((k, str(v)) for k, v in r.items() if k != "document_id")) for r in rows
        )

    for table in ("observations", "outcomes", "responses"):
        assert without_document(MET_HTML, table) == without_document(MET_TEXT, table)


def test_page_scripts_and_styles_are_not_read():
    text = parse(MET_HTML, "metropolitan").extraction.rows["documents"][0]["text"]
    assert "99999" not in text and "dataLayer" not in text
    assert "Quickly exit this site" in text  # the page's own chrome is kept as text


def test_html_numbers_are_parsed_too(edit):
    changed = edit(("<td>11478</td>", "<td>11477</td>"), name="page.html", source=MET_HTML)
    assert (
        figures(changed)[(SCANNER, "matches", "2019-01-01", "2019-12-31", "police")]["value"]
        == 11477
    )


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9, 0.99])
def test_a_truncated_document_is_an_error(tmp_path, cut):
    text = MET_TEXT.read_text(encoding="utf-8")
    path = tmp_path / "truncated.txt"
    path.write_text(text[: int(len(text) * cut)], encoding="utf-8")
    with pytest.raises(DocumentError, match="truncated"):
        parse(path, "metropolitan")


def test_another_forces_document_is_refused(tmp_path):
    other = tmp_path / "northumbria.txt"
    other.write_text(
        "Northumbria Police\nOur reference: 711/19\nMobile fingerprint technology\n1. No\n",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError, match="not a Metropolitan Police Service response"):
        parse(other, "metropolitan")


def test_windows_1252_text_is_read(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(MET_TEXT.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    got = figures(path)
    assert got[(SCANNER, "uses", "2021-01-01", "2021-12-31", None)]["value"] == 29612
