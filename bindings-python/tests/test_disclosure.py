"""Disclosure control holds against a reader with every published table:
HiGHS solves, for every hidden numerator of the demo report and of a
generated 63-village district, the least and greatest values consistent with
all published figures as an integer programme; none may be narrower than the
protection width. The true counts come from the same roster unsuppressed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

import suraksha
from conftest import ROOT
from disclosure_audit import Key, audit

pytest.importorskip("highspy")


def truth_of(roster: Any) -> dict[Key, int]:
    table = suraksha.indicators(roster, level="village", by=["sex"], suppression={"enabled": False}).to_pylist()
    return {
        (r["indicator"], r["district"], r["block"], r["village"], r["sex"] or ""): r["numerator"] for r in table
    }


@pytest.mark.parametrize(
    "name",
    ["demo", "district63"],
)
def test_no_hidden_cell_can_be_narrowed(name: str) -> None:
    if name == "demo":
        roster = pd.read_csv(ROOT / "examples" / "district" / "roster.csv", dtype_backend="pyarrow")
    else:
        roster = pd.DataFrame(suraksha.sample_roster(seed=7, households=10))
    report = suraksha.district_report(roster)
    tables = report.data["indicators"]
    hidden = [r for t in tables for r in t["rows"] if r["numerator"] is None]
    assert hidden, "a small roster must have hidden cells"
    # One mark for every hidden cell, and no small numerator published.
    assert {r["display"] for r in hidden} == {"*"}
    threshold = tables[0]["options"]["suppression"]["threshold"]
    # Only a table the catalogue publishes in full (a data-quality count, with its reason) shows small numerators.
    sensitive = [t for t in tables if not t.get("unsuppressed")]
    assert all(
        r["numerator"] == 0 or r["numerator"] >= threshold for t in sensitive for r in t["rows"] if r["numerator"] is not None
    )
    # The reader also knows which indicators are nested in which (married before 15 within before 18).
    nested = [(i["id"], i["nested_in"]) for i in suraksha.indicator_catalogue() if i.get("nested_in")]
    assert nested == [("sdg_5_3_1_before_15", "sdg_5_3_1_before_18")]
    assert audit(tables, truth_of(roster), nested=nested) == []


def test_the_audit_finds_a_cell_protected_one_equation_at_a_time() -> None:
    # 3 + 40 = 43 and 3 + 35 = 38 with the 40 hidden: the column sum still gives the 3.
    def row(block: Any, village: Any, sex: str, x: Any, d: int) -> dict[str, Any]:
        return {"district": 1, "block": block, "village": village, "breakdown": {"sex": sex} if sex else {},
                "numerator": x, "denominator": d}

    rows = [
        row(None, None, "", 128, 400), row(None, None, "female", 38, 200), row(None, None, "male", 90, 200),
        row(2, None, "", 43, 200), row(2, None, "female", None, 100), row(2, None, "male", None, 100),
        row(3, None, "", 85, 200), row(3, None, "female", 35, 100), row(3, None, "male", 50, 100),
    ]
    table = {"indicator": "t", "options": {"suppression": {"threshold": 10}}, "rows": rows}
    truth = {("t", 1, 2, None, "female"): 3, ("t", 1, 2, None, "male"): 40}
    failures = audit([table], truth)
    assert [f["cell"] for f in failures] == [("t", 1, 2, None, "female"), ("t", 1, 2, None, "male")]
    assert failures[0]["range"] == (3, 3)
