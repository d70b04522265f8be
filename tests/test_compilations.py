"""Compilations: third parties' tables of many forces' answers, kept apart as secondary sources."""

import re

import pytest
from conftest import ROOT
from multiforce.toolkit.errors import DocumentError
from multiforce.toolkit.formats.compilation import Compilation
from multiforce.toolkit.pipeline import check, parse

BUNDLED = Compilation.bundled_documents()
FOLDER = ROOT / "forces" / "_compilations"
PA = FOLDER / "pa-2020.yaml"

GOOD = """\
source_kind: compilation
reference: test-2024
title: A test survey
published: 2024-05-01
source_url: https://example.org/survey
licence: Facts cited from the test survey
defaults:
  technology: phone_extraction
  measure: devices_awaiting_examination
  period: {start: 2024-01-01, end: 2024-03-31, label: Q1 2024}
  status: disclosed
rows:
  - force: Devon and Cornwall Police
    value: 120
    locator: table 1, row 3
  - force: Hampshire Constabulary
    value: 80
    locator: table 1, row 5
  - force_id: psni
    status: refused
    exemptions: s31(1)
    locator: paragraph 4
"""


def extraction(path, force=None):
    return parse(path, force).extraction


def test_the_seven_compilations_are_bundled():
    assert {path.stem for path in BUNDLED} >= {
        "privacy-international-2018",
        "big-brother-watch-2017",
        "pa-2020",
        "stop-the-scan-2021",
        "wired-2020",
        "channel-4-2022",
        "bbc-2009",
    }


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_one_response_per_force_per_compilation(path):
    rows = extraction(path).rows
    check(extraction(path))
    forces = [row["force_id"] for row in rows["responses"]]
    assert len(forces) == len(set(forces))
    for response in rows["responses"]:
        assert response["response_id"] == f"{response['force_id']}/{path.stem}"
        assert response["reference"] == path.stem and response["source_kind"] == "compilation"
        assert response["source_url"].startswith("http")
    for table in ("observations", "outcomes"):
        for row in rows[table]:
            assert row["document_id"] is None and row["quote"] is None and row["locator"]
            assert row["response_id"] == f"{row['force_id']}/{path.stem}"


def test_the_reference_rows_are_all_there():
    def count(stem, table):
        return len(extraction(FOLDER / f"{stem}.yaml").rows[table])

    assert count("privacy-international-2018", "responses") == 26 + 3
    assert count("bbc-2009", "observations") == 20 and count("bbc-2009", "outcomes") == 0
    assert count("pa-2020", "observations") == 12 and count("channel-4-2022", "outcomes") == 2


def test_name_variants_map_through_the_register():
    def forces(stem):
        return {row["force_id"] for row in extraction(FOLDER / f"{stem}.yaml").rows["responses"]}

    assert {"devon-and-cornwall", "hampshire", "british-transport", "metropolitan"} <= forces(
        "privacy-international-2018"
    )
    assert forces("big-brother-watch-2017") == {"west-yorkshire", "police-scotland"}


def test_rows_become_figures_and_outcomes(write_yaml):
    rows = extraction(write_yaml("test-2024.yaml", GOOD)).rows
    figures = {row["force_id"]: row["value"] for row in rows["observations"]}
    assert figures == {"devon-and-cornwall": 120, "hampshire": 80}
    statuses = {row["force_id"]: (row["status"], row["exemptions"]) for row in rows["outcomes"]}
    assert statuses == {
        "devon-and-cornwall": ("disclosed", None),
        "hampshire": ("disclosed", None),
        "psni": ("refused", "s31(1)"),
    }


def test_a_changed_figure_changes_the_output(write_yaml):
    text = PA.read_text(encoding="utf-8")
    assert "value: 915" in text
    changed = write_yaml("pa-2020.yaml", text.replace("value: 915", "value: 916"))
    herts = [
        row
        for row in extraction(changed).rows["observations"]
        if row["force_id"] == "hertfordshire"
    ]
    assert [row["value"] for row in herts] == [916]
    before = [
        row for row in extraction(PA).rows["observations"] if row["force_id"] == "hertfordshire"
    ]
    assert [row["value"] for row in before] == [915]


