//! Small-cell suppression that holds against a reader with every published
//! table (JJ Act s.74, POCSO s.23; domain.md §6).
//!
//! What is protected: the numerators (children with the attribute).
//! Denominators are population counts and are always published; a published
//! zero is not a disclosure.
//!
//! **Primary** cells: a numerator between 1 and k − 1, or (with `complement`)
//! fewer than k people *not* counted (a rate near 100 % over a small group
//! discloses as much as one near 0 %).
//!
//! **Protection**: every hidden cell with a positive numerator x (over a
//! denominator d) must keep a feasible range — the values consistent with all
//! published figures, the table's sums, whole numbers and 0 ≤ x ≤ d — at
//! least min(p, d) wide, p being the protection width (by default the
//! threshold k). This is the sliding protection range of tau-Argus: a reader
//! may learn that a hidden 3 lies in 0–10, never that it lies in 2–4.
//!
//! **Complementary** cells are chosen as tau-Argus and sdcTable do with linear
//! programming: for each hidden cell and each direction, a small LP moves the
//! cell to each end of a protection interval around it while keeping every sum, at the
//! least cost of moving published cells (cost grows with a cell's
//! denominator, so small figures go first and one cell is preferred to many);
//! every published cell the LP had to move is hidden. Hiding more never
//! narrows a range, so one pass over the hidden cells suffices. The LP is
//! first tried on the cell's neighbourhood (its siblings and their parts) and
//! on the whole table when that fails. One mark ([`Suppression::MARK`]) shows
//! every hidden cell, so the mark tells nothing about its size.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aggregate::Count;
use super::lp::{solve, Feasible, Outcome, Problem};
use crate::profile::DisclosureRule;

/// Suppression settings of one call. A value left out is the rule profile's
/// ([`DisclosureRule`], `disclosure`; by default k = 10, the complement rule
/// on, p = k); a built table states every value it used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Suppression {
    /// Turn suppression on (default) or off (for internal, non-published use only).
    pub enabled: bool,
    /// Numerators below this are hidden (none: the profile's).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub threshold: Option<u64>,
    /// Also hide rates where denominator − numerator is below the threshold
    /// (none: the profile's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complement: Option<bool>,
    /// Protection width p: a reader must not narrow a hidden numerator to a
    /// range narrower than p (or its denominator); none means the profile's,
    /// and the threshold when the profile gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protection: Option<u64>,
}

impl Default for Suppression {
    fn default() -> Self {
        Suppression {
            enabled: true,
            threshold: None,
            complement: None,
            protection: None,
        }
    }
}

impl Suppression {
    /// The one mark shown for every hidden cell.
    pub const MARK: &'static str = "*";

    /// The text shown in place of a hidden cell.
    pub fn display(&self) -> String {
        Self::MARK.to_owned()
    }

    /// Every value this call leaves out taken from `rule` (a profile's), so
    /// the result states all the values used. A protection width that
    /// neither gives is the threshold.
    pub fn resolve(&self, rule: &DisclosureRule) -> Suppression {
        let threshold = self.threshold.unwrap_or(rule.threshold);
        // A threshold set for this call without a width keeps p = k.
        let protection = match (self.protection, self.threshold) {
            (Some(p), _) => p,
            (None, Some(k)) => k,
            (None, None) => rule.protection.unwrap_or(threshold),
        };
        Suppression {
            enabled: self.enabled,
            threshold: Some(threshold),
            complement: Some(self.complement.unwrap_or(rule.complement)),
            protection: Some(protection),
        }
    }

    /// The threshold k (the default profile's when not set).
    pub fn threshold(&self) -> u64 {
        self.threshold
            .unwrap_or_else(|| DisclosureRule::default().threshold)
    }

    /// Whether the complement rule applies (the default profile's when not set).
    pub fn complement(&self) -> bool {
        self.complement
            .unwrap_or_else(|| DisclosureRule::default().complement)
    }

    /// The protection width p.
    pub fn width(&self) -> u64 {
        self.resolve(&DisclosureRule::default())
            .protection
            .unwrap_or_else(|| self.threshold())
    }

    /// True when the cell must be hidden on its own counts.
    pub fn primary(&self, c: Count) -> bool {
        if !self.enabled {
            return false;
        }
        let k = self.threshold();
        let small = |x: u64| x > 0 && x < k;
        let rest = c.denominator.saturating_sub(c.numerator);
        small(c.numerator) || (self.complement() && c.numerator > 0 && small(rest))
    }

