//! A small dense linear-programme solver (bounded-variable primal simplex,
//! two phases, Bland's rule), used by cell suppression to find which cells to
//! hide and to audit what a reader can still work out.
//!
//! The problems are tiny (tens of equations, a few hundred variables) and have
//! small integer data, so a dense tableau in `f64` with a fixed tolerance is
//! exact enough; Bland's rule rules out cycling.

/// Tolerance for "zero".
const EPS: f64 = 1e-9;
/// A guard on pivots: far more than any problem here needs.
const MAX_PIVOTS: usize = 50_000;

/// `minimise c·x subject to A x = b, lo ≤ x ≤ hi` (rows of `a` are sparse:
/// `(variable, coefficient)` pairs).
#[derive(Debug, Clone, Default)]
pub(crate) struct Problem {
    /// Cost of each variable.
    pub cost: Vec<f64>,
    /// Lower bound of each variable.
    pub lo: Vec<f64>,
    /// Upper bound of each variable.
    pub hi: Vec<f64>,
    /// Equations: coefficients and right-hand side.
    pub rows: Vec<(Vec<(usize, f64)>, f64)>,
}

/// The result of a solve.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    /// An optimal point.
    Optimal(Vec<f64>),
    /// No point satisfies the constraints.
    Infeasible,
    /// The pivot guard was hit (treated by callers as "could not prove").
    GaveUp,
}

struct Tableau {
    /// m rows × (n + m) columns (structural variables, then artificials).
    t: Vec<Vec<f64>>,
    /// Value of each row's basic variable.
    beta: Vec<f64>,
    /// Basic variable of each row.
    basis: Vec<usize>,
    /// Width of each variable's range (upper bound after shifting lower to 0).
    width: Vec<f64>,
    /// True when a nonbasic variable sits at its upper bound.
    at_upper: Vec<bool>,
    /// True when the variable is basic.
    basic: Vec<bool>,
}

impl Tableau {
    fn cols(&self) -> usize {
        self.width.len()
    }

    /// Run simplex iterations for cost `c` (length = columns); false when the guard trips.
    fn optimise(&mut self, c: &[f64]) -> bool {
        for _ in 0..MAX_PIVOTS {
            // Reduced costs d_j = c_j − Σ c_B(i) t[i][j].
            let entering = (0..self.cols()).find(|&j| {
                if self.basic[j] || self.width[j] <= EPS {
                    return false;
                }
                let d = c[j]
                    - self
                        .t
                        .iter()
                        .zip(&self.basis)
                        .map(|(row, &b)| c[b] * row[j])
                        .sum::<f64>();
                if self.at_upper[j] {
                    d > EPS
                } else {
                    d < -EPS
                }
            });
            let Some(j) = entering else { return true };
            // Moving j by +t (from lower) or −t (from upper).
            let dir = if self.at_upper[j] { -1.0 } else { 1.0 };
            let mut step = self.width[j];
            let mut leave: Option<(usize, bool)> = None;
            for (i, row) in self.t.iter().enumerate() {
                let alpha = row[j] * dir;
                let b = self.basis[i];
                let limit = if alpha > EPS {
                    Some((self.beta[i] / alpha, false))
                } else if alpha < -EPS && self.width[b].is_finite() {
                    Some(((self.width[b] - self.beta[i]) / -alpha, true))
                } else {
                    None
                };
                if let Some((s, up)) = limit {
                    let better = s < step - EPS
                        || (s < step + EPS && leave.is_some_and(|(r, _)| b < self.basis[r]));
                    if better {
                        step = s.max(0.0);
                        leave = Some((i, up));
                    }
                }
            }
            if !step.is_finite() {
                return false;
            }
            for (i, row) in self.t.iter().enumerate() {
                self.beta[i] -= step * dir * row[j];
            }
            match leave {
                None => self.at_upper[j] = !self.at_upper[j],
                Some((r, up)) => {
                    let entering_value = if self.at_upper[j] {
                        self.width[j] - step
                    } else {
                        step
                    };
                    let old = self.basis[r];
                    self.basic[old] = false;
                    self.at_upper[old] = up;
                    self.basic[j] = true;
                    self.at_upper[j] = false;
                    self.basis[r] = j;
                    self.beta[r] = entering_value;
                    self.pivot(r, j);
                }
            }
        }
        false
    }

    fn pivot(&mut self, r: usize, j: usize) {
        let p = self.t[r][j];
        self.t[r].iter_mut().for_each(|v| *v /= p);
        let pivot_row = self.t[r].clone();
        for (i, row) in self.t.iter_mut().enumerate() {
            let f = row[j];
            if i != r && f.abs() > 0.0 {
                row.iter_mut()
                    .zip(&pivot_row)
                    .for_each(|(v, pv)| *v -= f * pv);
            }
        }
    }
}

/// Solve `p`.
pub(crate) fn solve(p: &Problem) -> Outcome {
    match Feasible::of(p) {
        Ok(mut f) => f.minimise(&p.cost),
        Err(outcome) => outcome,
    }
}

/// A problem's constraints with a feasible basis found (phase 1 done): it can
/// be minimised for several costs in turn, each starting from the last
/// optimum (the ends of many cells' ranges over the same constraints).
pub(crate) struct Feasible {
    tab: Tableau,
    lo: Vec<f64>,
    width: Vec<f64>,
}

