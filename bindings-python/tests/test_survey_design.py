"""Design-based indicators against an independent reference: samplics'
Taylor-linearised ratio estimator (the method of R's survey and Stata's svy)
on the same rows, with weights, strata and clusters; and the unweighted
simple-random-sampling case reducing to the plain Wilson interval."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest

import suraksha

samplics = pytest.importorskip("samplics")
from samplics.estimation import TaylorEstimator  # noqa: E402
from samplics.utils.types import PopParam  # noqa: E402

Z = 1.959963984540054


def wilson(x: float, n: float) -> tuple[float, float]:
    p = x / n
    d = 1 + Z * Z / n
    c = (p + Z * Z / (2 * n)) / d
    h = Z / d * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return max(0.0, c - h), min(1.0, c + h)


@pytest.fixture(scope="module")
def roster() -> pd.DataFrame:
    df = pd.DataFrame(suraksha.sample_roster(seed=11, households=12))
    rng = np.random.default_rng(5)
    # Blocks as strata, households grouped four to a cluster, weights with two decimals.
    df["stratum"] = df["block"]
    hh = df["household"].str.extract(r"-(\d+)$")[0].astype(int)
    df["cluster"] = df["village"] * 10 + (hh - 1) // 4 + 1
    df["weight"] = np.round(rng.uniform(0.5, 4.0, len(df)), 2)
    return df


def reference(df: pd.DataFrame, domain: pd.Series | None) -> pd.DataFrame:
    # SDG 16.9.1: birth registered among children under 5.
    x = (df["age"] < 5).astype(float).to_numpy()
    y = ((df["birth_registered"] == True) & (df["age"] < 5)).astype(float).to_numpy()  # noqa: E712
    est = TaylorEstimator(PopParam.ratio)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        est.estimate(
            y=y, x=x, samp_weight=df["weight"].to_numpy(), stratum=df["stratum"].to_numpy(),
            psu=df["cluster"].to_numpy(), domain=None if domain is None else domain.to_numpy(),
        )
    if domain is None:
        return pd.DataFrame({"key": ["all"], "p": [est.point_est], "se": [est.stderror]})
    keys = list(est.point_est)
    return pd.DataFrame({"key": [str(k) for k in keys], "p": [est.point_est[k] for k in keys],
                         "se": [est.stderror[k] for k in keys]})


def test_weighted_stratified_clustered_estimates_match_samplics(roster: pd.DataFrame) -> None:
    tables = suraksha.indicators(roster, level="block", by=["sex"], suppression={"enabled": False}).to_pandas()
    t = tables[tables["indicator"] == "sdg_16_9_1"]
    district = t[(t["level"] == "district") & t["sex"].isna()].iloc[0]
    ref = reference(roster, None).iloc[0]
    assert district["value"] == pytest.approx(100 * ref["p"], rel=1e-9)
    assert district["std_error"] == pytest.approx(100 * ref["se"], rel=1e-6)
    n = district["denominator"]
    p = ref["p"]
    n_eff = min(n, p * (1 - p) / ref["se"] ** 2)
    assert district["effective_n"] == pytest.approx(n_eff, rel=1e-6)
    assert district["design_effect"] == pytest.approx(ref["se"] ** 2 / (p * (1 - p) / n), rel=1e-6)
    lo, hi = wilson(p * n_eff, n_eff)
    assert (district["ci_low"], district["ci_high"]) == (pytest.approx(100 * lo, rel=1e-6), pytest.approx(100 * hi, rel=1e-6))
    # Domains: each sex in the district, each block.
    by_sex = reference(roster, roster["sex"])
    for _, r in by_sex.iterrows():
        row = t[(t["level"] == "district") & (t["sex"] == r["key"])]
        if len(row):
            assert row.iloc[0]["value"] == pytest.approx(100 * r["p"], rel=1e-9)
            assert row.iloc[0]["std_error"] == pytest.approx(100 * r["se"], rel=1e-6)
    by_block = reference(roster, roster["block"])
    for _, r in by_block.iterrows():
        row = t[(t["level"] == "block") & (t["block"] == int(r["key"])) & t["sex"].isna()].iloc[0]
        assert row["value"] == pytest.approx(100 * r["p"], rel=1e-9)
        assert row["std_error"] == pytest.approx(100 * r["se"], rel=1e-6)


def test_villages_are_the_clusters_by_default(roster: pd.DataFrame) -> None:
    plain = roster.drop(columns=["stratum", "cluster", "weight"])
    t = suraksha.indicators(plain, level="district", suppression={"enabled": False}).to_pandas()
    row = t[t["indicator"] == "sdg_16_9_1"].iloc[0]
    ref_df = plain.assign(weight=1.0, stratum=1, cluster=plain["village"])
    ref = reference(ref_df, None).iloc[0]
    assert row["std_error"] == pytest.approx(100 * ref["se"], rel=1e-6)
    assert row["design_effect"] > 0


def test_unweighted_srs_is_the_plain_wilson_interval(roster: pd.DataFrame) -> None:
    plain = roster.drop(columns=["stratum", "cluster", "weight"])
    t = suraksha.indicators(plain, level="district", design="srs", suppression={"enabled": False}).to_pandas()
    row = t[t["indicator"] == "sdg_16_9_1"].iloc[0]
    lo, hi = wilson(row["numerator"], row["denominator"])
    assert row["value"] == pytest.approx(100 * row["numerator"] / row["denominator"])
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(100 * lo), pytest.approx(100 * hi))
    assert row["design_effect"] == 1.0


def test_rejected_rows_warn_or_raise(roster: pd.DataFrame) -> None:
    bad = roster.head(50).copy()
    bad.loc[bad.index[:2], "age"] = 30
    with pytest.warns(suraksha.RejectedRowsWarning, match="row 0: out_of_range"):
        suraksha.indicators(bad)
    with pytest.raises(ValueError, match="2 roster row"):
        suraksha.indicators(bad, on_rejected="raise")
    all_bad = bad.assign(age=30)
    with pytest.raises(ValueError):
        suraksha.indicators(all_bad, on_rejected="ignore")