    /// The interval a reader must not be able to narrow for a hidden cell:
    /// min(p, d) wide, around x as evenly as [0, d] allows (none when there is
    /// nothing to protect: a zero numerator). A range at least this wide
    /// anywhere around x is as good (the sliding protection range).
    pub fn interval(&self, c: Count) -> Option<(u64, u64)> {
        let (x, d) = (c.numerator, c.denominator.max(c.numerator));
        let need = self.width().min(d);
        (x > 0).then(|| {
            let below = x.min(need / 2);
            let above = (need - below).min(d - x);
            let below = need - above;
            (x - below.min(x), x + above)
        })
    }
}

/// A known order between two cells: the numerator of `inner` is at most that
/// of `outer` (an indicator nested in another by definition, such as married
/// before 15 within married before 18, at the same place and breakdown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nest {
    /// The cell whose numerator is the smaller.
    pub inner: usize,
    /// The cell whose numerator contains it.
    pub outer: usize,
}

/// Sibling cells whose counts add up to `total` (indices into the cell list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The published total.
    pub total: usize,
    /// Its parts.
    pub children: Vec<usize>,
}

/// Which cells to hide, when every cell is published: primary suppression,
/// then LP-chosen complementary cells (see the module documentation).
pub fn suppress(cells: &[Count], groups: &[Group], rule: &Suppression) -> Vec<bool> {
    suppress_nested(cells, groups, &[], rule)
}

/// [`suppress`] for cells that also keep known orders ([`Nest`]): tables of
/// nested indicators suppressed together, so that neither the sums nor the
/// order narrow a hidden cell, and a cell of either table may be a complement.
pub fn suppress_nested(
    cells: &[Count],
    groups: &[Group],
    nests: &[Nest],
    rule: &Suppression,
) -> Vec<bool> {
    let unpublished = vec![false; cells.len()];
    suppress_with(cells, groups, nests, rule, &unpublished, &|_| None)
}

/// The relations a reader knows besides the bounds 0 ≤ x ≤ d: sums and orders.
struct Relations<'a> {
    groups: &'a [Group],
    nests: &'a [Nest],
    /// Groups each cell is in.
    member_of: Vec<Vec<usize>>,
    /// Nests each cell is in.
    nested_in: Vec<Vec<usize>>,
}

impl<'a> Relations<'a> {
    /// [`Relations::new`] for a reader's model, which must name only cells
    /// that exist: `None` when a group or a nesting points outside `cells`.
    fn checked(cells: &[Count], groups: &'a [Group], nests: &'a [Nest]) -> Option<Relations<'a>> {
        groups
            .iter()
            .flat_map(|g| std::iter::once(g.total).chain(g.children.iter().copied()))
            .chain(nests.iter().flat_map(|e| [e.inner, e.outer]))
            .all(|j| j < cells.len())
            .then(|| Relations::new(cells, groups, nests))
    }

    /// Orders the published counts contradict are left out: they are not
    /// knowledge (a catalogue that declared a nesting its predicates do not
    /// keep), and would make every programme infeasible.
    fn new(cells: &[Count], groups: &'a [Group], nests: &'a [Nest]) -> Relations<'a> {
        let n = cells.len();
        let mut member_of: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (g, group) in groups.iter().enumerate() {
            for i in std::iter::once(group.total).chain(group.children.iter().copied()) {
                if let Some(m) = member_of.get_mut(i) {
                    m.push(g);
                }
            }
        }
        let mut nested_in: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (e, nest) in nests.iter().enumerate() {
            let holds = match (cells.get(nest.inner), cells.get(nest.outer)) {
                (Some(a), Some(b)) => a.numerator <= b.numerator && nest.inner != nest.outer,
                _ => false,
            };
            if holds {
                nested_in[nest.inner].push(e);
                nested_in[nest.outer].push(e);
            }
        }
        Relations {
            groups,
            nests,
            member_of,
            nested_in,
        }
    }

    /// Every cell sharing a sum or an order with `i`.
    fn partners(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let in_groups = self.member_of.get(i).into_iter().flatten().flat_map(|&g| {
            let group = &self.groups[g];
            std::iter::once(group.total).chain(group.children.iter().copied())
        });
        let in_nests = self
            .nested_in
            .get(i)
            .into_iter()
            .flatten()
            .flat_map(|&e| [self.nests[e].inner, self.nests[e].outer]);
        in_groups.chain(in_nests).filter(move |&j| j != i)
    }
}

