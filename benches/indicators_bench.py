"""Roster indicators beside polars, duckdb and pandas on the same Arrow table:
every built-in indicator's numerator and denominator per cell (village,
sex, age band, social group, disability). Each tool runs in its own process
(peak RSS measured from a reset high-water mark after the table is loaded);
every tool's district totals must equal suraksha's before its time counts.
Prints one JSON object a line.

    python benches/indicators_bench.py ROWS [ROWS ...]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
# The catalogue's indicators (core/src/indicators/catalogue.json), each written
# again below in every peer's own language.
IDS = [
    "sdg_5_3_1_before_18",
    "sdg_5_3_1_before_15",
    "sdg_16_9_1",
    "sdg_8_7_1",
    "child_labour_calpra",
    "out_of_school_6_14",
    "school_status_unknown_6_14",
    "girls_15_17_married",
]
WORK = ["family_enterprise", "non_hazardous", "hazardous"]
KEYS = ["district", "block", "village", "sex", "age_band", "social_group", "disability"]


def dictionary(codes: np.ndarray, names: list[str]) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes.astype(np.int8)), pa.array(names))


def roster(n: int, seed: int = 7) -> pa.Table:
    """A valid roster of `n` rows (every row passes the roster rules)."""
    rng = np.random.default_rng(seed)
    village = rng.integers(0, 63, n)
    age = rng.integers(0, 25, n)
    sex = rng.integers(0, 2, n)
    married = (age >= 15) & (rng.random(n) < 0.25)
    age_at_marriage = np.where(married, rng.integers(12, 25, n), -1)
    age_at_marriage = np.minimum(age_at_marriage, age)
    marital = np.where(married, 1, 0)
    working = (age >= 5) & (age <= 17) & (rng.random(n) < 0.12)
    work = np.where(working, rng.integers(1, 4, n), 0)
    school_age = (age >= 6) & (age <= 14)
    school = np.where(school_age, rng.integers(0, 4, n), -1)
    registered = rng.random(n) < 0.8
    registered_known = rng.random(n) < 0.95
    hh = np.arange(n) // 3
    households = pa.array(np.char.add("H", hh.astype(str)).astype(object))
    return pa.table(
        {
            "district": pa.array(np.full(n, 223, np.int32)),
            "block": pa.array((2300 + village // 7).astype(np.int32)),
            "village": pa.array((210000 + village).astype(np.int32)),
            "household": households,
            "sex": dictionary(sex, ["female", "male"]),
            "age": pa.array(age.astype(np.int8)),
            "survey_date": pa.array(np.full(n, np.datetime64("2026-10-01", "D"))),
            "school_status": pa.DictionaryArray.from_arrays(
                # A few children of school age with no status recorded (its own indicator).
                pa.array(school.astype(np.int8), mask=(school < 0) | (rng.random(n) < 0.03)),
                pa.array(["attending", "irregular", "dropped_out", "never_enrolled"]),
            ),
            "work": dictionary(work, ["none", "family_enterprise", "non_hazardous", "hazardous"]),
            # Hours spread across the SDG 8.7.1 thresholds (1, 14, 43); some unrecorded.
            "work_hours": pa.array(rng.integers(1, 60, n).astype(np.int16), mask=~working | (rng.random(n) < 0.1)),
            "chores_hours": pa.array(rng.integers(0, 50, n).astype(np.int16), mask=~((age >= 5) & (age <= 17)) | (rng.random(n) < 0.5)),
            "marital_status": dictionary(marital, ["never_married", "married"]),
            "age_at_marriage": pa.array(age_at_marriage.astype(np.int8), mask=~married),
            "birth_registered": pa.array(registered, mask=~registered_known),
            "disability": pa.array(rng.random(n) < 0.03),
            "social_group": dictionary(rng.integers(0, 4, n), ["sc", "st", "obc", "other"]),
        }
    )


# ---- the tools: each returns {indicator: [numerator, denominator]} totals ----


def run_suraksha(table: pa.Table) -> Any:
    import suraksha

    def go() -> Any:
        partial = suraksha.indicator_partial(table, today="2026-11-23")
        return partial

    def totals(partial: Any) -> dict[str, list[int]]:
        data = json.loads(partial.json)
        out = {i: [0, 0] for i in data["indicators"]}
        for cell in data["cells"]:
            for i, c in zip(data["indicators"], cell["counts"]):
                out[i][0] += c["numerator"]
                out[i][1] += c["denominator"]
        assert not partial.rejected, partial.rejected[:3]
        return out

    return go, totals


def run_polars(table: pa.Table) -> Any:
    import polars as pl

    frame = pl.from_arrow(table)
    f = pl.col
    age = f("age")
    female = f("sex") == "female"
    cols = {
        "sdg_5_3_1_before_18": ((f("marital_status") != "never_married") & (f("age_at_marriage") < 18), female & age.is_between(20, 24)),
        "sdg_5_3_1_before_15": ((f("marital_status") != "never_married") & (f("age_at_marriage") < 15), female & age.is_between(20, 24)),
        "sdg_16_9_1": (f("birth_registered") == True, age < 5),  # noqa: E712
        "sdg_8_7_1": (
            (age.is_between(5, 11) & f("work").is_in(WORK) & ((f("work_hours") >= 1) | f("work_hours").is_null()))
            | (age.is_between(12, 14) & f("work").is_in(WORK) & (f("work_hours") >= 14))
            | (age.is_between(15, 17) & f("work").is_in(WORK) & (f("work_hours") >= 43))
            | (f("work") == "hazardous")
            | (age.is_between(5, 14) & (f("chores_hours") >= 21))
            | (age.is_between(15, 17) & (f("chores_hours") >= 43)),
            age.is_between(5, 17),
        ),
        "child_labour_calpra": (
            ((age < 14) & f("work").is_in(["non_hazardous", "hazardous"])) | (age.is_between(14, 17) & (f("work") == "hazardous")),
            age.is_between(5, 17),
        ),
        "out_of_school_6_14": (f("school_status").is_in(["dropped_out", "never_enrolled"]), age.is_between(6, 14) & f("school_status").is_not_null()),
        "school_status_unknown_6_14": (f("school_status").is_null(), age.is_between(6, 14)),
        "girls_15_17_married": (f("marital_status") == "married", female & age.is_between(15, 17)),
    }
    aggs = []
    for name, (num, den) in cols.items():
        d = den.fill_null(False)
        aggs += [(num.fill_null(False) & d).sum().alias(f"{name}_n"), d.sum().alias(f"{name}_d")]

    def go() -> Any:
        lazy = frame.lazy().with_columns((f("age") // 6).clip(0, 3).alias("age_band"))
        return lazy.group_by(KEYS).agg(aggs).collect()

    def totals(out: Any) -> dict[str, list[int]]:
        return {i: [int(out[f"{i}_n"].sum()), int(out[f"{i}_d"].sum())] for i in IDS}

    return go, totals


def run_duckdb(table: pa.Table) -> Any:
    import duckdb

    con = duckdb.connect()
    con.register("roster", table)
    female = "sex = 'female'"
    defs = {
        "sdg_5_3_1_before_18": ("marital_status <> 'never_married' AND age_at_marriage < 18", f"{female} AND age BETWEEN 20 AND 24"),
        "sdg_5_3_1_before_15": ("marital_status <> 'never_married' AND age_at_marriage < 15", f"{female} AND age BETWEEN 20 AND 24"),
        "sdg_16_9_1": ("birth_registered", "age < 5"),
        "sdg_8_7_1": (
            "(age BETWEEN 5 AND 11 AND work IN ('family_enterprise', 'non_hazardous', 'hazardous') AND coalesce(work_hours >= 1, true))"
            " OR (age BETWEEN 12 AND 14 AND work IN ('family_enterprise', 'non_hazardous', 'hazardous') AND work_hours >= 14)"
            " OR (age BETWEEN 15 AND 17 AND work IN ('family_enterprise', 'non_hazardous', 'hazardous') AND work_hours >= 43)"
            " OR work = 'hazardous' OR (age BETWEEN 5 AND 14 AND chores_hours >= 21) OR (age BETWEEN 15 AND 17 AND chores_hours >= 43)",
            "age BETWEEN 5 AND 17",
        ),
        "child_labour_calpra": (
            "(age < 14 AND work IN ('non_hazardous', 'hazardous')) OR (age BETWEEN 14 AND 17 AND work = 'hazardous')",
            "age BETWEEN 5 AND 17",
        ),
        "out_of_school_6_14": ("school_status IN ('dropped_out', 'never_enrolled')", "age BETWEEN 6 AND 14 AND school_status IS NOT NULL"),
        "school_status_unknown_6_14": ("school_status IS NULL", "age BETWEEN 6 AND 14"),
        "girls_15_17_married": ("marital_status = 'married'", f"{female} AND age BETWEEN 15 AND 17"),
    }
    sums = ", ".join(
        f"count(*) FILTER (WHERE ({d}) AND ({n})) AS {i}_n, count(*) FILTER (WHERE {d}) AS {i}_d" for i, (n, d) in defs.items()
    )
    sql = (
        "SELECT district, block, village, sex, least(age // 6, 3) AS age_band, social_group, disability, "
        f"{sums} FROM roster GROUP BY ALL"
    )

    def go() -> Any:
        # duckdb 2 names it to_arrow_table on a relation; older ones fetch_arrow_table.
        relation = con.sql(sql)
        fetch = getattr(relation, "to_arrow_table", None) or relation.fetch_arrow_table
        return fetch()

    def totals(out: Any) -> dict[str, list[int]]:
        import pyarrow.compute as pc

        return {i: [int(pc.sum(out[f"{i}_n"]).as_py()), int(pc.sum(out[f"{i}_d"]).as_py())] for i in IDS}

    return go, totals


def run_pandas(table: pa.Table) -> Any:
    df = table.to_pandas()

    def go() -> Any:
        age = df["age"]
        female = df["sex"] == "female"
        ever = df["marital_status"] != "never_married"
        aam = df["age_at_marriage"]
        work = df["work"]
        hours, chores, status = df["work_hours"], df["chores_hours"], df["school_status"]
        defs = {
            "sdg_5_3_1_before_18": (ever & (aam < 18), female & age.between(20, 24)),
            "sdg_5_3_1_before_15": (ever & (aam < 15), female & age.between(20, 24)),
            "sdg_16_9_1": (df["birth_registered"].eq(True), age < 5),
            "sdg_8_7_1": (
                (age.between(5, 11) & work.isin(WORK) & ((hours >= 1) | hours.isna()))
                | (age.between(12, 14) & work.isin(WORK) & (hours >= 14))
                | (age.between(15, 17) & work.isin(WORK) & (hours >= 43))
                | (work == "hazardous")
                | (age.between(5, 14) & (chores >= 21))
                | (age.between(15, 17) & (chores >= 43)),
                age.between(5, 17),
            ),
            "child_labour_calpra": (
                ((age < 14) & work.isin(["non_hazardous", "hazardous"])) | (age.between(14, 17) & (work == "hazardous")),
                age.between(5, 17),
            ),
            "out_of_school_6_14": (status.isin(["dropped_out", "never_enrolled"]), age.between(6, 14) & status.notna()),
            "school_status_unknown_6_14": (status.isna(), age.between(6, 14)),
            "girls_15_17_married": (df["marital_status"] == "married", female & age.between(15, 17)),
        }
        import pandas as pd

        cols = {"age_band": (age // 6).clip(0, 3)}
        for k in KEYS:
            if k != "age_band":
                cols[k] = df[k]
        for i, (n, d) in defs.items():
            cols[f"{i}_n"] = (n.fillna(False).astype(bool) & d).astype(np.int64)
            cols[f"{i}_d"] = d.astype(np.int64)
        frame = pd.DataFrame(cols)
        return frame.groupby(KEYS, observed=True, dropna=False).sum()

    def totals(out: Any) -> dict[str, list[int]]:
        return {i: [int(out[f"{i}_n"].sum()), int(out[f"{i}_d"].sum())] for i in IDS}

    return go, totals


def run_copy(table: pa.Table) -> Any:
    """The memory-copy floor: every buffer of the table copied once."""

    def go() -> int:
        n = 0
        for column in table.columns:
            for chunk in column.chunks:
                for buf in chunk.buffers():
                    if buf is not None:
                        n += np.frombuffer(buf, dtype=np.uint8).copy().size
        return n

    return go, lambda _: None


TOOLS = {"suraksha": run_suraksha, "polars": run_polars, "duckdb": run_duckdb, "pandas": run_pandas, "memory copy": run_copy}


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def child(tool: str, path: str) -> None:
    with pa.memory_map(path) as source:
        table = pa.ipc.open_file(source).read_all()
    table = table.combine_chunks()  # into this process's memory, not the page cache
    go, totals = TOOLS[tool](table)
    result = go()  # warm-up
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak RSS
    before = rss_kib("VmRSS")
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        result = go()
        times.append(time.perf_counter() - t)
    peak = rss_kib("VmHWM")
    print(json.dumps({"seconds": statistics.median(times), "extra_rss_mb": (peak - before) / 1024,
                      "input_mb": table.nbytes / 1e6, "totals": totals(result)}))


def main(sizes: list[int]) -> None:
    import duckdb
    import pandas
    import polars

    versions = {"polars": polars.__version__, "duckdb": duckdb.__version__, "pandas": pandas.__version__, "pyarrow": pa.__version__}
    print(json.dumps({"versions": versions}), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = str(Path(tmp) / f"roster-{n}.arrow")
            table = roster(n)
            with pa.OSFile(path, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table, max_chunksize=1 << 20)
            del table
            base = None
            expected = None
            for tool in TOOLS:
                done = subprocess.run([sys.executable, __file__, "--child", tool, path], capture_output=True, text=True)
                if done.returncode != 0:
                    print(json.dumps({"rows": n, "tool": tool, "error": done.stderr[-800:]}), flush=True)
                    continue
                r = json.loads(done.stdout.strip().splitlines()[-1])
                if tool == "suraksha":
                    expected, base = r["totals"], r["seconds"]
                agrees = None if tool == "memory copy" else r["totals"] == expected
                print(json.dumps({"rows": n, "tool": tool, "seconds": r["seconds"], "ratio_to_suraksha": r["seconds"] / base if base else None,
                                  "extra_rss_mb": r["extra_rss_mb"], "input_mb": r["input_mb"], "agrees": agrees}), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main([int(a) for a in sys.argv[1:]])
