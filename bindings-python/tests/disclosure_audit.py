"""An attacker's audit of published indicator tables (used by test_disclosure.py).

The reader has every published table of one report, knows the tables' sums
(each total is the sum of its breakdown and of its places) and that counts are
whole numbers between 0 and the published denominator. For every hidden cell
this solves two integer programmes with HiGHS — the least and the greatest
numerator consistent with all that — and reports the cells whose range is
narrower than the protection width min(p, denominator)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

import highspy

Key = tuple[str, int, Any, Any, Any]  # indicator, district, block, village, breakdown value ("" = total)


def _key(indicator: str, row: dict[str, Any]) -> Key:
    breakdown = row.get("breakdown") or {}
    if len(breakdown) > 1:
        raise ValueError("the audit models one breakdown (the report's tables are by sex)")
    value = next(iter(breakdown.values()), "")
    return (indicator, row["district"], row.get("block"), row.get("village"), value)


def _parent(key: Key) -> Key | None:
    ind, d, b, v, s = key
    if v is not None:
        return (ind, d, b, None, s)
    if b is not None:
        return (ind, d, None, None, s)
    return None


def audit(
    tables: Iterable[dict[str, Any]],
    truth: dict[Key, int],
    nested: Iterable[tuple[str, str]] = (),
) -> list[dict[str, Any]]:
    """Every hidden cell with a positive true numerator whose feasible range
    is narrower than its protection width (an empty list: the tables hold).
    ``nested`` lists (inner, outer) indicator pairs whose numerators are
    nested by definition (inner ≤ outer in every cell), as a reader knows."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    inf = highspy.kHighsInf
    col: dict[Key, int] = {}
    den: dict[Key, int] = {}
    width: dict[str, int] = {}
    for t in tables:
        rule = t["options"]["suppression"]
        width[t["indicator"]] = rule.get("protection") or rule["threshold"]
        for r in t["rows"]:
            k = _key(t["indicator"], r)
            den[k] = r["denominator"]
            lo, hi = (r["numerator"], r["numerator"]) if r["numerator"] is not None else (0, r["denominator"])
            h.addVar(lo, hi)
            col[k] = len(col)
    h.changeColsIntegrality(len(col), list(range(len(col))), [highspy.HighsVarType.kInteger] * len(col))

    def add_sum(total: Key, parts: list[Key]) -> None:
        idx = [col[total]] + [col[p] for p in parts]
        vals = [-1.0] + [1.0] * len(parts)
        h.addRow(0.0, 0.0, len(idx), idx, vals)

    # Each total is the sum of its breakdown, and each place the sum of its parts.
    by_total: dict[Key, list[Key]] = defaultdict(list)
    by_parent: dict[Key, list[Key]] = defaultdict(list)
    for k in col:
        if k[4] != "":
            by_total[k[:4] + ("",)].append(k)
        p = _parent(k)
        if p is not None:
            by_parent[p].append(k)
    for total, parts in list(by_total.items()) + list(by_parent.items()):
        if total in col:
            add_sum(total, parts)
    for inner, outer in nested:
        for k in col:
            if k[0] == inner and (outer,) + k[1:] in col:
                j = col[(outer,) + k[1:]]
                h.addRow(-inf, 0.0, 2, [col[k], j], [1.0, -1.0])

    failures = []
    for t in tables:
        for r in t["rows"]:
            if r["numerator"] is not None:
                continue
            k = _key(t["indicator"], r)
            x = truth[k]
            if x == 0:
                continue
            ends = []
            for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
                h.changeColsCost(len(col), list(range(len(col))), [0.0] * len(col))
                h.changeColCost(col[k], 1.0)
                h.changeObjectiveSense(sense)
                h.run()
                if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
                    raise AssertionError(f"the reader's model of {k} is {h.modelStatusToString(h.getModelStatus())}")
                ends.append(round(h.getInfo().objective_function_value))
            lo, hi = ends
            need = min(width[k[0]], den[k])
            if not lo <= x <= hi or hi - lo < need:
                failures.append({"cell": k, "true": x, "denominator": den[k], "range": (lo, hi), "need": need})
    return failures