/// [`suppress_nested`] where some cells are never published (categories
/// merged for publication: they are hidden from the start and protected like
/// the rest), and `local` gives a cell's neighbourhood to try before all cells.
pub(crate) fn suppress_with(
    cells: &[Count],
    groups: &[Group],
    nests: &[Nest],
    rule: &Suppression,
    unpublished: &[bool],
    local: &dyn Fn(usize) -> Option<Vec<usize>>,
) -> Vec<bool> {
    let n = cells.len();
    let mut hidden: Vec<bool> = (0..n)
        .map(|i| unpublished.get(i).copied().unwrap_or(false))
        .collect();
    if !rule.enabled {
        return hidden;
    }
    for (h, c) in hidden.iter_mut().zip(cells) {
        *h |= rule.primary(*c);
    }
    let rel = Relations::new(cells, groups, nests);
    let top = cells
        .iter()
        .map(|c| c.denominator)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let cost: Vec<f64> = cells
        .iter()
        .map(|c| 1.0 + c.denominator as f64 / top)
        .collect();
    // Smallest first: their neighbourhoods are small and their partners are reused.
    let mut queue: Vec<usize> = (0..n).filter(|&i| hidden[i]).collect();
    queue.sort_by_key(|&i| std::cmp::Reverse(cells[i].denominator));
    let mut done = vec![false; n];
    // Ranges worked out so far: hiding more never narrows a range, so one
    // found wide enough stays so; the first look at a cell works out its
    // whole linked set at once.
    let mut known: Vec<Option<(f64, f64)>> = vec![None; n];
    while let Some(c) = queue.pop() {
        if std::mem::replace(&mut done[c], true) {
            continue;
        }
        let Some((want_lo, want_hi)) = rule.interval(cells[c]) else {
            continue;
        };
        // Already wide enough (a partner moving with a protected cell usually is).
        let need = (want_hi - want_lo) as f64;
        let wide = |r: &Option<(f64, f64)>| r.is_some_and(|(lo, hi)| hi - lo >= need - 1e-6);
        if wide(&known[c]) {
            continue;
        }
        let whole = known[c].is_none();
        for (j, r) in ranges_of(cells, &rel, &hidden, c, whole).unwrap_or_default() {
            if let Some(k) = known.get_mut(j) {
                *k = Some(r);
            }
        }
        if wide(&known[c]) {
            continue;
        }
        let x = cells[c].numerator as f64;
        for delta in [want_hi as f64 - x, want_lo as f64 - x] {
            if delta == 0.0 {
                continue;
            }
            let try_in =
                |scope: &[usize]| cells_to_move(cells, &rel, &hidden, &cost, scope, c, delta);
            let all: Vec<usize> = (0..n).collect();
            let moved = local(c).and_then(|s| try_in(&s)).or_else(|| try_in(&all));
            // No LP answer (should not happen): hide every partner of the cell.
            let moved = moved.unwrap_or_else(|| rel.partners(c).collect());
            for j in moved {
                if let Some(h) = hidden.get_mut(j).filter(|h| !**h) {
                    *h = true;
                    queue.push(j);
                }
            }
        }
    }
    hidden
}

