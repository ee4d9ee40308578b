"""Indicators (single pass, merged partials, pickling, Dask worker processes),
the sample district generator, DNA triangulation, CCI review and the report."""

from __future__ import annotations

import importlib.util
import pickle
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import suraksha
from conftest import ROOT

ROSTER_CSV = ROOT / "examples" / "district" / "roster.csv"


@pytest.fixture(scope="module")
def roster() -> pd.DataFrame:
    return pd.read_csv(ROSTER_CSV, dtype_backend="pyarrow")


def test_catalogue_lists_indicators() -> None:
    catalogue = suraksha.indicator_catalogue()
    assert catalogue and all("id" in i for i in catalogue)


def test_tables_from_pandas_polars_and_pyarrow_agree(roster: pd.DataFrame) -> None:
    from_pandas = suraksha.indicators(roster, level="block", by=["sex"])
    # An all-null column (birth_date) comes out of polars in a form arrow-rs refuses: drop it.
    from_polars = suraksha.indicators(pl.from_pandas(roster.dropna(axis=1, how="all")), level="block", by=["sex"])
    from_arrow = suraksha.indicators(pa.Table.from_pandas(roster), level="block", by=["sex"])
    assert from_pandas.num_rows > 0
    assert from_pandas.equals(from_polars) and from_pandas.equals(from_arrow)
    ids = {i["id"] for i in suraksha.indicator_catalogue()}
    assert set(from_pandas["indicator"].to_pylist()) == ids
    assert set(from_pandas["level"].to_pylist()) == {"district", "block"}


def test_the_generator_gives_the_shipped_roster(roster: pd.DataFrame) -> None:
    generated = pd.DataFrame(suraksha.sample_roster())
    assert len(generated) == len(roster)
    unsuppressed = {"suppression": {"enabled": False}}
    assert suraksha.indicators(generated, **unsuppressed).equals(suraksha.indicators(roster, **unsuppressed))


def test_merged_halves_equal_one_pass(roster: pd.DataFrame) -> None:
    table = pa.Table.from_pandas(roster, preserve_index=False)
    half = table.num_rows // 2
    whole = suraksha.indicator_partial(table)
    parts = [suraksha.indicator_partial(table.slice(0, half)), suraksha.indicator_partial(table.slice(half))]
    merged = suraksha.IndicatorPartial.merge_all(reversed(parts))
    assert merged.tables(level="village", by=["sex"]).equals(whole.tables(level="village", by=["sex"]))
    assert parts[0].merge(parts[1]).json == merged.json
    restored = pickle.loads(pickle.dumps(merged))
    assert restored == merged


def test_invalid_rows_are_rejected_not_counted(roster: pd.DataFrame) -> None:
    rows = roster.head(20).copy()
    rows["sex"] = rows["sex"].astype(object)
    rows.loc[rows.index[3], "sex"] = "robot"
    partial = suraksha.indicator_partial(rows)
    assert [r["row"] for r in partial.rejected] == [3]
    assert partial.rejected[0]["report"]["diagnostics"][0]["path"] == "/sex"


def test_bad_table_options_are_input_errors(roster: pd.DataFrame) -> None:
    partial = suraksha.indicator_partial(roster.head(50))
    with pytest.raises(suraksha.InputError):
        partial.tables(level="planet")
    with pytest.raises(suraksha.InputError):
        suraksha.IndicatorPartial("{}").tables()


def test_result_converts_to_pandas_and_polars(roster: pd.DataFrame) -> None:
    tables = suraksha.indicators(roster, level="district", by=["sex"])
    frame = tables.to_pandas()
    assert {"indicator", "sex", "value", "ci_low", "ci_high", "display"} <= set(frame.columns)
    assert pl.from_arrow(tables).height == len(frame)


def test_dask_worker_processes_give_the_single_process_result(roster: pd.DataFrame) -> None:
    spec = importlib.util.spec_from_file_location("dask_indicators", ROOT / "examples" / "dask_indicators.py")
    assert spec and spec.loader
    example: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    options = {"level": "block", "by": ["sex", "age_band"]}  # village x two breakdowns: minutes of LP suppression
    distributed = example.distributed_indicators(roster, n_workers=3, partitions=7, **options)
    single = suraksha.indicators(roster, **options)
    assert distributed.num_rows == single.num_rows > 0
    assert distributed.equals(single)
    assert example.partial_of(roster.head(10)).json  # the worker function itself


def test_dna_baseline_of_the_sample_district() -> None:
    dataset = suraksha.sample_dna()
    baseline = suraksha.dna_baseline(dataset)
    assert len(baseline["villages"]) == len(dataset["villages"])
    broken = dict(dataset, villages=[{"id": 1}])
    with pytest.raises(suraksha.ValidationError) as info:
        suraksha.dna_baseline(broken)
    assert all(e["path"].startswith("/villages/0") for e in info.value.errors())


def test_cci_review_refuses_an_invalid_assessment() -> None:
    with pytest.raises(suraksha.ValidationError) as info:
        suraksha.cci_review({"id": "CCI-1"})
    assert info.value.errors()


def test_district_report(roster: pd.DataFrame) -> None:
    report = suraksha.district_report(roster, suraksha.sample_dna())
    assert report.data["roster_rows"] == len(roster)
    assert report.data["baseline"] is not None
    assert "<html" in report.html.lower()
    assert report.summary


def test_sample_roster_size_is_capped() -> None:
    for households in (2001, -1, 10**30):
        with pytest.raises(suraksha.InputError) as caught:
            suraksha.sample_roster(households=households)
        assert caught.value.codes == ["out_of_range"]
        assert caught.value.errors()[0]["path"] == "/households"
    assert suraksha.sample_roster(households=0) == []


def test_a_district_name_with_a_lone_surrogate_is_written_as_its_escape(roster: pd.DataFrame) -> None:
    report = suraksha.district_report(roster, district_name="Madhu\ud800bani")
    assert "Madhu\\ud800bani" in report.html
