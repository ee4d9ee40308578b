"""Typical analyst calls, type-checked by mypy --strict in test_typing.py so a
wrong annotation in the stubs shows up as a failure."""

from __future__ import annotations

import datetime as dt

import suraksha


def summary(records: list[dict[str, object]]) -> dict[str, int]:
    reports: list[suraksha.Report] = suraksha.validate_many("case", [dict(r) for r in records])
    return {"valid": sum(r.valid for r in reports), "invalid": sum(not r.valid for r in reports)}


def first_code(text: str) -> str | None:
    try:
        report = suraksha.validate("case", text, locale="hi", today=dt.date(2026, 1, 1))
    except suraksha.SurakshaError as e:
        return e.codes[0] if e.codes else None
    errors: list[suraksha.Diagnostic] = report.errors()
    return errors[0]["code"] if errors else None


def catalogue() -> list[str]:
    return [c["code"] for c in suraksha.codes()]
