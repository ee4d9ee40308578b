"""Property tests (hypothesis) over every public function of the package:
whatever a form, a file or a DataFrame sends, the only exceptions that come
out are suraksha's own (``SurakshaError`` and its subclasses) and
``TypeError``: never a crash, a ``PanicException``, a ``RecursionError`` or a
bare ``UnicodeEncodeError``. Values include NaN and infinities, lone
surrogates, huge integers, far dates, deep nesting and non-JSON objects.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any, Callable

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import suraksha
from suraksha import SurakshaError

REPO = Path(__file__).resolve().parents[2]
ALLOWED = (SurakshaError, TypeError)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``fn``; a suraksha exception or TypeError is an answer, anything else fails."""
    try:
        return fn(*args, **kwargs)
    except ALLOWED as e:
        return e


def samples() -> dict[str, list[dict[str, Any]]]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for f in sorted((REPO / "tests" / "vectors").rglob("*.json")):
        v = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(v.get("input"), dict) and isinstance(v.get("kind"), str):
            by_kind.setdefault(v["kind"], []).append(v["input"])
    return by_kind


SAMPLES = samples()
KINDS = suraksha.kinds()

# Text including lone surrogates (hypothesis leaves them out by default).
texts = st.text(st.characters(exclude_categories=()), max_size=40)
dates = st.sampled_from(
    ["2026-11-23", "9999-12-31", "+262142-12-31", "0001-01-01", "1899-12-31", "2026-02-30", ""]
)
leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),  # unbounded: 2**70, -2**100
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    dates,
)
non_json = st.sampled_from([{1, 2}, b"\xff", 1j, object(), dt.datetime(2026, 1, 1), bytearray(b"{}")])
keys = st.one_of(texts, st.sampled_from(["id", "child", "name", "date_of_birth", "journey_hours"]))
json_like = st.recursive(
    st.one_of(leaves, non_json),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(keys, inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=2),  # non-str keys
    ),
    max_leaves=20,
)


@st.composite
def records(draw: st.DrawFn, kind: str | None = None) -> Any:
    """A vector's input with a few fields replaced by anything, or anything at all."""
    kind = kind or draw(st.sampled_from(sorted(SAMPLES)))
    pool = SAMPLES.get(kind) or [{}]
    if draw(st.integers(0, 9)) == 0:
        return draw(json_like)
    record = copy.deepcopy(draw(st.sampled_from(pool)))
    for _ in range(draw(st.integers(0, 3))):
        node: Any = record
        path = []
        while isinstance(node, dict) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node)))
            path.append(key)
            parent, node = node, node[key]
        if path:
            parent[path[-1]] = draw(json_like)
        else:
            record[draw(keys)] = draw(json_like)
    form = draw(st.integers(0, 5))
    if form == 0:
        try:
            return json.dumps(record, allow_nan=True)
        except (TypeError, ValueError):
            return record
    if form == 1:
        try:
            return json.dumps(record).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return record
    return record


kind_names = st.one_of(st.sampled_from(KINDS), texts)
todays = st.one_of(st.none(), st.dates(), dates, st.integers(), st.datetimes())
locales = st.one_of(st.sampled_from(["en", "hi", "hi-IN"]), texts)
profiles = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "upcoming_days": st.integers(),
            "follow_up_days": st.dictionaries(st.sampled_from(["high", "low", "x"]), st.integers()),
            "functionality": st.dictionaries(
                st.sampled_from(["window_days", "register_fresh_days"]), st.integers()
            ),
            "default_composition_profile": texts,
        },
    ),
    json_like,
)
options = st.fixed_dictionaries({}, optional={"locale": locales, "today": todays, "profile": profiles})


@SETTINGS
@given(kind=kind_names, record=st.data(), opts=options)
def test_validate(kind: Any, record: st.DataObject, opts: dict[str, Any]) -> None:
    k = kind if kind in SAMPLES else None
    rec = record.draw(records(k))
    r = outcome(suraksha.validate, kind, rec, **opts)
    if isinstance(r, suraksha.Report):
        assert r.valid == (not r.errors())
        # A dict is read in place (valid, or explained in place when its shape
        # fails); a list's dicts are converted to JSON first: the same report.
        if isinstance(rec, dict):
            assert [r.to_dict()] == [x.to_dict() for x in suraksha.validate_many(kind, [rec], **opts)]


