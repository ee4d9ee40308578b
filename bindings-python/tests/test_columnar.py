"""The column-by-column roster conversion gives exactly what the row-by-row
(JSON) conversion gives: same indicator tables, same rejected rows and reports."""

from __future__ import annotations

from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import suraksha
from suraksha import _suraksha
from conftest import ROOT

ROSTER_CSV = ROOT / "examples" / "district" / "roster.csv"
TODAY = {"today": "2026-11-23", "locale": "en"}


@pytest.fixture(scope="module")
def roster() -> pd.DataFrame:
    return pd.read_csv(ROSTER_CSV, dtype_backend="pyarrow")


def both_paths(table: Any) -> tuple[tuple[str, Any], tuple[str, Any]]:
    return (
        _suraksha._indicator_partial_by(table, "auto", None, None, TODAY),
        _suraksha._indicator_partial_by(table, "json", None, None, TODAY),
    )


def tables(text: str) -> Any:
    return pa.table(_suraksha.indicator_tables(text, {"level": "block", "by": ["sex", "age_band"]}, TODAY))


def inputs(df: pd.DataFrame) -> dict[str, Any]:
    return {
        "pandas": df,
        # An all-null column comes out of polars in a form arrow-rs refuses: drop it.
        "polars": pl.from_pandas(df.dropna(axis=1, how="all")),
        "pyarrow": pa.Table.from_pandas(df, preserve_index=False),
        "pyarrow_dictionary": pa.Table.from_pandas(
            df.astype({c: "category" for c in ["sex", "work", "marital_status", "social_group"]}),
            preserve_index=False,
        ),
    }


@pytest.mark.parametrize("name", ["pandas", "polars", "pyarrow", "pyarrow_dictionary"])
def test_sample_roster_same_by_both_paths(roster: pd.DataFrame, name: str) -> None:
    table = inputs(roster)[name]
    assert _suraksha._roster_path(table) == "columnar"
    (col_text, col_rejected), (json_text, json_rejected) = both_paths(table)
    assert col_rejected == json_rejected
    assert tables(col_text).num_rows > 0
    assert tables(col_text).equals(tables(json_text))


def bad_roster(roster: pd.DataFrame) -> pd.DataFrame:
    rows = roster.head(60).copy()
    rows["sex"] = rows["sex"].astype(object)
    rows["age"] = rows["age"].astype("float64")
    rows["marital_status"] = rows["marital_status"].astype(object)
    rows["age_at_marriage"] = rows["age_at_marriage"].astype("float64")
    rows.loc[rows.index[3], "sex"] = "robot"  # unknown category name
    rows.loc[rows.index[7], "age"] = 40.0  # out of the schema's range
    rows.loc[rows.index[9], "age"] = 4.5  # not a whole number
    rows.loc[rows.index[12], "age"] = None  # missing age
    rows.loc[rows.index[20], ["age", "marital_status", "age_at_marriage"]] = [8.0, "married", 8.0]  # married under 10
    rows.loc[rows.index[25], ["age", "marital_status", "age_at_marriage"]] = [15.0, "married", 17.0]  # after age
    rows.loc[rows.index[30], "district"] = 0  # LGD code below the schema's minimum
    return rows


@pytest.mark.parametrize("name", ["pandas", "polars", "pyarrow"])
def test_bad_rows_give_the_cores_coded_reports(roster: pd.DataFrame, name: str) -> None:
    table = inputs(bad_roster(roster))[name]
    assert _suraksha._roster_path(table) == "columnar"
    (col_text, col_rejected), (json_text, json_rejected) = both_paths(table)
    assert col_rejected == json_rejected
    assert tables(col_text).equals(tables(json_text))
    by_row = {r["row"]: r["report"] for r in col_rejected}
    assert sorted(by_row) == [3, 7, 9, 12, 20, 25, 30]
    first = {row: (rep["diagnostics"][0]["code"], rep["diagnostics"][0]["path"]) for row, rep in by_row.items()}
    assert first[3][1] == "/sex"
    assert first[7][1] == "/age" and first[9][1] == "/age"
    assert first[12] == ("age_missing", "/age")
    assert first[20] == ("married_too_young", "/marital_status")
    assert first[25] == ("marriage_after_age", "/age_at_marriage")
    assert first[30][1] == "/district"


