"""Every ```python block of the README runs, in order, in one namespace (as an
analyst pasting them into a notebook would), from the repository root."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

README = ROOT / "README.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", README.read_text(encoding="utf-8"), re.M | re.S)


def test_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 2, "the README's Python section is missing"


def test_readme_python_blocks_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for i, block in enumerate(BLOCKS):
        code = compile(block, f"README.md python block {i + 1}", "exec")
        exec(code, namespace)  # noqa: S102 - running our own documentation is the point
    assert os.getcwd() == str(Path(ROOT))