@SETTINGS
@given(kind=st.sampled_from(KINDS), data=st.data(), opts=options)
def test_validate_many(kind: str, data: st.DataObject, opts: dict[str, Any]) -> None:
    recs = data.draw(st.lists(records(kind if kind in SAMPLES else None), max_size=4))
    out = outcome(suraksha.validate_many, kind, recs, **opts)
    if isinstance(out, list):
        assert len(out) == len(recs)
    ndjson = data.draw(st.one_of(texts, st.binary(max_size=200)))
    outcome(suraksha.validate_many, kind, ndjson, **opts)


@SETTINGS
@given(data=st.data(), opts=options)
def test_scoring_and_transitions(data: st.DataObject, opts: dict[str, Any]) -> None:
    outcome(suraksha.triage, data.draw(records("case")), **opts)
    outcome(suraksha.functionality, data.draw(records("vcpc")), **opts)
    kind = data.draw(st.sampled_from(["case", "referral", "vcpc"]))
    transition = data.draw(
        st.one_of(
            json_like,
            st.fixed_dictionaries(
                {"to": st.sampled_from(["accepted", "rejected", "closed"]), "at": dates, "by": texts},
                optional={"reason": texts},
            ),
        )
    )
    outcome(suraksha.apply_transition, kind, data.draw(records(kind)), transition, **opts)


@SETTINGS
@given(kind=kind_names, patch=profiles)
def test_catalogues_schemas_profile(kind: Any, patch: Any) -> None:
    outcome(suraksha.schema, kind)
    outcome(suraksha.profile, patch)
    assert suraksha.kinds() == KINDS
    assert len(suraksha.codes()) > 0
    assert set(suraksha.schemas()) == set(KINDS)
    assert len(suraksha.indicator_catalogue()) > 0


ROSTER_COLUMNS = ["district", "block", "village", "household", "sex", "age", "survey_date", "work", "marital_status"]


@st.composite
def roster_tables(draw: st.DrawFn) -> pa.Table:
    n = draw(st.integers(0, 6))
    cols: dict[str, list[Any]] = {}
    for name in draw(st.lists(st.sampled_from(ROSTER_COLUMNS + ["bogus"]), unique=True, min_size=1)):
        kind = draw(st.sampled_from(["int", "float", "str", "date"]))
        if kind == "int":
            values: list[Any] = draw(st.lists(st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1)), min_size=n, max_size=n))
        elif kind == "float":
            values = draw(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=n, max_size=n))
        elif kind == "date":
            values = draw(st.lists(st.dates(), min_size=n, max_size=n))
        else:
            values = draw(st.lists(st.one_of(st.none(), st.text(max_size=10)), min_size=n, max_size=n))
        cols[name] = values
    return pa.table(cols)


@SETTINGS
@given(table=roster_tables(), data=st.data(), opts=options)
def test_tables(table: pa.Table, data: st.DataObject, opts: dict[str, Any]) -> None:
    kind = data.draw(st.sampled_from(["roster_row", "case"]))
    outcome(suraksha.validate_table, kind, table, **opts)
    outcome(
        suraksha.indicators,
        table,
        level=data.draw(st.one_of(st.sampled_from(["block", "village", "district"]), texts)),
        by=data.draw(st.one_of(st.none(), st.lists(texts, max_size=2))),
        suppression=data.draw(st.one_of(st.none(), json_like)),
        design_effect=data.draw(st.floats(allow_nan=True, allow_infinity=True)),
    )
    part = outcome(suraksha.indicator_partial, table, **opts)
    if isinstance(part, suraksha.IndicatorPartial):
        merged = outcome(part.merge, part)
        if isinstance(merged, suraksha.IndicatorPartial):
            outcome(merged.tables)
    outcome(suraksha.district_report, table, data.draw(st.one_of(st.none(), json_like)))