def test_future_survey_date_is_rejected_by_both_paths(roster: pd.DataFrame) -> None:
    rows = roster.head(10).copy()
    rows["survey_date"] = rows["survey_date"].astype(object)
    rows.loc[rows.index[2], "survey_date"] = "2099-01-01"
    rows.loc[rows.index[4], "survey_date"] = "01/10/2026"
    (col_text, col_rejected), (json_text, json_rejected) = both_paths(rows)
    assert col_rejected == json_rejected
    assert [r["row"] for r in col_rejected] == [2, 4]
    assert col_rejected[0]["report"]["diagnostics"][0]["code"] == "date_in_future"
    assert tables(col_text).equals(tables(json_text))


def test_tables_not_in_roster_shape_go_row_by_row(roster: pd.DataFrame) -> None:
    rows = roster.head(10).copy()
    rows["birth_date"] = "2020-01-01"
    assert _suraksha._roster_path(rows) == "json"
    rows = roster.head(10).copy()
    rows["note"] = "x"  # not a roster field: every row is rejected by the row schema
    assert _suraksha._roster_path(rows) == "json"
    partial = suraksha.indicator_partial(rows)
    assert len(partial.rejected) == 10


def test_many_batches_number_rows_across_the_table(roster: pd.DataFrame) -> None:
    table = pa.Table.from_pandas(bad_roster(roster), preserve_index=False)
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=7))
    assert chunked.to_batches()[1].num_rows == 7
    (_, col_rejected), (_, json_rejected) = both_paths(chunked)
    assert col_rejected == json_rejected
    assert [r["row"] for r in col_rejected] == [3, 7, 9, 12, 20, 25, 30]


def _with_birth_dates(roster: pd.DataFrame) -> pd.DataFrame:
    """Every fifth row with a birth date (the sample has none) that agrees with
    its age: the day after its survey date, age + 1 years before, so the
    birthday is tomorrow. A date read one day late makes the child a year
    older, and the row is rejected for an age that does not match."""
    rows = roster.head(400).copy()
    survey = pd.to_datetime(rows["survey_date"].astype(str))
    ages = rows["age"].astype("int64")
    birth = pd.Series(
        [s + pd.Timedelta(days=1) - pd.DateOffset(years=int(a) + 1) for s, a in zip(survey, ages)],
        index=rows.index,
    )
    every_fifth = [i % 5 == 0 for i in range(len(rows))]
    rows["birth_date"] = birth.dt.strftime("%Y-%m-%d").where(every_fifth, None).astype(object)
    rows["survey_date"] = survey.dt.strftime("%Y-%m-%d").astype(object)
    return rows


@pytest.mark.parametrize(
    "kind", ["datetime64", "datetime64_kolkata", "arrow_date32", "arrow_date64", "arrow_timestamp_utc"]
)
def test_indicators_accept_date_and_timestamp_columns(roster: pd.DataFrame, kind: str) -> None:
    text = _with_birth_dates(roster)
    want = suraksha.indicators(text, today="2026-11-23", on_rejected="ignore")
    typed: Any = text.copy()
    for column in ["birth_date", "survey_date"]:
        stamps = pd.to_datetime(typed[column])
        if kind == "datetime64":
            typed[column] = stamps  # pandas' default: datetime64[ns], no zone
        elif kind == "datetime64_kolkata":
            typed[column] = stamps.dt.tz_localize("Asia/Kolkata")  # midnight in India, 18:30 UTC the day before
        else:
            typed[column] = stamps
    if kind.startswith("arrow_"):
        table = pa.Table.from_pandas(typed, preserve_index=False)
        arrow_type = {
            "arrow_date32": pa.date32(),
            "arrow_date64": pa.date64(),
            "arrow_timestamp_utc": pa.timestamp("us", tz="UTC"),
        }[kind]
        for column in ["birth_date", "survey_date"]:
            i = table.schema.get_field_index(column)
            table = table.set_column(i, column, table.column(column).cast(arrow_type))
        typed = table
    got = suraksha.indicators(typed, today="2026-11-23", on_rejected="ignore")
    assert got.num_rows > 0
    assert got.equals(want)
    rejected = suraksha.indicator_partial(typed, today="2026-11-23").rejected
    assert rejected == suraksha.indicator_partial(text, today="2026-11-23").rejected
    assert len(rejected) < len(text) // 10