/// The published cells that must move (and so be hidden) for cell `c` to
/// change by `delta` with every sum and order kept, at the least cost;
/// `None` when no such change exists within `scope`.
fn cells_to_move(
    cells: &[Count],
    rel: &Relations<'_>,
    hidden: &[bool],
    cost: &[f64],
    scope: &[usize],
    c: usize,
    delta: f64,
) -> Option<Vec<usize>> {
    let mut p = Problem::default();
    // var index of each scoped cell: hidden → one variable; published → up and down parts.
    let mut var: std::collections::HashMap<usize, (usize, Option<usize>)> = Default::default();
    for &j in scope {
        if var.contains_key(&j) {
            continue;
        }
        let a = cells[j].numerator as f64;
        let d = cells[j].denominator as f64;
        let k = p.cost.len();
        if hidden[j] {
            let (lo, hi) = if j == c { (delta, delta) } else { (-a, d - a) };
            p.cost.push(0.0);
            p.lo.push(lo);
            p.hi.push(hi);
            var.insert(j, (k, None));
        } else {
            p.cost.extend([cost[j], cost[j]]);
            p.lo.extend([0.0, 0.0]);
            p.hi.extend([d - a, a]);
            var.insert(j, (k, Some(k + 1)));
        }
    }
    if !var.contains_key(&c) {
        return None;
    }
    // The change of cell j: its variable, or up − down.
    let change = |row: &mut Vec<(usize, f64)>, j: usize, sign: f64| {
        if let Some(&(k, down)) = var.get(&j) {
            row.push((k, sign));
            if let Some(d) = down {
                row.push((d, -sign));
            }
        }
    };
    let mut touched: Vec<usize> = scope
        .iter()
        .flat_map(|&j| rel.member_of[j].iter().copied())
        .collect();
    touched.sort_unstable();
    touched.dedup();
    for g in touched {
        let group = &rel.groups[g];
        let mut row = Vec::new();
        change(&mut row, group.total, -1.0);
        group
            .children
            .iter()
            .for_each(|&j| change(&mut row, j, 1.0));
        p.rows.push((row, 0.0));
    }
    // inner + Δinner ≤ outer + Δouter: Δinner − Δouter + s = outer − inner, s ≥ 0.
    let mut orders: Vec<usize> = scope
        .iter()
        .flat_map(|&j| rel.nested_in[j].iter().copied())
        .collect();
    orders.sort_unstable();
    orders.dedup();
    for e in orders {
        let nest = rel.nests[e];
        let (a, b) = (cells[nest.inner], cells[nest.outer]);
        let mut row = Vec::new();
        change(&mut row, nest.inner, 1.0);
        change(&mut row, nest.outer, -1.0);
        row.push((p.cost.len(), 1.0));
        p.cost.push(0.0);
        p.lo.push(0.0);
        p.hi.push(b.denominator.max(b.numerator) as f64);
        p.rows.push((row, b.numerator as f64 - a.numerator as f64));
    }
    match solve(&p) {
        Outcome::Optimal(y) => Some(
            var.iter()
                .filter_map(|(&j, &(k, down))| {
                    let d = down?;
                    (y[k] + y[d] > 1e-7).then_some(j)
                })
                .collect(),
        ),
        Outcome::Infeasible | Outcome::GaveUp => None,
    }
}

/// The range of cell `i`'s numerator a reader can work out from every
/// published cell, the sums and 0 ≤ x ≤ d (the continuous relaxation, so
/// whole-number ranges are within it). `None` when the LP gave up.
pub fn feasible_range(
    cells: &[Count],
    groups: &[Group],
    hidden: &[bool],
    i: usize,
) -> Option<(f64, f64)> {
    feasible_range_nested(cells, groups, &[], hidden, i)
}

/// [`feasible_range`] for a reader who also knows the orders `nests`.
pub fn feasible_range_nested(
    cells: &[Count],
    groups: &[Group],
    nests: &[Nest],
    hidden: &[bool],
    i: usize,
) -> Option<(f64, f64)> {
    let rel = Relations::checked(cells, groups, nests)?;
    ranges_of(cells, &rel, hidden, i, false)?
        .into_iter()
        .find(|(j, _)| *j == i)
        .map(|(_, r)| r)
}