@SETTINGS
@given(data=st.data(), opts=options)
def test_dna_and_cci(data: st.DataObject, opts: dict[str, Any]) -> None:
    dataset = data.draw(
        st.one_of(
            json_like,
            st.fixed_dictionaries(
                {},
                optional={
                    "villages": st.lists(records("dna_village"), max_size=2),
                    "blocks": st.lists(records("dna_block"), max_size=2),
                    "secondary_data": st.lists(records("secondary_data"), max_size=2),
                },
            ),
        )
    )
    outcome(suraksha.dna_baseline, dataset, **opts)
    frame = data.draw(st.one_of(st.none(), records("cci_frame")))
    outcome(suraksha.cci_review, data.draw(records("cci_assessment")), frame, **opts)
    outcome(suraksha.sample_dna, data.draw(st.integers(0, 2**64 - 1)))
    outcome(suraksha.sample_roster, data.draw(st.integers(0, 2**64 - 1)), data.draw(st.integers(0, 2)))


# ---------------------------------------------------------------- the boundary, case by case


def codes_of(e: SurakshaError) -> list[str]:
    return e.codes


def test_nan_and_infinity_are_coded_not_dropped() -> None:
    case = copy.deepcopy(SAMPLES["case"][0])
    for bad in (math.nan, math.inf, -math.inf):
        case["journey_hours"] = bad
        with pytest.raises(suraksha.InputError) as e:
            suraksha.validate("case", case)
        assert codes_of(e.value) == ["non_finite_number"]
        assert e.value.errors()[0]["path"] == "/journey_hours"


def test_deep_nesting_and_cycles_are_coded() -> None:
    deep: Any = {}
    node = deep
    for _ in range(1000):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(suraksha.InputError) as e:
        suraksha.validate("case", deep)
    assert codes_of(e.value) == ["nesting_too_deep"]
    cyclic: dict[str, Any] = {"id": "C"}
    cyclic["self"] = cyclic
    with pytest.raises(suraksha.InputError) as e:
        suraksha.validate("case", cyclic)
    assert codes_of(e.value) == ["nesting_too_deep"]
    assert e.value.errors()[0]["path"] == "/self"
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(suraksha.InputError):
        suraksha.validate("case", {"concerns": looped})
    # The same list twice (not a cycle) is fine.
    shared = [{"kind": "school_dropout"}]
    report = suraksha.validate("case", {"concerns": shared, "other": shared})
    assert "nesting_too_deep" not in [d["code"] for d in report.diagnostics]


def test_surrogates_and_bad_utf8_give_one_code_everywhere() -> None:
    ways = [
        lambda: suraksha.validate("referral", {"id": "R\ud800"}),
        lambda: suraksha.validate("referral", '{"id": "R\ud800"}'),
        lambda: suraksha.validate("referral", '{"id": "R\\ud800"}'),
        lambda: suraksha.validate("referral", b'{"id": "R\xff"}'),
        lambda: suraksha.validate("referral", {"id\udc00": "R"}),
        lambda: suraksha.triage('{"id": "\ud800"}'),
    ]
    for way in ways:
        with pytest.raises(suraksha.InputError) as e:
            way()
        assert codes_of(e.value) == ["invalid_text"], e.value


def test_a_kind_name_with_a_lone_surrogate_is_an_unknown_kind() -> None:
    ways = [
        lambda: suraksha.validate("ca\ud800se", {}),
        lambda: suraksha.validate_many("ca\ud800se", [{}]),
        lambda: suraksha.schema("ca\ud800se"),
        lambda: suraksha.export("ca\ud800se", {}, b"district-secret-2026-kept-offline"),
    ]
    for way in ways:
        with pytest.raises(suraksha.InputError) as e:
            way()
        assert codes_of(e.value) == ["unknown_kind"], e.value
        assert "ca\\ud800se" in str(e.value)


def test_ndjson_text_with_a_lone_surrogate_loses_no_line() -> None:
    reports = suraksha.validate_many("referral", '{"id": "R\ud800"}\n{"id": "R2"}\n')
    assert len(reports) == 2
    assert [d["code"] for d in reports[0].diagnostics] == ["malformed_json"]
    assert "malformed_json" not in [d["code"] for d in reports[1].diagnostics]