def test_an_unknown_force_names_the_file_and_row(write_yaml):
    bad = write_yaml(
        "test-2024.yaml", GOOD.replace("force: Hampshire Constabulary", "force: Gotham City Police")
    )
    with pytest.raises(DocumentError) as failure:
        parse(bad)
    message = str(failure.value)
    assert message.startswith(str(bad))
    assert (
        "row 2 (Gotham City Police): force: 'Gotham City Police' is not a force in the register"
        in message
    )


def test_every_problem_in_a_bad_file_is_in_one_report(write_yaml):
    bad = write_yaml(
        "test-2024.yaml",
        GOOD.replace("published: 2024-05-01", "published: 1 May 2024")
        .replace("force_id: psni", "force_id: gotham")
        .replace("status: refused", "status: withheld")
        .replace("locator: table 1, row 3", "locator: table 1, row 3\n    colour: blue"),
    )
    with pytest.raises(DocumentError) as failure:
        parse(bad)
    message = str(failure.value)
    assert "4 problem(s) in this compilation" in message
    assert "published: '1 May 2024' is not a date" in message
    assert "row 3 (gotham): force_id: 'gotham' is not a force" in message
    assert "row 3 (gotham): status: 'withheld' is not a status" in message
    assert "row 1 (Devon and Cornwall Police): unknown key 'colour'" in message


def test_the_rules_across_rows_are_in_the_same_report_as_the_entries_problems(write_yaml):
    bad = write_yaml(
        "test-2024.yaml",
        GOOD.replace("published: 2024-05-01", "published: 1 May 2024")
        + "  - force: Hampshire Constabulary\n    value: 81\n    locator: table 2, row 5\n",
    )
    with pytest.raises(DocumentError) as failure:
        parse(bad)
    message = str(failure.value)
    assert "published: '1 May 2024' is not a date" in message
    assert re.search(r"row \d \(Hampshire Constabulary\): one value per key: .*\b80\b", message)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        (
            "force: Hampshire Constabulary",
            "force: West Midland Police",
            "(did you mean 'West Midlands Police'?)",
        ),
        ("force_id: psni", "force_id: pnsi", "(did you mean 'psni'?)"),
        (
            "  status: disclosed\nrows:",
            "rows:\n  - force: Kent Police\n    locator: p.2",
            "neither value nor status",
        ),
        (
            "    value: 80\n    locator: table 1, row 5\n",
            "    value: 80\n",
            "locator: missing (in the row or in defaults)",
        ),
        (
            "  status: disclosed\n",
            "  status: disclosed\n  force: Kent Police\n",
            "defaults: force: every row names its own force",
        ),
        (
            "  status: disclosed\n",
            "  status: disclosed\n  colour: blue\n",
            "defaults: unknown key 'colour'",
        ),
        (
            "source_url: https://example.org/survey\n",
            "",
            "source_url: missing, for the compilation or for these rows",
        ),
        (
            "  - force_id: psni\n",
            "  - force_id: psni\n    force: Police Service of Northern Ireland\n",
            "name the force once",
        ),
        (
            "    locator: table 1, row 5\n",
            "    locator: table 1, row 5\n    source_url: https://example.org/other\n"
            "  - force: Hampshire Constabulary\n"
            "    value: 81\n    measure: devices_seized\n    locator: table 2\n",
            "its rows were read in different places",
        ),
    ],
)
def test_each_kind_of_mistake_is_named(write_yaml, old, new, expected):
    assert old in GOOD
    with pytest.raises(DocumentError, match=re.escape(expected)):
        parse(write_yaml("test-2024.yaml", GOOD.replace(old, new)))


def test_force_option_picks_one_forces_rows(write_yaml):
    path = write_yaml("test-2024.yaml", GOOD)
    rows = extraction(path, "hampshire").rows
    assert {row["force_id"] for table in rows.values() for row in table} == {"hampshire"}
    with pytest.raises(DocumentError, match="no row is about 'kent'"):
        parse(path, "kent")