/// The feasible range of cell `i` and, with `whole`, of every hidden cell
/// linked to it (one phase 1 for them all). `None` when the LP gave up.
fn ranges_of(
    cells: &[Count],
    rel: &Relations<'_>,
    hidden: &[bool],
    i: usize,
    whole: bool,
) -> Option<Vec<(usize, (f64, f64))>> {
    let is_hidden = |j: usize| hidden.get(j).copied().unwrap_or(false);
    if !is_hidden(i) {
        let x = cells.get(i)?.numerator as f64;
        return Some(vec![(i, (x, x))]);
    }
    // Only the hidden cells linked to `i` through shared sums and orders matter.
    let mut index: std::collections::HashMap<usize, usize> = Default::default();
    let mut used_groups = std::collections::BTreeSet::new();
    let mut used_nests = std::collections::BTreeSet::new();
    let mut stack = vec![i];
    index.insert(i, 0);
    while let Some(j) = stack.pop() {
        let mut reached = Vec::new();
        for &g in rel.member_of.get(j)? {
            if used_groups.insert(g) {
                let group = rel.groups.get(g)?;
                reached.extend(std::iter::once(group.total).chain(group.children.iter().copied()));
            }
        }
        for &e in rel.nested_in.get(j)? {
            if used_nests.insert(e) {
                let nest = rel.nests.get(e)?;
                reached.extend([nest.inner, nest.outer]);
            }
        }
        for k in reached {
            if is_hidden(k) && !index.contains_key(&k) {
                index.insert(k, index.len());
                stack.push(k);
            }
        }
    }
    let vars = index.len();
    let mut p = Problem {
        cost: vec![0.0; vars],
        lo: vec![0.0; vars],
        hi: vec![0.0; vars],
        rows: Vec::new(),
    };
    for (&j, &k) in &index {
        p.hi[k] = cells.get(j)?.denominator as f64;
    }
    // A row over the cells: hidden ones are variables, published ones move to the right.
    let row_of =
        |members: &mut dyn Iterator<Item = (usize, f64)>| -> Option<(Vec<(usize, f64)>, f64)> {
            let mut row = Vec::new();
            let mut rhs = 0.0;
            for (j, sign) in members {
                match index.get(&j) {
                    Some(&k) => row.push((k, sign)),
                    None => rhs -= sign * cells.get(j)?.numerator as f64,
                }
            }
            Some((row, rhs))
        };
    for &g in &used_groups {
        let g = rel.groups.get(g)?;
        let mut members =
            std::iter::once((g.total, -1.0)).chain(g.children.iter().map(|&j| (j, 1.0)));
        p.rows.push(row_of(&mut members)?);
    }
    // inner − outer + s = 0, s ≥ 0 (s ≤ outer's denominator, as x ≥ 0).
    for &e in &used_nests {
        let nest = rel.nests.get(e)?;
        let (mut row, rhs) = row_of(&mut [(nest.inner, 1.0), (nest.outer, -1.0)].into_iter())?;
        row.push((p.cost.len(), 1.0));
        p.cost.push(0.0);
        p.lo.push(0.0);
        p.hi.push(cells.get(nest.outer)?.denominator as f64);
        p.rows.push((row, rhs));
    }
    let mut feasible = Feasible::of(&p).ok()?;
    let mut targets: Vec<(usize, usize)> = index.into_iter().filter(|_| whole).collect();
    if !whole {
        targets.push((i, 0));
    }
    targets.sort_unstable();
    let mut out = Vec::with_capacity(targets.len());
    let mut cost = vec![0.0; p.cost.len()];
    for (j, k) in targets {
        let mut ends = [0.0; 2];
        for (end, sign) in ends.iter_mut().zip([1.0, -1.0]) {
            cost[k] = sign;
            match feasible.minimise(&cost) {
                Outcome::Optimal(y) => *end = y[k],
                _ => return None,
            }
        }
        cost[k] = 0.0;
        out.push((j, (ends[0], ends[1])));
    }
    Some(out)
}

/// True when every hidden cell with a positive numerator keeps a feasible
/// range at least min(p, d) wide against the LP reader (what [`suppress`] ensures).
pub fn is_safe(cells: &[Count], groups: &[Group], hidden: &[bool], rule: &Suppression) -> bool {
    is_safe_nested(cells, groups, &[], hidden, rule)
}

