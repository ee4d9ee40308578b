"""Shared fixtures: the repository's sample records and shared test vectors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "examples" / "records"
VECTORS = ROOT / "tests" / "vectors"
TODAY = "2026-11-23"


def load_record(name: str) -> dict[str, Any]:
    """A sample record of examples/records, as a dict."""
    data: dict[str, Any] = json.loads((RECORDS / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def case() -> dict[str, Any]:
    return load_record("case")


@pytest.fixture
def vcpc() -> dict[str, Any]:
    return load_record("vcpc")


@pytest.fixture
def referral() -> dict[str, Any]:
    return load_record("referral")
