"""Batch and columnar validation: lists, NDJSON and Arrow tables from pandas,
polars, pyarrow and duckdb, and the round trip of results into DataFrames."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import suraksha
from conftest import ROOT, TODAY, load_record

# The complete record first: pyarrow's from_pylist takes its columns from the first row.
REFERRALS = [
    load_record("referral"),
    {"id": "R1"},
    {"id": "R3", "case_id": "C3", "status": "lost"},
]


def expected_rows() -> list[suraksha.Report]:
    return [suraksha.validate("referral", r, today=TODAY) for r in REFERRALS]


def test_list_of_records_matches_one_by_one() -> None:
    assert suraksha.validate_many("referral", REFERRALS, today=TODAY) == expected_rows()


def test_ndjson_bytes_and_text_with_a_malformed_line() -> None:
    lines = [json.dumps(r) for r in REFERRALS]
    text = "\n".join(lines[:2] + ["{not json", lines[2]]) + "\n\n"
    for payload in (text, text.encode()):
        reports = suraksha.validate_many("referral", payload, today=TODAY)
        assert len(reports) == 4
        assert reports[2].diagnostics[0]["code"] == "malformed_json"
        assert [reports[i] for i in (0, 1, 3)] == expected_rows()


def test_mixed_list_of_text_and_dicts() -> None:
    reports = suraksha.validate_many("referral", [json.dumps(REFERRALS[1]), REFERRALS[0], "["])
    assert not reports[0].valid and reports[1].valid
    assert reports[2].diagnostics[0]["code"] == "malformed_json"


def flat_referrals() -> list[dict[str, Any]]:
    """Referral rows flat enough for a DataFrame (the nested fields as columns of dicts)."""
    return [dict(r) for r in REFERRALS]


def check_result_table(result: pa.Table) -> None:
    expected = expected_rows()
    assert result.column_names == ["row", "valid", "n_errors", "n_warnings", "codes", "paths", "severities"]
    assert result.num_rows == len(expected)
    assert result["row"].to_pylist() == list(range(len(expected)))
    assert result["valid"].to_pylist() == [r.valid for r in expected]
    assert result["n_errors"].to_pylist() == [len(r.errors()) for r in expected]
    assert result["n_warnings"].to_pylist() == [len(r.warnings()) for r in expected]
    assert result["codes"].to_pylist() == [[d["code"] for d in r.diagnostics] for r in expected]
    assert result["paths"].to_pylist() == [[d["path"] for d in r.diagnostics] for r in expected]


def test_pyarrow_table() -> None:
    table = pa.Table.from_pylist(flat_referrals())
    check_result_table(suraksha.validate_table("referral", table, today=TODAY))


def test_polars_frame() -> None:
    frame = pl.DataFrame(flat_referrals())
    check_result_table(suraksha.validate_table("referral", frame, today=TODAY))


def test_pandas_frame() -> None:
    frame = pd.DataFrame(flat_referrals())
    check_result_table(suraksha.validate_table("referral", frame, today=TODAY))


def test_duckdb_relation() -> None:
    duckdb = pytest.importorskip("duckdb")
    table = pa.Table.from_pylist(flat_referrals())
    relation = duckdb.from_arrow(table)
    check_result_table(suraksha.validate_table("referral", relation, today=TODAY))


def test_result_round_trips_to_pandas_and_polars() -> None:
    result = suraksha.validate_table("referral", pa.Table.from_pylist(flat_referrals()), today=TODAY)
    frame = result.to_pandas()
    assert frame["valid"].dtype == bool
    assert frame["n_errors"].sum() == sum(len(r.errors()) for r in expected_rows())
    back = pa.Table.from_pandas(frame, preserve_index=False)
    columns = ["row", "valid", "n_errors", "codes"]
    assert back.select(columns).to_pylist() == result.select(columns).to_pylist()
    assert back.schema.field("row").type == result.schema.field("row").type
    polars_frame = pl.from_arrow(result)
    assert isinstance(polars_frame, pl.DataFrame)
    assert polars_frame["codes"].to_list() == result["codes"].to_pylist()


def test_empty_table() -> None:
    empty = pa.table({"id": pa.array([], pa.string())})
    result = suraksha.validate_table("referral", empty)
    assert result.num_rows == 0


def many_referrals(n: int) -> list[dict[str, Any]]:
    """`n` referrals cycling through REFERRALS: more than two of the core's chunks."""
    return [dict(REFERRALS[i % len(REFERRALS)]) for i in range(n)]


def test_chunks_keep_order_and_summary_agrees_with_full_reports() -> None:
    records = many_referrals(9_001)
    full = suraksha.validate_many("referral", records, today=TODAY)
    expected = expected_rows()
    assert full == [expected[i % len(expected)] for i in range(len(records))]
    summary = suraksha.validate_many("referral", records, today=TODAY, summary=True)
    assert isinstance(summary, suraksha.BatchSummary)
    assert summary.rows == len(records)
    assert summary.valid == sum(r.valid for r in full)
    assert summary.invalid == len(records) - summary.valid
    assert [row for row, _ in summary.invalid_rows] == [i for i, r in enumerate(full) if not r.valid]
    assert all(report == full[row] for row, report in summary.invalid_rows)
    codes: dict[str, int] = {}
    for r in full:
        for d in r.diagnostics:
            codes[d["code"]] = codes.get(d["code"], 0) + 1
    assert summary.codes == codes
    ndjson = "\n".join(json.dumps(r) for r in records).encode()
    assert suraksha.validate_many("referral", ndjson, today=TODAY, summary=True) == summary


def test_table_summary_and_chunked_results() -> None:
    table = pa.Table.from_pylist(many_referrals(9_001))
    result = suraksha.validate_table("referral", table, today=TODAY)
    assert result["row"].to_pylist() == list(range(9_001))
    summary = suraksha.validate_table("referral", table, today=TODAY, summary=True)
    assert summary.rows == 9_001
    assert summary.valid == sum(result["valid"].to_pylist())
    assert [row for row, _ in summary.invalid_rows] == [i for i, v in enumerate(result["valid"].to_pylist()) if not v]


def test_table_summary_passes_invalid_rows_on_chunk_by_chunk() -> None:
    # More rows than one chunk (4096): the invalid rows of each chunk are handed
    # over as they come, numbered across chunks, as the list path numbers them.
    base = json.loads((ROOT / "examples" / "records" / "referral.json").read_text(encoding="utf-8"))
    records = [dict(base, id=f"R{i}") if i % 10 != 1 else {"id": f"R{i}"} for i in range(10_000)]
    table = suraksha.validate_table("referral", pa.Table.from_pylist(records), today=TODAY, summary=True)
    listed = suraksha.validate_many("referral", records, today=TODAY, summary=True)
    assert (table.rows, table.invalid) == (10_000, 1_000)
    assert [row for row, _ in table.invalid_rows] == list(range(1, 10_000, 10))
    assert [row for row, _ in table.invalid_rows] == [row for row, _ in listed.invalid_rows]
    assert all(a == b for (_, a), (_, b) in zip(table.invalid_rows, listed.invalid_rows))
