"""The type stubs match the extension (mypy.stubtest) and the package is
clean under mypy --strict, so editors and type checkers can trust them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=PACKAGE, capture_output=True, text=True, check=False
    )


def test_stubs_match_the_extension() -> None:
    done = run(
        "mypy.stubtest", "suraksha", "--mypy-config-file", "pyproject.toml", "--allowlist", "stubtest-allowlist.txt"
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_package_is_strictly_typed() -> None:
    done = run("mypy", "--strict", "--no-incremental", "python/suraksha", "tests/usage_typed.py")
    assert done.returncode == 0, done.stdout + done.stderr
