"""The single-record API: validation in every input form and option, the
catalogue, schemas, triage, functionality and workflow transitions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import suraksha
from conftest import TODAY


def test_kinds_and_schemas_cover_each_other() -> None:
    kinds = suraksha.kinds()
    assert {"vcpc", "case", "referral"} <= set(kinds)
    schemas = suraksha.schemas()
    assert sorted(schemas) == sorted(kinds)
    for kind, schema in schemas.items():
        assert schema["$id"].endswith(f"/{kind}.json")
        assert schema["type"] == "object"


def test_catalogue_lists_codes_with_both_languages() -> None:
    codes = suraksha.codes()
    names = [c["code"] for c in codes]
    assert len(names) == len(set(names))
    assert {"missing_field", "malformed_json", "unknown_kind"} <= set(names)
    for c in codes:
        assert c["severity"] in ("error", "warning")
        assert c["en"] and c["hi"]


@pytest.mark.parametrize("kind", ["case", "vcpc", "referral"])
def test_sample_records_are_valid_in_every_input_form(kind: str) -> None:
    from conftest import load_record

    record = load_record(kind)
    text = json.dumps(record)
    reports = [
        suraksha.validate(kind, record, today=TODAY),
        suraksha.validate(kind, text, today=TODAY),
        suraksha.validate(kind, text.encode(), today=dt.date(2026, 11, 23)),
    ]
    assert reports[0].valid, reports[0].errors()
    assert reports[0] == reports[1] == reports[2]


def test_missing_field_has_code_path_and_message() -> None:
    report = suraksha.validate("referral", {"id": "R1"})
    assert not report.valid
    first = report.errors()[0]
    assert first["code"] == "missing_field"
    assert first["path"] == "/case_id"
    assert first["severity"] == "error"
    assert set(first) == {"code", "severity", "path", "message", "params"}


def test_hindi_changes_messages_not_codes() -> None:
    en = suraksha.validate("referral", {"id": "R1"})
    hi = suraksha.validate("referral", {"id": "R1"}, locale="hi")
    assert [d["code"] for d in en.diagnostics] == [d["code"] for d in hi.diagnostics]
    assert [d["path"] for d in en.diagnostics] == [d["path"] for d in hi.diagnostics]
    assert en.diagnostics[0]["message"] != hi.diagnostics[0]["message"]
    # Devanagari block.
    assert any("\u0900" <= ch <= "\u097f" for ch in hi.diagnostics[0]["message"])


def test_today_moves_deadlines(case: dict[str, Any]) -> None:
    soon = suraksha.triage(case, today="2026-11-23")
    later = suraksha.triage(case, today="2026-12-20")
    assert soon["follow_up_due"] != later["follow_up_due"]


def test_triage_of_the_sample_case(case: dict[str, Any]) -> None:
    result = suraksha.triage(case, today=TODAY)
    assert result["level"] in ("low", "medium", "high", "critical")
    rules = [r["rule"] for r in result["reasons"]]
    assert "marriage_within_30_days" in rules


def test_triage_profile_patch_is_applied(case: dict[str, Any]) -> None:
    # Removing every triage rule leaves the default level (low) and no reason.
    result = suraksha.triage(case, today=TODAY, profile={"triage": []})
    assert result == {
        "level": "low",
        "reasons": [],
        "follow_up_due": result["follow_up_due"],
        "actions": result["actions"],
    }
    # Required actions come from the law, not from the triage table.
    assert {a["pathway"] for a in result["actions"]} >= {"child_marriage_cmpo"}
    assert suraksha.profile({"triage": []})["triage"] == []
    assert suraksha.profile()["triage"]


def test_functionality_of_the_sample_vcpc(vcpc: dict[str, Any]) -> None:
    result = suraksha.functionality(vcpc, today=TODAY)
    assert 0 <= result["score"] <= 100
    assert result["band"] in ("functional", "semi_functional", "non_functional")
    assert sum(i["earned"] for i in result["items"]) == pytest.approx(result["score"])


def test_referral_transition_appends_history(referral: dict[str, Any]) -> None:
    pending = dict(referral, status="pending", history=[])
    event = {"to": "accepted", "at": "2026-11-02T16:10:00+05:30", "by": "cmpo-madhubani"}
    updated = suraksha.apply_transition("referral", pending, event, today=TODAY)
    assert updated["status"] == "accepted"
    assert updated["history"][-1]["to"] == "accepted"
    assert suraksha.validate("referral", updated, today=TODAY).valid


def test_refused_transition_raises_validation_error(referral: dict[str, Any]) -> None:
    event = {"to": "accepted", "at": "2026-11-04T16:10:00+05:30", "by": "cmpo-madhubani"}
    with pytest.raises(suraksha.ValidationError) as info:
        suraksha.apply_transition("referral", referral, event, today=TODAY)
    assert info.value.codes == ["illegal_transition"]
    assert isinstance(info.value, ValueError)


def test_report_raise_for_errors() -> None:
    report = suraksha.validate("referral", {"id": "R1"})
    with pytest.raises(suraksha.ValidationError) as info:
        report.raise_for_errors()
    assert info.value.errors() == report.errors()
    assert suraksha.validate("referral", {"id": "R1"}).to_dict()["valid"] is False
