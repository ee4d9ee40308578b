"""Python validation beside its peers: one case dict at a time, a whole list,
NDJSON bytes and an Arrow table. Every peer's verdicts are compared with the
core's on every record before its time counts. Prints one JSON object a line.

    python benches/validation_bench.py [N_RECORDS] [REPEATS]
"""

from __future__ import annotations

import copy
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import fastjsonschema
import jsonschema_rs
import msgspec
import pyarrow as pa
import pydantic

import suraksha

sys.path.insert(0, str(Path(__file__).parent))
import peers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"
MAIN_ARGS = [] if sys.argv[1:2] == ["--memory"] else sys.argv[1:]
N = int(MAIN_ARGS[0]) if len(MAIN_ARGS) > 0 else 2000
REPEATS = int(MAIN_ARGS[1]) if len(MAIN_ARGS) > 1 else 5


def emit(**row: Any) -> None:
    print(json.dumps(row), flush=True)


ADULT = 16  # the variant only rule-checking validators reject


def cases(n: int, table: bool = False) -> list[dict[str, Any]]:
    """`n` cases: four in five valid, the others each broken one way (missing
    field, unknown enum value, wrong type, an adult, an unknown field). A
    `table` has one type per column and one set of columns: no wrong type, no
    unknown field."""
    base = json.loads((ROOT / "examples/records/case.json").read_text(encoding="utf-8"))
    out = []
    for i in range(n):
        c = copy.deepcopy(base)
        c["id"] = f"CASE-{i:06d}"
        broken = i % 25
        if broken == 1:
            del c["child"]
        elif broken == 6:
            c["child"]["sex"] = "robot"
        elif broken == 11 and not table:
            c["journey_hours"] = "two"
        elif broken == ADULT:
            c["child"]["date_of_birth"] = "2001-01-01"
        elif broken == 21 and not table:
            c["note"] = "x"
        out.append(c)
    return out


