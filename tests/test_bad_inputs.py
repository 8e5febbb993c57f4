"""The bad-input corpus: every file is refused with a message naming file, row and column,
and nothing on disk changes."""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import pytest

from aimap import datastore, load
from aimap.__main__ import main
from aimap.load import DataError

CORPUS = Path(__file__).parent / "bad_inputs"
ROOT = CORPUS.parent.parent

#: file in tests/bad_inputs -> the start of the problem it must raise (file:row:column: words)
EXPECTED = {
    "antennas.formula_plus.csv": "antennas.csv:3:coordinator: starts with '+'",
    "antennas.outside_europe.csv": "antennas.csv:2:lon: 139.69 is outside Europe",
    "budgets.absurd_amount.csv": "budgets.csv:2:amount_eur: 8000000000000000 is more than",
    "budgets.amount_in_millions.csv": "budgets.csv:2:amount_eur: 80 is less than €1,000",
    "budgets.amount_text.csv": "budgets.csv:2:amount_eur: '€80 M' is not a number",
    "budgets.dangling_source.csv": "budgets.csv:2:sources: 'no-such-source' is not a source",
    "budgets.dangling_subject.csv": "budgets.csv:2:subject: 'no-such-site' is not a factory",
    "budgets.formula_at.csv": "budgets.csv:2:notes: starts with '@'",
    "budgets.negative_amount.csv": "budgets.csv:2:amount_eur: -5000000 must be more than zero",
    "budgets.preferred_not_bool.csv": "budgets.csv:2:preferred: 'yes' must be true or false",
    "claims.formula_minus.csv": "claims.csv:2:value: starts with '-'",
    "countries.no_boundary.csv": "countries.csv:2:iso3: 'ATL' has no boundary",
    "factories.bad_enum.csv": "factories.csv:3:kind: 'ai_factory' is not allowed",
    "factories.bad_id.csv": "factories.csv:3:id: 'it4 lia' is not a valid id",
    "factories.binary.csv": "factories.csv:1:-: binary file",
    "factories.blank_lines.csv": "factories.csv:1:-: file is empty",
    "factories.bom.csv": "factories.csv:1:-: file starts with a byte-order mark",
    "factories.comma_decimal.csv": "factories.csv:3:lat: '44,4939' is not a number",
    "factories.date_format.csv": "factories.csv:3:selected_on: '10/12/2024' is not a date",
    "factories.duplicate_id.csv": "factories.csv:3:id: 'bsc-aif' is used twice",
    "factories.empty.csv": "factories.csv:1:-: file is empty",
    "factories.extra_column.csv": "factories.csv:1:-: not a column of this table: comment",
    "factories.formula_hyperlink.csv": "factories.csv:3:name: starts with '='",
    "factories.gpus_text.csv": "factories.csv:3:gpus: 'about 3000' is not a whole number",
    "factories.html_name.csv": "factories.csv:3:name: contains HTML markup",
    "factories.img_onerror.csv": "factories.csv:3:host: contains HTML markup",
    "factories.impossible_date.csv": "factories.csv:3:selected_on: '2024-02-30' is not a real",
    "factories.iso2_code.csv": "factories.csv:3:country: 'IT' is not a country",
    "factories.lat_lon_swapped.csv": "factories.csv:3:lat: 11.3428 is outside Europe",
    "factories.lat_without_lon.csv": "factories.csv:3:lon: give both lat and lon",
    "factories.latin1.csv": "factories.csv:2:-: not valid UTF-8",
    "factories.missing_column.csv": "factories.csv:1:-: the header lacks: city",
    "factories.ragged_row.csv": "factories.csv:5:-: has 6 cells, the header has 22",
    "factories.required_missing.csv": "factories.csv:3:name: a value is required",
    "factories.script_name.csv": "factories.csv:3:name: contains HTML markup",
    "factories.semicolon.csv": "factories.csv:1:-: columns are separated by ';'",
    "factories.unknown_iso.csv": "factories.csv:3:country: 'XXX' is not a country",
    "factories.utf16.csv": "factories.csv:1:-: file is UTF-16",
    "meta.as_of_not_date.csv": "meta.csv:2:value: as_of 'June 2026' is not a date written",
    "meta.as_of_impossible.csv": "meta.csv:2:value: as_of '2025-02-30' is not a real calendar",
    "budgets.amount_nan.csv": "budgets.csv:2:amount_eur: 'NaN' is not a number",
    "budgets.amount_underscore.csv": "budgets.csv:2:amount_eur: '197_200_000' is not a number",
    "budgets.amount_fullwidth.csv":
        "budgets.csv:2:amount_eur: '１９７２０００００' is not a number",
    "budgets.amount_exponent.csv": "budgets.csv:2:amount_eur: '1.972e8' is not a number",
    "factories.gpus_fullwidth.csv": "factories.csv:3:gpus: '１２３' is not a whole number",
    "factories.lat_underscore.csv": "factories.csv:3:lat: '4_4.4' is not a number",
    "factories.lat_infinite.csv": "factories.csv:3:lat: 'inf' is not a number",
    "budgets.carriage_return_formula.csv": "budgets.csv:2:notes: contains a control or "
                                           "invisible character (U+000D)",
    "factories.zero_width_name.csv": "factories.csv:3:name: contains a control or invisible "
                                     "character (U+200B)",
    "claims.line_break.csv": "claims.csv:2:value: contains a control or invisible character "
                             "(U+000A)",
    "milestones.date_year_1.csv": "milestones.csv:2:start: '0001-01-01' is outside the years",
    "milestones.date_year_9999.csv": "milestones.csv:2:end: '9999-12-31' is outside the years",
    "factories.duplicate_id_case.csv": "factories.csv:33:id: 'RO-AI' is used twice (first on "
                                       "row 19 as 'ro-ai'",
    "factories.coordinates_in_another_country.csv": "factories.csv:19:lat: 40.4168, -3.7038 is "
                                                    "2,126 km outside ROU",
    "milestones.end_before_start.csv": "milestones.csv:2:end: ends (2021-07-01) before",
    "sectors.unknown_sector.csv": "sectors.csv:2:sector: 'S99' is not a sector id",
    "sources.javascript_url.csv": "sources.csv:2:url: 'javascript:alert(1)' is neither",
}
PROBLEM = re.compile(r"^[a-z_]+\.csv:\d+:([a-z_0-9]+|-): \S.*$")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under `folder` with a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_corpus_is_large_and_every_file_has_an_expectation():
    files = sorted(p.name for p in CORPUS.glob("*.csv"))
    assert len(files) >= 30
    assert files == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_refused_by_name_row_and_column(name, data_copy):
    table = datastore.table_of_file(name)
    before = fingerprint(data_copy)
    problems = datastore.check(data_copy, table, (CORPUS / name).read_bytes())
    assert any(p.startswith(EXPECTED[name]) for p in problems), problems
    assert all(PROBLEM.match(p) for p in problems), problems
    with pytest.raises(DataError):
        datastore.apply(data_copy, table, (CORPUS / name).read_bytes())
    assert fingerprint(data_copy) == before
    assert datastore.versions(data_copy) == []


