"""suraksha: community child protection records for analysts.

Validate VCPC, case and referral records (one at a time, in batches, or a whole
pandas/polars/pyarrow/duckdb table at once), list the diagnostic codes and the
JSON Schemas, triage cases, score committees and apply workflow transitions;
compute the roster indicators (mergeable partial aggregates), triangulate a
District Need Assessment, review a CCI and build the district report.
All the rules live in the Rust core; this package only converts values.

>>> import suraksha
>>> report = suraksha.validate("referral", {"id": "R1"})
>>> report.valid
False
>>> report.diagnostics[0]["code"]
'missing_field'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Protocol, Sequence, TypedDict, Union, cast, overload

from . import _suraksha
from ._errors import (
    Diagnostic,
    InputError,
    InputTypeError,
    InternalError,
    ReportDict,
    SurakshaError,
    ValidationError,
)

__version__: str = _suraksha.__version__

__all__ = [
    "ArrowStreamExportable",
    "BatchSummary",
    "DistrictReport",
    "IndicatorPartial",
    "RejectedRowsWarning",
    "cci_review",
    "district_report",
    "dna_baseline",
    "indicator_catalogue",
    "indicator_partial",
    "indicators",
    "sample_dna",
    "sample_roster",
    "CodeInfo",
    "Diagnostic",
    "InputError",
    "InputTypeError",
    "InternalError",
    "Report",
    "ReportDict",
    "SurakshaError",
    "ValidationError",
    "apply_transition",
    "codes",
    "export",
    "functionality",
    "kinds",
    "profile",
    "schema",
    "schemas",
    "triage",
    "validate",
    "validate_many",
    "validate_table",
]

#: A record: a dict of JSON values, JSON text, or UTF-8 JSON bytes.
Record = Union[dict[str, Any], str, bytes]
#: A date for deadlines: a ``datetime.date`` or ``"YYYY-MM-DD"``.
DateLike = Union[_dt.date, str]


class ArrowStreamExportable(Protocol):
    """Any table exporting the Arrow PyCapsule stream interface (pandas >= 2.2,
    polars, pyarrow, duckdb)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


class CodeInfo(TypedDict):
    """A diagnostic code of the catalogue, with its message templates."""

    code: str
    severity: str
    en: str
    hi: str


@dataclass(frozen=True, slots=True)
class Report:
    """The result of validating one record."""

    #: True when no diagnostic is an error (warnings do not make a record invalid).
    valid: bool
    #: Every problem found, errors and warnings, in the order the checks ran.
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def from_dict(cls, report: ReportDict) -> Report:
        """Wrap a report dict as returned by the native module."""
        return cls(valid=report["valid"], diagnostics=list(report["diagnostics"]))

    def to_dict(self) -> ReportDict:
        """The report as plain data, exactly as the Rust core serialises it."""
        return {"valid": self.valid, "diagnostics": list(self.diagnostics)}

    def errors(self) -> list[Diagnostic]:
        """Only the diagnostics of severity ``error``."""
        return [d for d in self.diagnostics if d["severity"] == "error"]

    def warnings(self) -> list[Diagnostic]:
        """Only the diagnostics of severity ``warning``."""
        return [d for d in self.diagnostics if d["severity"] == "warning"]

    def raise_for_errors(self) -> None:
        """Raise :class:`ValidationError` when the record is invalid."""
        if not self.valid:
            messages = "; ".join(f"{d['path'] or '/'}: {d['message']}" for d in self.errors())
            raise ValidationError(messages, self.to_dict())


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """The summary of a batch validated with ``summary=True``: counts, and the
    reports of the invalid records only (for batches too large to keep a report
    per record)."""

    #: Records read.
    rows: int
    #: Records without errors.
    valid: int
    #: Records with at least one error.
    invalid: int
    #: Records with at least one warning.
    with_warnings: int
    #: Diagnostics by code, over every record.
    codes: dict[str, int]
    #: ``(row, report)`` of every invalid record, in order (``row`` is 0-based).
    invalid_rows: list[tuple[int, Report]]

    @classmethod
    def from_dict(cls, summary: dict[str, Any]) -> BatchSummary:
        """Wrap a summary dict as returned by the native module."""
        rows = [(r["row"], Report.from_dict(r["report"])) for r in summary["invalid_rows"]]
        return cls(
            rows=summary["rows"],
            valid=summary["valid"],
            invalid=summary["invalid"],
            with_warnings=summary["with_warnings"],
            codes=dict(summary["codes"]),
            invalid_rows=rows,
        )