def test_export_is_private_by_default() -> None:
    case = json.loads((REPO / "examples" / "records" / "case.json").read_text(encoding="utf-8"))
    secret = b"district-secret-2026-kept-offline"
    e = suraksha.export("case", case, secret)
    assert e["mode"] == "deidentified"
    assert "BIS-0412" not in json.dumps(e)
    assert e["record"]["child"]["date_of_birth"] == 2011
    with pytest.raises(suraksha.ValidationError) as err:
        suraksha.export("case", case, secret, identifying=True)
    assert err.value.codes == ["export_permission_missing"]
    permission = {
        "authority": "cwc",
        "order_reference": "CWC/MDB/2026/117",
        "date": "2026-11-20",
        "scope": {"case_ids": [case["id"]], "purpose": "production before the committee"},
    }
    e = suraksha.export("case", case, secret, identifying=True, permission=permission, today="2026-11-23")
    assert e["mode"] == "identifying" and e["permission"] == permission
    with pytest.raises(suraksha.ValidationError) as err:
        suraksha.export("case", case, b"short")
    assert err.value.codes == ["export_secret_weak"]


@SETTINGS
@given(data=st.data(), secret=st.one_of(st.binary(max_size=40), texts, json_like), opts=options)
def test_export_properties(data: st.DataObject, secret: Any, opts: dict[str, Any]) -> None:
    kind = data.draw(st.one_of(st.sampled_from(["case", "referral"]), kind_names))
    permission = data.draw(st.one_of(st.none(), json_like))
    outcome(
        suraksha.export,
        kind,
        data.draw(records(kind if kind in SAMPLES else None)),
        secret,
        identifying=data.draw(st.booleans()),
        permission=permission,
        locale=opts.get("locale", "en"),
        today=opts.get("today"),
    )


def _as_converted(value: Any) -> Any:
    """A cell of ``Table.to_pylist`` as the core converts Arrow rows: null
    fields absent, NaN and infinite floats missing (null in a list), whole
    floats as integers."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            v = _as_converted(v)
            if v is not None:
                out[k] = v
        return out
    if isinstance(value, list):
        return [_as_converted(v) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value == int(value) and abs(value) < 2**53:
            return int(value)
    return value


def _table_matches_its_json(kind: str, rows: list[Any]) -> bool:
    """validate_table reads valid rows straight from the columns; its reports
    must be those of the same rows as JSON objects. False when Arrow cannot
    hold the rows as one table."""
    if not all(isinstance(r, dict) for r in rows):
        return False
    try:
        table = pa.Table.from_pylist(rows)
    except (pa.ArrowException, TypeError, ValueError, OverflowError, AttributeError):
        return False
    def has(t: pa.DataType, test: Callable[[pa.DataType], bool]) -> bool:
        if test(t):
            return True
        if pa.types.is_struct(t):
            return any(has(t.field(i).type, test) for i in range(t.num_fields))
        return pa.types.is_list(t) and has(t.value_type, test)

    # Dates become text and binary cannot be read: both are other tests' business.
    if any(has(f.type, lambda t: pa.types.is_temporal(t) or pa.types.is_binary(t)) for f in table.schema):
        return False
    expected = suraksha.validate_many(kind, [_as_converted(r) for r in table.to_pylist()], today="2026-11-23")
    result = suraksha.validate_table(kind, table, today="2026-11-23")
    assert result["valid"].to_pylist() == [r.valid for r in expected]
    assert result["codes"].to_pylist() == [[d["code"] for d in r.diagnostics] for r in expected]
    assert result["paths"].to_pylist() == [[d["path"] for d in r.diagnostics] for r in expected]
    return True


def test_every_vector_as_a_table_row_matches_its_json() -> None:
    compared = 0
    for kind, inputs in sorted(SAMPLES.items()):
        if kind not in KINDS:
            continue
        for record in inputs:
            compared += _table_matches_its_json(kind, [record])
    assert compared >= 40, compared


@SETTINGS
@given(data=st.data())
def test_mutated_table_rows_match_their_json(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(sorted(k for k in SAMPLES if k in KINDS)))
    _table_matches_its_json(kind, data.draw(st.lists(records(kind), min_size=1, max_size=3)))