@pytest.mark.parametrize("name", ["factories.binary.csv", "budgets.negative_amount.csv",
                                  "factories.script_name.csv"])
def test_the_command_line_lists_the_problem_and_exits_1(name, data_copy, capsys):
    (data_copy / f"{datastore.table_of_file(name)}.csv").write_bytes((CORPUS / name).read_bytes())
    assert main(["validate", str(data_copy)]) == 1
    assert EXPECTED[name] in capsys.readouterr().out


def test_a_60_mb_file_is_refused_without_being_read_as_a_table(data_copy):
    row = "x-id,name," + "y" * 1000 + "\n"
    huge = ("id,name\n" + row * (60 * 1024 * 1024 // len(row) + 1)).encode()
    assert len(huge) > 60 * 1024 * 1024
    before = fingerprint(data_copy)
    problems = datastore.check(data_copy, "factories", huge)
    assert problems == ["factories.csv:0:-: file is 62.9 MB; a table may be at most 5 MB "
                        "(5,000,000 bytes)"]
    assert fingerprint(data_copy) == before


def test_the_upload_cap_in_the_server_config_is_the_table_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == load.MAX_TABLE_MB


def test_visitors_never_see_a_traceback():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"


def test_one_size_limit_the_uploader_counts_in_decimal_megabytes():
    assert load.MAX_TABLE_BYTES == 5_000_000  # the browser refuses 5,000,001 bytes as "5.0MB"
    assert load.size_problem(load.MAX_TABLE_BYTES) is None
    assert load.size_problem(load.MAX_TABLE_BYTES + 1).startswith("file is 5.0 MB")