impl Feasible {
    /// Phase 1 for the constraints of `p` (its cost is not used); the
    /// outcome when there is no feasible point or the guard tripped.
    pub(crate) fn of(p: &Problem) -> Result<Feasible, Outcome> {
        let n = p.cost.len();
        let m = p.rows.len();
        // Shift every variable to [0, width]; move the shift into the right-hand side.
        let width: Vec<f64> = (0..n).map(|j| p.hi[j] - p.lo[j]).collect();
        if width.iter().any(|w| *w < -EPS) {
            return Err(Outcome::Infeasible);
        }
        let mut t = vec![vec![0.0; n + m]; m];
        let mut beta = vec![0.0; m];
        for (i, (coefs, rhs)) in p.rows.iter().enumerate() {
            let mut b = *rhs;
            for &(j, a) in coefs {
                if j < n {
                    t[i][j] += a;
                    b -= a * p.lo[j];
                }
            }
            // Artificial basics need a non-negative right-hand side.
            if b < 0.0 {
                t[i].iter_mut().for_each(|v| *v = -*v);
                b = -b;
            }
            t[i][n + i] = 1.0;
            beta[i] = b;
        }
        let mut all_width = width.clone();
        all_width.extend(std::iter::repeat_n(f64::INFINITY, m));
        let mut tab = Tableau {
            t,
            beta,
            basis: (n..n + m).collect(),
            width: all_width,
            at_upper: vec![false; n + m],
            basic: (0..n + m).map(|j| j >= n).collect(),
        };
        // Phase 1: drive the artificials to zero.
        let mut c1 = vec![0.0; n + m];
        c1.iter_mut().skip(n).for_each(|v| *v = 1.0);
        if !tab.optimise(&c1) {
            return Err(Outcome::GaveUp);
        }
        let infeasibility: f64 = tab
            .basis
            .iter()
            .zip(&tab.beta)
            .filter(|(b, _)| **b >= n)
            .map(|(_, v)| *v)
            .sum();
        if infeasibility > 1e-7 {
            return Err(Outcome::Infeasible);
        }
        // Phase 2 keeps the artificials pinned at zero.
        for j in n..n + m {
            tab.width[j] = 0.0;
            tab.at_upper[j] = false;
        }
        Ok(Feasible {
            tab,
            lo: p.lo.clone(),
            width,
        })
    }

    /// Minimise `cost` (one entry a variable) over the constraints.
    pub(crate) fn minimise(&mut self, cost: &[f64]) -> Outcome {
        let n = self.width.len();
        let mut c2: Vec<f64> = (0..n)
            .map(|j| cost.get(j).copied().unwrap_or(0.0))
            .collect();
        c2.extend(std::iter::repeat_n(0.0, self.tab.cols() - n));
        if !self.tab.optimise(&c2) {
            return Outcome::GaveUp;
        }
        let mut x: Vec<f64> = (0..n)
            .map(|j| {
                if self.tab.at_upper[j] {
                    self.width[j]
                } else {
                    0.0
                }
            })
            .collect();
        for (i, &b) in self.tab.basis.iter().enumerate() {
            if b < n {
                x[b] = self.tab.beta[i];
            }
        }
        Outcome::Optimal(x.iter().zip(&self.lo).map(|(v, lo)| v + lo).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(p: &Problem) -> f64 {
        match solve(p) {
            Outcome::Optimal(x) => x.iter().zip(&p.cost).map(|(a, b)| a * b).sum(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn small_problems() {
        // max x + y st x + 2y = 4, 0≤x≤3, 0≤y≤5  → x=3, y=0.5: 3.5
        let p = Problem {
            cost: vec![-1.0, -1.0],
            lo: vec![0.0, 0.0],
            hi: vec![3.0, 5.0],
            rows: vec![(vec![(0, 1.0), (1, 2.0)], 4.0)],
        };
        assert!((value(&p) + 3.5).abs() < 1e-9);
        // min x st x − y = −2, x,y in [0,10] → x = 0
        let p = Problem {
            cost: vec![1.0, 0.0],
            lo: vec![0.0, 0.0],
            hi: vec![10.0, 10.0],
            rows: vec![(vec![(0, 1.0), (1, -1.0)], -2.0)],
        };
        assert!(value(&p).abs() < 1e-9);
        // Shifted bounds: min x, x + y = 1, x in [−3, 3], y in [2, 4] → x = −3
        let p = Problem {
            cost: vec![1.0, 0.0],
            lo: vec![-3.0, 2.0],
            hi: vec![3.0, 4.0],
            rows: vec![(vec![(0, 1.0), (1, 1.0)], 1.0)],
        };
        assert!((value(&p) + 3.0).abs() < 1e-9);
        // Infeasible: x + y = 10 with both ≤ 3.
        let p = Problem {
            cost: vec![0.0, 0.0],
            lo: vec![0.0, 0.0],
            hi: vec![3.0, 3.0],
            rows: vec![(vec![(0, 1.0), (1, 1.0)], 10.0)],
        };
        assert_eq!(solve(&p), Outcome::Infeasible);
    }
}
