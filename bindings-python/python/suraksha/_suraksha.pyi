"""Type stubs of the native module (checked against it by mypy.stubtest in the tests)."""

from typing import Any, Optional, Protocol, Sequence, Union

from ._errors import ReportDict

__version__: str
__all__ = [
    "__version__",
    "_indicator_partial_by",
    "_panic_guard_selftest",
    "_roster_path",
    "apply_transition",
    "cci_review",
    "codes",
    "district_report",
    "export",
    "dna_baseline",
    "functionality",
    "indicator_catalogue",
    "indicator_partial",
    "indicator_tables",
    "kinds",
    "merge_partials",
    "profile",
    "sample_dna",
    "sample_roster",
    "schema",
    "triage",
    "validate",
    "validate_many",
    "validate_table",
]

_Record = Union[dict[str, Any], str, bytes]

class _ArrowStream(Protocol):
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

def kinds() -> list[str]: ...
def codes() -> list[dict[str, str]]: ...
def schema(kind: str) -> dict[str, Any]: ...
def profile(options: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...
def validate(kind: str, record: _Record, options: Optional[dict[str, Any]] = None) -> ReportDict: ...
def validate_many(
    kind: str,
    records: Union[Sequence[_Record], str, bytes],
    options: Optional[dict[str, Any]] = None,
    summary: bool = False,
) -> Union[list[ReportDict], dict[str, Any]]: ...
def validate_table(
    kind: str, table: _ArrowStream, options: Optional[dict[str, Any]] = None, summary: bool = False
) -> Union[_ArrowStream, dict[str, Any]]: ...
def triage(case: _Record, options: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...
def functionality(vcpc: _Record, options: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...
def apply_transition(
    kind: str,
    record: _Record,
    transition: _Record,
    options: Optional[dict[str, Any]] = None,
) -> dict[str, Any]: ...
def export(
    kind_name: str,
    record: _Record,
    secret: Union[str, bytes],
    identifying: bool = False,
    permission: Optional[dict[str, Any]] = None,
    options: Optional[dict[str, Any]] = None,
) -> dict[str, Any]: ...
def indicator_catalogue() -> Any: ...
def indicator_partial(
    table: _ArrowStream,
    indicators: Optional[list[str]] = None,
    age_bands: Optional[list[dict[str, int]]] = None,
    options: Optional[dict[str, Any]] = None,
) -> tuple[str, list[dict[str, Any]]]: ...
def _indicator_partial_by(
    table: _ArrowStream,
    path: str,
    indicators: Optional[list[str]] = None,
    age_bands: Optional[list[dict[str, int]]] = None,
    options: Optional[dict[str, Any]] = None,
) -> tuple[str, list[dict[str, Any]]]: ...
def _roster_path(table: _ArrowStream) -> str: ...
def merge_partials(parts: list[str]) -> str: ...
def indicator_tables(
    partial: str, table_options: Optional[dict[str, Any]] = None, options: Optional[dict[str, Any]] = None
) -> _ArrowStream: ...
def dna_baseline(dataset: _Record, options: Optional[dict[str, Any]] = None) -> dict[str, Any]: ...
def cci_review(
    assessment: _Record, frame: Optional[_Record] = None, options: Optional[dict[str, Any]] = None
) -> dict[str, Any]: ...
def sample_roster(seed: int = ..., households: int = ...) -> list[dict[str, Any]]: ...
def sample_dna(seed: int = ...) -> dict[str, Any]: ...
def district_report(
    table: _ArrowStream,
    dna: Optional[_Record] = None,
    district_name: Optional[str] = None,
    names: Optional[dict[int, str]] = None,
    table_options: Optional[dict[str, Any]] = None,
    options: Optional[dict[str, Any]] = None,
) -> tuple[dict[str, Any], str, str]: ...
def _panic_guard_selftest() -> None:
    """Panics inside the guard every call uses (for the tests): raises InternalError."""
