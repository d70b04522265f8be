"""Exports: CSV and Parquet per table, and a data package that frictionless accepts."""

import json

import polars as pl
import pytest
from multiforce.schemas.register import officers


def test_csv_and_parquet_per_table(cli, built_db, tmp_path):
    for format in ("csv", "parquet"):
        out = tmp_path / format
        result = cli("export", "--db", built_db, "--format", format, "--out", out)
        assert result.exit_code == 0, result.output
        read = pl.read_csv if format == "csv" else pl.read_parquet
        observations = read(out / f"observations.{format}")
        assert (
            observations.filter(
                pl.col("force_id") == "metropolitan", pl.col("document_id").is_not_null()
            ).height
            == 28
        )
        assert 29612 in observations.filter(pl.col("measure") == "uses")["value"].to_list()
        assert read(out / f"forces.{format}").height == 48
        assert read(out / f"officers.{format}").height == len(officers())
        campaigns = read(out / f"campaigns.{format}")["campaign_id"].to_list()
        assert campaigns == ["scanners-arches-extraction-2022"]
        assert read(out / f"requests.{format}").height > 0  # a campaign's tables too


def test_datapackage_is_valid_frictionless(cli, built_db, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "package"
    assert cli("export", "--db", built_db, "--format", "datapackage", "--out", out).exit_code == 0
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / "datapackage.json").read_text())
    observations = next(r for r in package["resources"] if r["name"] == "observations")
    fields = {f["name"]: f for f in observations["schema"]["fields"]}
    assert "uses" in fields["measure"]["constraints"]["enum"]
    assert fields["period_start"]["type"] == "date" and fields["value"]["type"] == "number"
    assert fields["quote"]["description"]
    assert observations["schema"]["primaryKey"] == "observation_id"
    assert {
        "fields": "force_id",
        "reference": {"resource": "forces", "fields": "force_id"},
    } in observations["schema"]["foreignKeys"]
    assert package["licenses"][0]["path"].startswith("https://www.nationalarchives.gov.uk/")
    counts = next(r for r in package["resources"] if r["name"] == "officers")
    assert counts["schema"]["primaryKey"] == ["force_id", "date"]
    assert {f["name"]: f["type"] for f in counts["schema"]["fields"]}["date"] == "date"
    questions = next(r for r in package["resources"] if r["name"] == "campaign_questions")
    assert questions["schema"]["primaryKey"][:2] == ["campaign_id", "number"]


def test_datapackage_validation_catches_bad_data(cli, built_db, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "package"
    cli("export", "--db", built_db, "--format", "datapackage", "--out", out)
    observations = out / "observations.csv"
    observations.write_text(observations.read_text().replace(",uses,", ",scans,", 1))
    assert not frictionless.validate(out / "datapackage.json").valid


def test_export_of_a_missing_database_is_a_user_error(cli, tmp_path):
    result = cli("export", "--db", tmp_path / "none.db", "--out", tmp_path / "out")
    assert result.exit_code != 0 and "no such database" in result.output
