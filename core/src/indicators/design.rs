//! Design-based estimates: the weighted ratio of a table cell, its variance
//! by Taylor linearisation with clusters (PSUs) within strata — the method of
//! R's `survey` (`svyratio`, `svyby`) and Stata's `svy: ratio` — the design
//! effect, and a 95 % Wilson interval on the effective sample size.
//!
//! For a cell (a domain) with weighted numerator Y and denominator X, R = Y/X.
//! Each cluster i of stratum h gives z_hi = Σ w (y − R x) over its rows in
//! the cell (zero for a cluster where the cell has no one). Then
//! v(R) = Σ_h n_h/(n_h − 1) Σ_i (z_hi − z̄_h)² / X², with n_h the clusters of
//! stratum h that were sampled (with-replacement approximation, no finite
//! population correction; a stratum with one cluster adds nothing, as with
//! `survey.lonely.psu = "certainty"`).
//!
//! The design effect is v(R) over the simple-random-sampling variance
//! p(1 − p)/n of the same n rows; the effective sample size is
//! n_eff = min(n, p(1 − p)/v(R)) (Korn and Graubard 1998: never above n), and
//! the interval is Wilson's on x_eff = p·n_eff successes in n_eff trials. In a
//! simple random sample with no weights and every row its own cluster,
//! n_eff = n − 1 and the interval is today's Wilson interval on n − 1 rows;
//! [`Design::Srs`] keeps exactly the binomial interval of the unweighted counts.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aggregate::{Count, WEIGHT_UNIT};
use super::table::wilson;

/// How sampling is taken into account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Design {
    /// The roster's design: weights, strata and clusters (the village when no
    /// cluster column is given — the DNA visits households village by village).
    #[default]
    Survey,
    /// Unweighted counts and binomial intervals, as if rows were a simple
    /// random sample (divided by `design_effect` when it is above 1).
    Srs,
}

/// Weighted (numerator, denominator) sums of one cell by (stratum, cluster), in millionths.
pub(crate) type ClusterSums = BTreeMap<(u32, u32), (u64, u64)>;

/// A cell's estimate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Estimate {
    /// The proportion.
    pub p: f64,
    /// Its standard error.
    pub se: f64,
    /// Design effect (none when p is 0 or 1).
    pub deff: Option<f64>,
    /// Effective sample size.
    pub n_eff: f64,
    /// 95 % interval.
    pub ci: (f64, f64),
}

/// The estimate of cell `c` under the survey design: `sums` are its cluster
/// sums, `strata` the number of clusters sampled in each stratum.
pub(crate) fn survey(
    c: Count,
    sums: &ClusterSums,
    strata: &BTreeMap<u32, usize>,
) -> Option<Estimate> {
    let x_total = c.weighted_denominator as f64 / WEIGHT_UNIT;
    let n = c.denominator as f64;
    if x_total <= 0.0 || n <= 0.0 {
        return None;
    }
    let p = (c.weighted_numerator as f64 / WEIGHT_UNIT / x_total).clamp(0.0, 1.0);
    let mut by_stratum: BTreeMap<u32, Vec<f64>> = BTreeMap::new();
    for (&(h, _), &(wy, wx)) in sums {
        let z = (wy as f64 - p * wx as f64) / WEIGHT_UNIT;
        by_stratum.entry(h).or_default().push(z);
    }
    let mut v = 0.0;
    for (h, zs) in &by_stratum {
        let n_h = strata.get(h).copied().unwrap_or(zs.len()).max(zs.len());
        if n_h < 2 {
            continue;
        }
        let n_h = n_h as f64;
        let mean = zs.iter().sum::<f64>() / n_h;
        let absent = n_h - zs.len() as f64;
        let ss = zs.iter().map(|z| (z - mean).powi(2)).sum::<f64>() + absent * mean * mean;
        v += n_h / (n_h - 1.0) * ss;
    }
    let v = v / (x_total * x_total);
    let pq = p * (1.0 - p);
    let n_eff = if v > 0.0 && pq > 0.0 {
        (pq / v).min(n)
    } else {
        n
    };
    let ci = wilson(p * n_eff, n_eff)?;
    Some(Estimate {
        p,
        se: v.sqrt(),
        deff: (pq > 0.0).then(|| v / (pq / n)),
        n_eff,
        ci,
    })
}

/// The estimate of cell `c` as a simple random sample of its unweighted rows,
/// with a fixed design effect `deff` (1: none).
pub(crate) fn srs(c: Count, deff: f64) -> Option<Estimate> {
    let n = c.denominator as f64;
    let x = c.numerator as f64;
    if n <= 0.0 {
        return None;
    }
    let deff = if deff >= 1.0 { deff } else { 1.0 };
    let p = x / n;
    Some(Estimate {
        p,
        se: (p * (1.0 - p) * deff / n).sqrt(),
        deff: Some(deff),
        n_eff: n / deff,
        ci: wilson(x / deff, n / deff)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(x: u64, n: u64) -> Count {
        let u = WEIGHT_UNIT as u64;
        Count {
            numerator: x,
            denominator: n,
            weighted_numerator: x * u,
            weighted_denominator: n * u,
        }
    }

    /// Every row its own cluster, one stratum, no weights: v = p(1 − p)/(n − 1).
    #[test]
    fn rows_as_clusters_give_the_textbook_srs_variance() {
        let u = WEIGHT_UNIT as u64;
        let (x, n) = (12u64, 40u64);
        let sums: ClusterSums = (0..n as u32)
            .map(|i| ((0, i), (if u64::from(i) < x { u } else { 0 }, u)))
            .collect();
        let strata = BTreeMap::from([(0, n as usize)]);
        let e = survey(count(x, n), &sums, &strata).unwrap();
        let p = 0.3;
        assert!((e.se.powi(2) - p * (1.0 - p) / 39.0).abs() < 1e-12);
        assert!((e.n_eff - 39.0).abs() < 1e-9);
        assert!((e.deff.unwrap() - 40.0 / 39.0).abs() < 1e-9);
    }

    /// Whole clusters of identical answers: the effective sample is the number of clusters.
    #[test]
    fn identical_clusters_shrink_the_sample_to_the_clusters() {
        let u = WEIGHT_UNIT as u64;
        // 10 clusters of 8 rows; 4 clusters all yes, 6 all no.
        let sums: ClusterSums = (0..10u32)
            .map(|i| ((0, i), (if i < 4 { 8 * u } else { 0 }, 8 * u)))
            .collect();
        let strata = BTreeMap::from([(0, 10)]);
        let e = survey(count(32, 80), &sums, &strata).unwrap();
        // z_i = ±8·0.6 or −8·0.4 → v = 10/9 · Σ z² / 80² = p(1−p)/9.
        assert!((e.se.powi(2) - 0.24 / 9.0).abs() < 1e-12);
        assert!((e.n_eff - 9.0).abs() < 1e-9);
        assert!(e.deff.unwrap() > 8.0);
        let srs = srs(count(32, 80), 1.0).unwrap();
        assert!(e.ci.0 < srs.ci.0 && e.ci.1 > srs.ci.1);
    }
}