/// [`is_safe`] against a reader who also knows the orders `nests`.
pub fn is_safe_nested(
    cells: &[Count],
    groups: &[Group],
    nests: &[Nest],
    hidden: &[bool],
    rule: &Suppression,
) -> bool {
    let Some(rel) = Relations::checked(cells, groups, nests) else {
        return false;
    };
    // Each linked set of hidden cells is worked out once.
    let mut known: Vec<Option<(f64, f64)>> = vec![None; cells.len()];
    (0..cells.len()).all(|i| {
        if !hidden.get(i).copied().unwrap_or(false) {
            return true;
        }
        let Some((lo, hi)) = cells.get(i).and_then(|c| rule.interval(*c)) else {
            return true;
        };
        if known[i].is_none() {
            for (j, r) in ranges_of(cells, &rel, hidden, i, true).unwrap_or_default() {
                known[j] = Some(r);
            }
        }
        known[i].is_some_and(|(a, b)| b - a >= (hi - lo) as f64 - 1e-6)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(numerator: u64, denominator: u64) -> Count {
        Count {
            numerator,
            denominator,
            ..Count::default()
        }
    }

    #[test]
    fn primary_rules() {
        let r = Suppression::default();
        // A zero over a small group is published: it discloses nothing.
        assert!(!r.primary(c(0, 9)));
        assert!(!r.primary(c(0, 50)));
        assert!(r.primary(c(3, 50)));
        assert!(r.primary(c(45, 50)));
        assert!(!r.primary(c(20, 50)));
        assert!(!Suppression {
            complement: Some(false),
            ..r
        }
        .primary(c(45, 50)));
        assert!(!Suppression {
            enabled: false,
            ..r
        }
        .primary(c(1, 2)));
        assert_eq!(r.interval(c(3, 50)), Some((0, 10)));
        assert_eq!(r.interval(c(45, 50)), Some((40, 50)));
        assert_eq!(r.interval(c(2, 4)), Some((0, 4)));
        assert_eq!(r.interval(c(0, 50)), None);
    }

    #[test]
    fn values_left_out_are_the_profiles() {
        let profile = DisclosureRule {
            threshold: 5,
            complement: false,
            protection: Some(8),
        };
        let all = |s: Suppression| (s.threshold, s.complement, s.protection);
        let r = Suppression::default().resolve(&profile);
        assert_eq!(all(r), (Some(5), Some(false), Some(8)));
        // A threshold set for the call keeps p = k; the call's own values win.
        let call = Suppression {
            threshold: Some(11),
            ..Suppression::default()
        };
        assert_eq!(
            all(call.resolve(&profile)),
            (Some(11), Some(false), Some(11))
        );
        // Resolving twice changes nothing; unset values are the default profile's.
        assert_eq!(r.resolve(&DisclosureRule::default()), r);
        assert_eq!(
            (
                Suppression::default().threshold(),
                Suppression::default().width()
            ),
            (10, 10)
        );
    }

    /// A 2 × 2 table with margins: total, rows r1 r2, columns, four inner cells.
    fn two_by_two(inner: [u64; 4], den: u64) -> (Vec<Count>, Vec<Group>) {
        let [a, b, cc, d] = inner;
        let cells = vec![
            c(a + b + cc + d, 4 * den), // 0 total
            c(a + b, 2 * den),          // 1 row 1
            c(cc + d, 2 * den),         // 2 row 2
            c(a + cc, 2 * den),         // 3 col 1
            c(b + d, 2 * den),          // 4 col 2
            c(a, den),                  // 5
            c(b, den),                  // 6
            c(cc, den),                 // 7
            c(d, den),                  // 8
        ];
        let g = |total, children: &[usize]| Group {
            total,
            children: children.to_vec(),
        };
        let groups = vec![
            g(0, &[1, 2]),
            g(0, &[3, 4]),
            g(1, &[5, 6]),
            g(2, &[7, 8]),
            g(3, &[5, 7]),
            g(4, &[6, 8]),
        ];
        (cells, groups)
    }

    #[test]
    fn a_small_cell_is_protected_against_the_whole_table() {
        let (cells, groups) = two_by_two([3, 40, 35, 50], 100);
        let rule = Suppression::default();
        let hidden = suppress(&cells, &groups, &rule);
        assert!(hidden[5]);
        // One-equation protection would hide one sibling; the table needs a rectangle.
        assert_eq!(hidden.iter().filter(|h| **h).count(), 4, "{hidden:?}");
        assert!(is_safe(&cells, &groups, &hidden, &rule));
        let (lo, hi) = feasible_range(&cells, &groups, &hidden, 5).unwrap();
        assert!(lo <= 0.0 && hi >= 10.0, "{lo} {hi}");
    }

    #[test]
    fn a_single_hidden_sibling_is_not_enough() {
        let (cells, groups) = two_by_two([3, 40, 35, 50], 100);
        let mut hidden = vec![false; cells.len()];
        hidden[5] = true;
        hidden[6] = true;
        assert!(!is_safe(&cells, &groups, &hidden, &Suppression::default()));
        let (lo, hi) = feasible_range(&cells, &groups, &hidden, 5).unwrap();
        assert!((lo - 3.0).abs() < 1e-9 && (hi - 3.0).abs() < 1e-9);
    }

    #[test]
    fn nothing_is_hidden_without_a_small_cell() {
        let (cells, groups) = two_by_two([30, 40, 35, 50], 100);
        let hidden = suppress(&cells, &groups, &Suppression::default());
        assert!(hidden.iter().all(|h| !h));
    }
}
