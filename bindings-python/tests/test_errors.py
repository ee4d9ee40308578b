"""Bad input: what each mistake raises, and that the errors feed pandas as is."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import pytest

import suraksha


def test_validation_error_is_a_value_error_with_errors(case: dict[str, Any]) -> None:
    broken = dict(case)
    del broken["child"]
    with pytest.raises(suraksha.ValidationError) as info:
        suraksha.triage(broken)
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, suraksha.SurakshaError)
    rows = err.errors()
    assert rows and all(set(r) == {"code", "path", "message", "severity", "params"} for r in rows)
    assert {"code": "missing_field", "path": "/child"}.items() <= rows[0].items()
    assert "/child" in str(err)


def test_errors_go_straight_into_a_dataframe() -> None:
    report = suraksha.validate("case", {"id": "C1", "status": "flying"})
    frame = pd.DataFrame(report.diagnostics)
    assert list(frame.columns) == ["code", "severity", "path", "message", "params"]
    assert len(frame) == len(report.diagnostics) > 1
    with pytest.raises(suraksha.ValidationError) as info:
        report.raise_for_errors()
    assert pd.DataFrame(info.value.errors())["code"].tolist() == [d["code"] for d in report.errors()]


def test_unknown_kind_is_an_input_error_listing_the_kinds() -> None:
    with pytest.raises(suraksha.InputError) as info:
        suraksha.validate("spaceship", {})
    assert isinstance(info.value, ValueError)
    (diag,) = info.value.errors()
    assert diag["code"] == "unknown_kind"
    assert set(diag["params"]["allowed"]) == set(suraksha.kinds())


@pytest.mark.parametrize("text", ['{"id": ', "[1, 2", b"{]"])
def test_malformed_json_is_an_input_error_with_position(text: Any) -> None:
    with pytest.raises(suraksha.InputError) as info:
        suraksha.validate("case", text)
    (diag,) = info.value.errors()
    assert diag["code"] == "malformed_json"
    assert diag["params"]["line"] == 1 and diag["params"]["column"] >= 1


def test_non_utf8_bytes_are_an_input_error() -> None:
    with pytest.raises(suraksha.InputError, match="UTF-8"):
        suraksha.validate("case", b"\xff\xfe{}")


@pytest.mark.parametrize("record", [42, None, [{"id": "x"}], 3.5])
def test_wrong_record_type_is_a_type_error(record: Any) -> None:
    with pytest.raises(suraksha.InputTypeError) as info:
        suraksha.validate("case", record)
    assert isinstance(info.value, TypeError)
    assert "dict, a JSON str or JSON bytes" in str(info.value)


def test_non_json_values_in_a_dict_are_a_type_error() -> None:
    with pytest.raises(suraksha.InputTypeError, match="JSON values"):
        suraksha.validate("case", {"id": object()})


@pytest.mark.parametrize(
    "options",
    [{"locale": "fr"}, {"today": "23/11/2026"}, {"profile": {"triage": "none"}}],
)
def test_bad_options_are_input_errors_with_diagnostics(options: dict[str, Any]) -> None:
    with pytest.raises(suraksha.InputError) as info:
        suraksha.validate("case", {}, **options)
    assert info.value.errors(), "the options report must say what is wrong"


def test_datetime_is_not_a_date() -> None:
    with pytest.raises(suraksha.InputTypeError):
        suraksha.validate("case", {}, today=dt.datetime(2026, 1, 1))


def test_a_rust_panic_surfaces_as_internal_error() -> None:
    from suraksha import _suraksha

    with pytest.raises(suraksha.InternalError, match="internal error"):
        _suraksha._panic_guard_selftest()
    # The library keeps working afterwards.
    assert suraksha.validate("referral", {"id": "R1"}).valid is False


def test_wrong_batch_type_is_a_type_error() -> None:
    with pytest.raises(suraksha.InputTypeError):
        suraksha.validate_many("case", 12)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        suraksha.validate_table("case", [{"id": 1}])  # type: ignore[arg-type]
