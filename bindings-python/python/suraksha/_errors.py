"""The exceptions of suraksha, written in Python so they carry typed attributes.

The native module raises these classes (it imports them by name), chosen by
the category of the core's error: unusable input is :class:`InputError`, an
invalid record :class:`ValidationError`, a bug :class:`InternalError`; an
argument of the wrong Python type is :class:`InputTypeError`. Every one derives
from :class:`SurakshaError`, so ``except suraksha.SurakshaError`` catches
anything the package raises on purpose, and ``category`` names the class's
category as the other front ends do (``input``, ``invalid``, ``internal``).
"""

from __future__ import annotations

from typing import Any, Optional, TypedDict

__all__ = [
    "Diagnostic",
    "ReportDict",
    "SurakshaError",
    "ValidationError",
    "InputError",
    "InputTypeError",
    "InternalError",
]


class Diagnostic(TypedDict):
    """One problem found in a record, as the core reports it."""

    code: str
    severity: str
    path: str
    message: str
    params: dict[str, Any]


class ReportDict(TypedDict):
    """A validation report: ``valid`` is false when any diagnostic is an error."""

    valid: bool
    diagnostics: list[Diagnostic]


class SurakshaError(Exception):
    """Base of every exception raised by suraksha.

    ``report`` is the core's report behind the failure, when there is one.
    """

    report: Optional[ReportDict]
    #: The category of the core's error: ``input``, ``invalid`` or ``internal``.
    category: str = "internal"

    def __init__(self, message: str, report: Optional[ReportDict] = None) -> None:
        super().__init__(message)
        self.report = report

    def errors(self) -> list[Diagnostic]:
        """Every diagnostic behind the failure (errors and warnings), as dicts
        with ``code``, ``path``, ``message``, ``severity`` and ``params``:
        ``pandas.DataFrame(e.errors())`` takes them as they are."""
        if self.report is None:
            return []
        return [dict(d) for d in self.report["diagnostics"]]  # type: ignore[misc]

    @property
    def codes(self) -> list[str]:
        """The diagnostic codes, in order."""
        return [d["code"] for d in self.errors()]


class ValidationError(SurakshaError, ValueError):
    """A record breaks a rule (or a transition is refused): see :meth:`errors`."""

    category = "invalid"


class InputError(SurakshaError, ValueError):
    """Input that cannot be used at all: an unknown record kind, malformed JSON,
    bad options (locale, date, rule profile patch) or an unreadable table."""

    category = "input"


class InputTypeError(SurakshaError, TypeError):
    """An argument of the wrong Python type (e.g. a record that is not a dict,
    str or bytes, or a value that is not JSON)."""

    category = "input"


class InternalError(SurakshaError, RuntimeError):
    """A bug inside suraksha. A Rust panic surfaces as this, never as a crash."""