def median(fn: Callable[[], Any], repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def verdicts(fn: Callable[[Any], bool], items: list[Any]) -> list[bool]:
    return [fn(x) for x in items]


def guard(fn: Callable[[Any], Any], exc: Any) -> Callable[[Any], bool]:
    def ok(x: Any) -> bool:
        try:
            fn(x)
            return True
        except exc:
            return False

    return ok


def main() -> None:
    schema = suraksha.schema("case")
    records = cases(N)
    core = [r.valid for r in suraksha.validate_many("case", records, today=TODAY)]
    assert not all(core) and any(core)
    # Shape-only peers cannot know the adult is not a child: they must agree on every other record.
    shape = [v or i % 25 == ADULT for i, v in enumerate(core)]
    model = peers.pydantic_model(schema, "case")
    adapter = pydantic.TypeAdapter(list[model])  # type: ignore[valid-type]
    struct = peers.msgspec_type(schema)
    decoder = msgspec.json.Decoder(struct)
    js = jsonschema_rs.validator_for(schema)
    fjs = fastjsonschema.compile({k: v for k, v in schema.items() if k != "$schema"})
    lines = [json.dumps(r).encode() for r in records]
    ndjson = b"\n".join(lines) + b"\n"

    def core_one(r: Any) -> bool:
        return suraksha.validate("case", r, today=TODAY).valid

    per_record: dict[str, Callable[[Any], bool]] = {
        "suraksha": core_one,
        "pydantic v2 (same main rules)": guard(model.model_validate, pydantic.ValidationError),
        "msgspec (shape)": guard(lambda r: msgspec.convert(r, struct), msgspec.ValidationError),
        "jsonschema-rs (schema)": js.is_valid,
        "fastjsonschema (schema)": guard(fjs, fastjsonschema.JsonSchemaException),
    }
    base_time = None
    for name, fn in per_record.items():
        agrees = verdicts(fn, records) == (core if "shape" not in name and "schema" not in name else shape)
        t = median(lambda: [fn(r) for r in records]) / N
        if name == "suraksha":
            base_time = t
        emit(section="python list[dict], one record a call", tool=name, us_per_record=t * 1e6,
             ratio_to_suraksha=t / base_time if base_time else None, agrees=agrees)

    # Whole list in one call.
    whole: dict[str, tuple[Callable[[], Any], Callable[[], int]]] = {
        "suraksha validate_many": (
            lambda: suraksha.validate_many("case", records, today=TODAY),
            lambda: sum(not r.valid for r in suraksha.validate_many("case", records, today=TODAY)),
        ),
        "pydantic v2 TypeAdapter(list)": (
            lambda: _errors(adapter, records),
            lambda: len({e["loc"][0] for e in _errors(adapter, records)}),
        ),
    }
    invalid = core.count(False)
    base_time = None
    for name, (fn, count) in whole.items():
        agrees = count() == invalid
        t = median(fn) / N
        base_time = base_time or t
        emit(section="python list[dict], whole list", tool=name, us_per_record=t * 1e6,
             ratio_to_suraksha=t / base_time, agrees=agrees)

    # NDJSON bytes.
    mb = len(ndjson) / 1e6
    nd: dict[str, tuple[Callable[[], Any], Callable[[], list[bool]]]] = {
        "suraksha validate_many(bytes)": (
            lambda: suraksha.validate_many("case", ndjson, today=TODAY),
            lambda: [r.valid for r in suraksha.validate_many("case", ndjson, today=TODAY)],
        ),
        "pydantic v2 model_validate_json per line": (
            lambda: verdicts(guard(model.model_validate_json, pydantic.ValidationError), lines),
            lambda: verdicts(guard(model.model_validate_json, pydantic.ValidationError), lines),
        ),
        "msgspec decode per line (shape)": (
            lambda: verdicts(lambda b: peers.msgspec_valid(decoder, b), lines),
            lambda: verdicts(lambda b: peers.msgspec_valid(decoder, b), lines),
        ),
        "jsonschema-rs json.loads + is_valid": (
            lambda: [js.is_valid(json.loads(b)) for b in lines],
            lambda: [js.is_valid(json.loads(b)) for b in lines],
        ),
    }
    base_time = None
    for name, (fn, check) in nd.items():
        agrees = check() == (core if "shape" not in name and "is_valid" not in name else shape)
        t = median(fn)
        base_time = base_time or t
        emit(section="python NDJSON bytes", tool=name, mb_per_s=mb / t, us_per_record=t / N * 1e6,
             ratio_to_suraksha=t / base_time, agrees=agrees)

    # Arrow table (no unknown-field rows: a table has one set of columns).
    arrow_records = cases(N, table=True)
    table = pa.Table.from_pylist(arrow_records)
    arrow_core = [r.valid for r in suraksha.validate_many("case", arrow_records, today=TODAY)]
    pyd_one = guard(model.model_validate, pydantic.ValidationError)
    ar: dict[str, tuple[Callable[[], Any], Callable[[], list[bool]]]] = {
        "suraksha validate_table": (
            lambda: suraksha.validate_table("case", table, today=TODAY),
            lambda: suraksha.validate_table("case", table, today=TODAY)["valid"].to_pylist(),
        ),
        "pyarrow to_pylist + pydantic v2": (
            lambda: [pyd_one(r) for r in table.to_pylist()],
            lambda: [pyd_one(r) for r in table.to_pylist()],
        ),
    }
    base_time = None
    for name, (fn, check) in ar.items():
        agrees = check() == arrow_core
        t = median(fn) / N
        base_time = base_time or t
        emit(section="python Arrow table of cases", tool=name, us_per_record=t * 1e6,
             ratio_to_suraksha=t / base_time, agrees=agrees)


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


MEMORY_RUNS = [
    (inp, invalid, summary)
    for inp in ("validate_many(NDJSON bytes)", "validate_table(Arrow)")
    for invalid in (False, True)
    for summary in (True, False)
]


def memory_inputs(n: int, invalid: bool) -> tuple[bytes, pa.Table]:
    base = json.loads((ROOT / "examples/records/referral.json").read_text(encoding="utf-8"))
    # With `invalid`, every tenth record lacks its fields (never the first:
    # pyarrow takes a table's columns from the first row).
    records = [dict(base, id=f"R{i}") if not invalid or i % 10 != 1 else {"id": f"R{i}"} for i in range(n)]
    ndjson = b"\n".join(json.dumps(r).encode() for r in records) + b"\n"
    return ndjson, pa.Table.from_pylist(records)


def memory_child(run: int, n: int) -> None:
    """One measurement in a fresh process: a process's peak RSS never falls,
    so a run after another would reuse its memory and look smaller."""
    name, invalid, summary = MEMORY_RUNS[run]
    ndjson, table = memory_inputs(n, invalid)
    if name.startswith("validate_many"):
        size = len(ndjson)
        fn = lambda: suraksha.validate_many("referral", ndjson, today=TODAY, summary=summary)  # noqa: E731
        suraksha.validate_many("referral", ndjson[:5000], summary=True)  # warm-up: caches, thread pool
    else:
        size = table.nbytes
        fn = lambda: suraksha.validate_table("referral", table, today=TODAY, summary=summary)  # noqa: E731
        suraksha.validate_table("referral", table.slice(0, 10), summary=True)
    Path("/proc/self/clear_refs").write_text("5")
    before = rss_kib("VmRSS")
    result = fn()
    extra = (rss_kib("VmHWM") - before) * 1024
    del result
    emit(section="batch memory", tool=f"{name}, {'10% invalid' if invalid else 'all valid'}, "
         f"{'summary' if summary else 'full results'}", records=n, input_mb=size / 1e6,
         extra_peak_mb=extra / 1e6, ratio_to_input=extra / size)


def memory(n: int) -> None:
    """Peak memory of batch validation above its input, for `n` small
    records, each measurement in its own process."""
    import subprocess

    for run in range(len(MEMORY_RUNS)):
        done = subprocess.run([sys.executable, __file__, "--memory", str(run), str(n)], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr[-800:])
        print(done.stdout.strip().splitlines()[-1], flush=True)


def _errors(adapter: Any, records: list[Any]) -> list[Any]:
    try:
        adapter.validate_python(records)
        return []
    except pydantic.ValidationError as e:
        return e.errors()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--memory"]:
        memory_child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
        memory(int(sys.argv[3]) if len(sys.argv) > 3 else 200_000)