def _options(
    locale: str, today: Optional[DateLike], profile: Optional[dict[str, Any]]
) -> dict[str, Any]:
    """The core's options dict; dates become ISO strings, everything else is checked by the core."""
    options: dict[str, Any] = {"locale": locale}
    if isinstance(today, _dt.datetime):
        raise InputTypeError(f"today must be a date, not a datetime: `{today!r}`")
    if isinstance(today, _dt.date):
        options["today"] = today.isoformat()
    elif today is not None:
        options["today"] = today
    if profile is not None:
        options["profile"] = profile
    return options


def kinds() -> list[str]:
    """Names of the record kinds (``vcpc``, ``case``, ``referral``, ...)."""
    return _suraksha.kinds()


def codes() -> list[CodeInfo]:
    """Every diagnostic code with its severity and English and Hindi templates."""
    return _suraksha.codes()  # type: ignore[return-value]


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record kind."""
    return _suraksha.schema(kind)


def schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every kind, by kind name."""
    return {k: _suraksha.schema(k) for k in _suraksha.kinds()}


def profile(profile: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The effective rule profile: the default one patched by ``profile`` (a JSON merge patch)."""
    return _suraksha.profile(_options("en", None, profile))


def validate(
    kind: str,
    record: Record,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
    limits: Optional[dict[str, Any]] = None,
) -> Report:
    """Validate one record of ``kind``; never raises for a record that breaks rules
    (see :attr:`Report.valid`). Raises :class:`InputError` for an unknown kind,
    malformed JSON or bad options, :class:`InputTypeError` for a wrong type.
    ``limits`` bounds depth, string size, items and diagnostics (the core's ``Limits``)."""
    options = _options(locale, today, profile)
    if limits is not None:
        options["limits"] = limits
    report = _suraksha.validate(kind, record, options)
    return Report(report["valid"], report["diagnostics"])


@overload
def validate_many(
    kind: str,
    records: Union[Sequence[Record], str, bytes],
    *,
    locale: str = ...,
    today: Optional[DateLike] = ...,
    profile: Optional[dict[str, Any]] = ...,
    summary: Literal[False] = ...,
) -> list[Report]: ...
@overload
def validate_many(
    kind: str,
    records: Union[Sequence[Record], str, bytes],
    *,
    locale: str = ...,
    today: Optional[DateLike] = ...,
    profile: Optional[dict[str, Any]] = ...,
    summary: Literal[True],
) -> BatchSummary: ...
def validate_many(
    kind: str,
    records: Union[Sequence[Record], str, bytes],
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
    summary: bool = False,
) -> Union[list[Report], BatchSummary]:
    """Validate many records at once, in parallel: a list of records, or NDJSON
    text or bytes (one record a non-blank line). One report per record, in order;
    a malformed line is that line's ``malformed_json`` report. Records are taken
    a few thousand at a time, so memory stays near the input's own size; with
    ``summary=True`` only counts and the invalid records are kept (a
    :class:`BatchSummary`)."""
    result = _suraksha.validate_many(kind, records, _options(locale, today, profile), summary)
    if summary:
        return BatchSummary.from_dict(cast("dict[str, Any]", result))
    return [Report.from_dict(r) for r in cast("list[ReportDict]", result)]


@overload
def validate_table(
    kind: str,
    table: ArrowStreamExportable,
    *,
    locale: str = ...,
    today: Optional[DateLike] = ...,
    profile: Optional[dict[str, Any]] = ...,
    summary: Literal[False] = ...,
) -> Any: ...
@overload
def validate_table(
    kind: str,
    table: ArrowStreamExportable,
    *,
    locale: str = ...,
    today: Optional[DateLike] = ...,
    profile: Optional[dict[str, Any]] = ...,
    summary: Literal[True],
) -> BatchSummary: ...
def validate_table(
    kind: str,
    table: ArrowStreamExportable,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
    summary: bool = False,
) -> Any:
    """Validate every row of a table (pandas >= 2.2, polars, pyarrow, duckdb: any
    object with ``__arrow_c_stream__``), each row a record, null cells absent;
    a whole number in a float column counts as an integer (pandas stores integer
    columns with gaps as floats). Rows are converted column by column a few
    thousand at a time, in parallel.

    Returns a ``pyarrow.Table`` with one row per input row: ``row``, ``valid``,
    ``n_errors``, ``n_warnings`` and the ``codes``, ``paths`` and ``severities``
    of its diagnostics; ``.to_pandas()`` or ``polars.from_arrow(...)`` converts it.
    With ``summary=True``, a :class:`BatchSummary` instead.
    """
    native = _suraksha.validate_table(kind, table, _options(locale, today, profile), summary)
    if summary:
        return BatchSummary.from_dict(cast("dict[str, Any]", native))
    import pyarrow  # the result type; imported lazily so validation works without it

    return pyarrow.table(native)


def triage(
    case: Record,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]:
    """Risk triage of a case: ``level``, every matching rule in ``reasons``,
    ``follow_up_due`` and ``actions`` (what the law requires next: pathway,
    statute, section, destinations, due time, state). Raises
    :class:`ValidationError` when the case is invalid."""
    return _suraksha.triage(case, _options(locale, today, profile))


def functionality(
    vcpc: Record,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]:
    """The functionality index of a VCPC: ``score`` (0-100), ``band``, ``domains``
    and every scored ``item``. Raises :class:`ValidationError` when the record is invalid."""
    return _suraksha.functionality(vcpc, _options(locale, today, profile))


def apply_transition(
    kind: str,
    record: Record,
    transition: Record,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]:
    """Apply a transition to a ``case`` or ``referral`` record and return the new
    record. Raises :class:`ValidationError` when the record is invalid or the
    transition is refused (e.g. ``illegal_transition``)."""
    return _suraksha.apply_transition(kind, record, transition, _options(locale, today, profile))


def export(
    kind: str,
    record: Record,
    secret: Union[str, bytes],
    *,
    identifying: bool = False,
    permission: Optional[dict[str, Any]] = None,
    locale: str = "en",
    today: Optional[DateLike] = None,
) -> dict[str, Any]:
    """Export a ``case`` or ``referral`` record to share outside the committee.

    De-identified by default: ids become HMAC-SHA256 keyed hashes under
    ``secret`` (at least 16 bytes, kept by the caller), the date of birth its
    year, and free text, worker ids, village and gram panchayat are left out
    (``redacted`` lists every path). With ``identifying=True`` the record is kept
    as it is, and ``permission`` (``authority``: ``cwc``, ``jjb`` or
    ``special_court``; ``order_reference``; ``date``; ``scope``: ``case_ids`` and
    ``purpose``) is required and written into the export. Raises
    :class:`ValidationError` when the export is refused."""
    return _suraksha.export(kind, record, secret, identifying, permission, _options(locale, today, None))


# Last: these modules use the helpers above.
from ._district import (  # noqa: E402
    DistrictReport,
    IndicatorPartial,
    RejectedRowsWarning,
    cci_review,
    district_report,
    dna_baseline,
    indicator_catalogue,
    indicator_partial,
    indicators,
    sample_dna,
    sample_roster,
)
