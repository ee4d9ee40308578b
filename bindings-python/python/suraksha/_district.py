"""Indicators, DNA, CCI review, the sample district and the report.

Indicators are computed as a :class:`IndicatorPartial` (integer counts per
cell) that pickles and merges exactly, so a partitioned roster can be
aggregated partition by partition (on Dask workers, say) and merged into the
same result a single process gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

from . import _suraksha

if TYPE_CHECKING:
    from . import ArrowStreamExportable, DateLike, Record

__all__ = [
    "RejectedRowsWarning",
    "DistrictReport",
    "IndicatorPartial",
    "cci_review",
    "district_report",
    "dna_baseline",
    "indicator_catalogue",
    "indicator_partial",
    "indicators",
    "sample_dna",
    "sample_roster",
]


def _options(locale: str, today: Optional[DateLike], profile: Optional[dict[str, Any]]) -> dict[str, Any]:
    from . import _options as build

    return build(locale, today, profile)


def _table_options(
    level: str,
    by: Optional[Sequence[str]],
    suppression: Optional[dict[str, Any]],
    design_effect: float,
    design: str = "survey",
) -> dict[str, Any]:
    options: dict[str, Any] = {"level": level, "by": list(by or []), "design_effect": design_effect, "design": design}
    if suppression is not None:
        options["suppression"] = suppression
    return options


@dataclass(frozen=True)
class IndicatorPartial:
    """A partial aggregate of the roster indicators: picklable, merged exactly
    (integer counts), in any order, with :meth:`merge` or :meth:`merge_all`."""

    #: The core's partial aggregate as JSON text (what pickling carries).
    json: str
    #: Rows of this partial's input table that failed validation (`row` is
    #: the row number within that table, `report` its report).
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def merge(self, other: IndicatorPartial) -> IndicatorPartial:
        """This partial merged with another one."""
        return IndicatorPartial.merge_all([self, other])

    @staticmethod
    def merge_all(parts: Iterable[IndicatorPartial]) -> IndicatorPartial:
        """Every partial merged into one (at least one is needed)."""
        parts = list(parts)
        merged = _suraksha.merge_partials([p.json for p in parts])
        return IndicatorPartial(merged, [r for p in parts for r in p.rejected])

    def tables(
        self,
        *,
        level: str = "block",
        by: Optional[Sequence[str]] = None,
        suppression: Optional[dict[str, Any]] = None,
        design_effect: float = 1.0,
        locale: str = "en",
        design: str = "survey",
    ) -> Any:
        """Every indicator's table as one ``pyarrow.Table``, a row per published
        cell: geography (``level``, ``district``, ``block``, ``village``), the
        breakdown columns of ``by``, ``numerator``, ``denominator``, ``value``
        (weighted), the 95 % interval, ``std_error``, ``design_effect``,
        ``effective_n``, ``suppressed`` and ``display``. ``design="survey"``
        (the default) uses the roster's weights, strata and clusters (the village
        when no ``cluster`` column is given); ``"srs"`` treats rows as a simple
        random sample. Small cells are suppressed unless
        ``suppression={"enabled": False}``."""
        import pyarrow

        opts = _table_options(level, by, suppression, design_effect, design)
        native = _suraksha.indicator_tables(self.json, opts, {"locale": locale})
        return pyarrow.table(native)


def indicator_catalogue() -> list[dict[str, Any]]:
    """The built-in indicator definitions (ids, titles in English and Hindi, units)."""
    catalogue = _suraksha.indicator_catalogue()
    return list(catalogue["indicators"]) if isinstance(catalogue, dict) else list(catalogue)


def indicator_partial(
    roster: ArrowStreamExportable,
    *,
    indicators: Optional[Sequence[str]] = None,
    age_bands: Optional[list[dict[str, int]]] = None,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> IndicatorPartial:
    """The partial aggregate of a roster table (pandas, polars, pyarrow, duckdb:
    one ``roster_row`` per row; invalid rows are left out and listed in
    :attr:`IndicatorPartial.rejected`). A table whose columns are roster fields
    (numbers, category names as strings or dictionaries, booleans, survey dates)
    is converted column by column, any other (e.g. with birth dates) row by row;
    both give the same result and the same rejected rows."""
    ids = list(indicators) if indicators is not None else None
    text, rejected = _suraksha.indicator_partial(roster, ids, age_bands, _options(locale, today, profile))
    return IndicatorPartial(text, rejected)


def indicators(
    roster: ArrowStreamExportable,
    *,
    level: str = "block",
    by: Optional[Sequence[str]] = None,
    suppression: Optional[dict[str, Any]] = None,
    design_effect: float = 1.0,
    locale: str = "en",
    today: Optional[DateLike] = None,
    design: str = "survey",
    on_rejected: str = "warn",
) -> Any:
    """The indicator tables of a roster table in one call (a ``pyarrow.Table``):
    :func:`indicator_partial` then :meth:`IndicatorPartial.tables`. Rows that
    fail validation are left out: ``on_rejected="warn"`` (the default) warns
    with their row numbers and codes (:class:`RejectedRowsWarning`),
    ``"raise"`` raises ``ValueError`` instead, ``"ignore"`` says nothing; when
    rows were given and every one was rejected it always raises."""
    import json

    partial = indicator_partial(roster, locale=locale, today=today)
    kept = json.loads(partial.json).get("rows", 0)
    _report_rejected(partial.rejected, "raise" if partial.rejected and not kept else on_rejected)
    return partial.tables(
        level=level, by=by, suppression=suppression, design_effect=design_effect, locale=locale, design=design
    )


def _report_rejected(rejected: list[dict[str, Any]], on_rejected: str) -> None:
    if on_rejected not in ("warn", "raise", "ignore"):
        raise ValueError("on_rejected must be 'warn', 'raise' or 'ignore'")
    if not rejected:
        return
    def codes(r: dict[str, Any]) -> str:
        diags = (r.get("report") or {}).get("diagnostics") or []
        return ", ".join(sorted({str(d.get("code")) for d in diags if d.get("severity") == "error"}))
    listed = "; ".join(f"row {r.get('row')}: {codes(r)}" for r in rejected[:20])
    more = f" (and {len(rejected) - 20} more)" if len(rejected) > 20 else ""
    message = f"{len(rejected)} roster row(s) rejected and left out: {listed}{more}"
    if on_rejected == "raise":
        # A suraksha exception (a ValueError too), carrying every rejected row's report.
        from ._errors import InputError

        raise InputError(message, {"valid": False, "diagnostics": [d for r in rejected for d in ((r.get("report") or {}).get("diagnostics") or [])]})
    if on_rejected == "warn":
        import warnings

        warnings.warn(message, RejectedRowsWarning, stacklevel=3)


class RejectedRowsWarning(UserWarning):
    """Roster rows were rejected by validation and left out of the indicators."""


def dna_baseline(
    dataset: Record,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]:
    """Triangulate a District Need Assessment dataset: village ranking, block and
    district roll-ups, DCPP priorities. Raises :class:`ValidationError` when a record is invalid."""
    return _suraksha.dna_baseline(dataset, _options(locale, today, profile))


def cci_review(
    assessment: Record,
    frame: Optional[Record] = None,
    *,
    locale: str = "en",
    today: Optional[DateLike] = None,
    profile: Optional[dict[str, Any]] = None,
) -> dict[str, Any]:
    """Score a Child Care Institution assessment against a review frame (the
    shipped JJ 2016 frame by default). Raises :class:`ValidationError` when invalid."""
    return _suraksha.cci_review(assessment, frame, _options(locale, today, profile))


def sample_roster(seed: int = 2026, households: int = 18) -> list[dict[str, Any]]:
    """The synthetic household roster of the pilot district (Madhubani, 63
    villages): ``households`` per village, at most 2 000 (a larger or negative
    number raises :class:`InputError`, code ``out_of_range``); pass it to
    ``pandas.DataFrame``."""
    if isinstance(households, int) and not isinstance(households, bool):
        # Beyond the native integer the count is out of range all the same.
        households = max(min(households, 2**63 - 1), -(2**63))
    return _suraksha.sample_roster(seed, households)


def sample_dna(seed: int = 2026) -> dict[str, Any]:
    """The synthetic DNA dataset of the pilot district, for :func:`dna_baseline`."""
    return _suraksha.sample_dna(seed)


@dataclass(frozen=True)
class DistrictReport:
    """The district baseline report."""

    #: The report as data (indicator tables, DNA baseline, rejected rows).
    data: dict[str, Any]
    #: A plain-text summary.
    summary: str
    #: A self-contained HTML page.
    html: str


def district_report(
    roster: ArrowStreamExportable,
    dna: Optional[Record] = None,
    *,
    district_name: str = "Madhubani",
    names: Optional[dict[int, str]] = None,
    locale: str = "en",
    today: Optional[DateLike] = None,
) -> DistrictReport:
    """The district report from a roster table and, optionally, a DNA dataset
    (block and village names come from it, or from ``names`` by LGD code);
    ``locale="hi"`` writes the summary and the page in Hindi."""
    options = _options(locale, today, None)
    data, summary, html = _suraksha.district_report(roster, dna, district_name, names, None, options)
    return DistrictReport(data, summary, html)
