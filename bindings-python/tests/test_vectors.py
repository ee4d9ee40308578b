"""The shared test vectors of tests/vectors/: the Python package must produce
exactly the report the Rust core produced (the vector's `report`), and the
hand-written `expected` diagnostics as a multiset of (code, path, severity)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import suraksha
from conftest import VECTORS

FILES = sorted(VECTORS.glob("*/*.json")) if VECTORS.is_dir() else []


def run(vector: dict[str, Any]) -> dict[str, Any]:
    """The report for a vector, whether the input is a value or raw text."""
    options = vector.get("options") or {}
    if "input_text" in vector:
        record = vector["input_text"]
    elif isinstance(vector["input"], dict):
        record = vector["input"]
    else:  # a list or null: the dict API refuses those (TypeError), JSON text reaches the core
        record = json.dumps(vector["input"])
    try:
        report = suraksha.validate(vector["kind"], record, **options)
    except suraksha.InputError as e:  # malformed JSON, unknown kind: the report is on the error
        assert e.report is not None
        return dict(e.report)
    return dict(report.to_dict())


def triples(diagnostics: list[dict[str, Any]]) -> Counter[tuple[str, str, str]]:
    return Counter((d["code"], d["path"], d["severity"]) for d in diagnostics)


@pytest.mark.skipif(not FILES, reason="no shared vectors in tests/vectors yet")
@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_vector(path: Path) -> None:
    vector = json.loads(path.read_text(encoding="utf-8"))
    got = run(vector)
    expected = vector["expected"]
    assert got["valid"] == expected["valid"]
    assert triples(got["diagnostics"]) == triples(expected["diagnostics"])
    assert "report" in vector, "vector has no generated report: run SURAKSHA_BLESS=1 cargo test"
    assert got == vector["report"]


DICT_FILES = [p for p in FILES if isinstance(json.loads(p.read_text(encoding="utf-8")).get("input"), dict)]


@pytest.mark.parametrize("path", DICT_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in DICT_FILES])
def test_vector_as_json_text_and_bytes(path: Path) -> None:
    """A record given as JSON text or UTF-8 bytes (read in place by the core)
    gets exactly the report of the same record given as a dict."""
    vector = json.loads(path.read_text(encoding="utf-8"))
    if "input_text" in vector:
        pytest.skip("the vector is about its raw text")
    text = json.dumps(vector["input"], ensure_ascii=False)
    for record in (text, text.encode("utf-8")):
        assert run({**vector, "input_text": record}) == vector["report"]
