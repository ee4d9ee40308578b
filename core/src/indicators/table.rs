//! Results tables: a [`Partial`] rolled up to a geography level and breakdowns,
//! with values, 95 % Wilson intervals and small-cell suppression.
//!
//! A table holds every margin, not only the finest rows: the district total,
//! each block (and village, at village level), each with its total over the
//! breakdowns and every combination of them. Suppression is decided over the
//! whole table at once, so no published total lets a hidden cell be recomputed.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aggregate::{Count, Partial};
use super::catalogue::{Catalogue, Dimension, Titles, Unit};
use super::columns::{Field, MISSING};
use super::design::{self, ClusterSums, Design};
use super::suppress::{suppress_with, Group, Nest, Suppression};
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Locale, Params, Report};
use crate::profile::DisclosureRule;

/// The z value of a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// A geography level results are grouped by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum GeoLevel {
    /// The district.
    District,
    /// Blocks (with the district total).
    #[default]
    Block,
    /// Villages (with block and district totals).
    Village,
}

/// How to build a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct TableOptions {
    /// Finest geography level.
    pub level: GeoLevel,
    /// Breakdowns (each combination and every margin is in the table).
    pub by: Vec<Dimension>,
    /// Small-cell suppression (on by default); values left out are the rule
    /// profile's, and a built table states every value it used.
    pub suppression: Suppression,
    /// How sampling is taken into account: the roster's design (weights,
    /// strata, clusters; the default) or a simple random sample.
    pub design: Design,
    /// With [`Design::Srs`] only: a fixed design effect, the interval using n ÷ deff.
    #[schemars(range(min = 1.0))]
    pub design_effect: f64,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            level: GeoLevel::Block,
            by: Vec::new(),
            suppression: Suppression::default(),
            design: Design::default(),
            design_effect: 1.0,
        }
    }
}

/// One published row of a table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TableRow {
    /// Geography level of this row.
    pub level: GeoLevel,
    /// District LGD code.
    pub district: u32,
    /// Block LGD code (block and village rows).
    pub block: Option<u32>,
    /// Village LGD code (village rows).
    pub village: Option<u32>,
    /// Breakdown values, e.g. `{"sex": "female"}`; empty for the row's total.
    pub breakdown: BTreeMap<String, String>,
    /// Numerator: rows counted (absent when suppressed).
    pub numerator: Option<u64>,
    /// Denominator: rows in the population (always published: not a disclosure).
    pub denominator: Option<u64>,
    /// Value in the table's unit, weighted under the survey design (absent when suppressed).
    pub value: Option<f64>,
    /// Lower end of the 95 % interval (Wilson on the effective sample size).
    pub ci_low: Option<f64>,
    /// Upper end of the 95 % interval.
    pub ci_high: Option<f64>,
    /// Standard error of the value, in the table's unit.
    #[serde(default)]
    pub std_error: Option<f64>,
    /// Design effect: the variance over that of a simple random sample of the
    /// same rows (none when the value is 0 or 100 %).
    #[serde(default)]
    pub design_effect: Option<f64>,
    /// Effective sample size: the rows of a simple random sample as precise.
    #[serde(default)]
    pub effective_n: Option<f64>,
    /// True when the cell is hidden by small-cell suppression.
    pub suppressed: bool,
    /// The value as shown: `40.2% (35.1-45.6)`, `<10` (small cell) or `*` (hidden
    /// so that a small cell cannot be recomputed).
    pub display: String,
}

/// One indicator's results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// Indicator id.
    pub indicator: String,
    /// Indicator title.
    pub title: Titles,
    /// Unit of `value`.
    pub unit: Unit,
    /// Options the table was built with.
    pub options: TableOptions,
    /// Rows: geography in LGD code order, each total before its breakdowns.
    pub rows: Vec<TableRow>,
    /// Breakdown values left out of this table (rows and totals alike)
    /// because fewer than the threshold had them in the district: published,
    /// they would disclose the few, and protecting them would hide large figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<LeftOut>,
    /// Why this indicator is published without suppression (the catalogue's
    /// `unsuppressed`): none for every sensitive indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsuppressed: Option<String>,
}

/// A small breakdown value left out of a table, with how many people it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LeftOut {
    /// District LGD code.
    pub district: u32,
    /// Breakdown (e.g. `sex`).
    pub dimension: String,
    /// Value (e.g. `other`).
    pub value: String,
    /// People in the indicator's denominator with that value (a population count).
    pub denominator: u64,
}

/// The 95 % Wilson score interval for `x` successes in `n` trials (proportions).
pub fn wilson(x: f64, n: f64) -> Option<(f64, f64)> {
    if n <= 0.0 || x < 0.0 || x > n {
        return None;
    }
    let p = x / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Marks a margin ("all values") in a breakdown slot.
const TOTAL: u8 = MISSING - 1;
/// Marks a geography margin ("all blocks / villages"); no LGD code is this large.
const ALL: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    district: u32,
    block: u32,
    village: u32,
    dims: [u8; 4],
}

impl Key {
    /// Report order: each margin before the cells it sums.
    #[allow(clippy::type_complexity)]
    fn order(&self) -> (u32, bool, u32, bool, u32, [(bool, u8); 4]) {
        (
            self.district,
            self.block != ALL,
            self.block,
            self.village != ALL,
            self.village,
            self.dims.map(|d| (d != TOTAL, d)),
        )
    }

    fn level(&self) -> GeoLevel {
        match (self.block, self.village) {
            (ALL, _) => GeoLevel::District,
            (_, ALL) => GeoLevel::Block,
            _ => GeoLevel::Village,
        }
    }
}

fn slot(d: Dimension) -> usize {
    match d {
        Dimension::Sex => 0,
        Dimension::AgeBand => 1,
        Dimension::SocialGroup => 2,
        Dimension::Disability => 3,
    }
}

impl TableOptions {
    /// These options with every suppression value they leave out taken from
    /// `rule` (a rule profile's `disclosure`).
    pub fn with_rule(&self, rule: &DisclosureRule) -> TableOptions {
        TableOptions {
            suppression: self.suppression.resolve(rule),
            ..self.clone()
        }
    }

    /// A dimension named twice would count every row twice in its margins;
    /// suppression values left out are the default profile's.
    fn normalised(&self) -> TableOptions {
        let mut opts = self.with_rule(&DisclosureRule::default());
        let mut seen = Vec::new();
        opts.by.retain(|d| {
            let first = !seen.contains(d);
            seen.push(*d);
            first
        });
        opts
    }
}

/// The tables of indicators nested in one another, suppressed together
/// (one table alone when it has no nesting): every cell, sum and order.
#[derive(Debug, Clone, PartialEq)]
pub struct SuppressionModel {
    /// The indicators, in the partial's order.
    pub indicators: Vec<String>,
    /// Where each indicator's cells start in `cells`, in table row order.
    pub offsets: Vec<usize>,
    /// Every cell of every table.
    pub cells: Vec<Count>,
    /// Sums: each total and its parts.
    pub groups: Vec<Group>,
    /// Orders: a nested indicator's cell and the same cell of the one it is nested in.
    pub nests: Vec<Nest>,
    /// What suppression hides.
    pub hidden: Vec<bool>,
}

impl SuppressionModel {
    /// The cells of one indicator's table (indices into `cells`).
    pub fn range(&self, id: &str) -> Option<std::ops::Range<usize>> {
        let t = self.indicators.iter().position(|i| i == id)?;
        let start = *self.offsets.get(t)?;
        let end = self.offsets.get(t + 1).copied().unwrap_or(self.cells.len());
        Some(start..end)
    }
}

impl Partial {
    /// The table of one indicator (by id). An indicator nested in another
    /// (the catalogue's `nested_in`) is suppressed together with it when
    /// both are in this partial, so its table is the same whether built
    /// alone or with the others.
    pub fn table(
        &self,
        catalogue: &Catalogue,
        id: &str,
        opts: &TableOptions,
    ) -> Result<Table, Report> {
        let j = self.position(catalogue, id)?;
        let opts = opts.normalised();
        let joint = self.joint(catalogue, j, &opts);
        let t = joint.parts.iter().position(|p| p.j == j).unwrap_or(0);
        self.build_table(catalogue, &joint, t, &opts)
    }

    /// Tables of every indicator in this partial.
    pub fn tables(&self, catalogue: &Catalogue, opts: &TableOptions) -> Result<Vec<Table>, Report> {
        let opts = opts.normalised();
        let mut out: Vec<Option<Table>> = vec![None; self.indicators.len()];
        for (j, id) in self.indicators.iter().enumerate() {
            if out.get(j).is_some_and(Option::is_some) {
                continue;
            }
            self.position(catalogue, id)?;
            let joint = self.joint(catalogue, j, &opts);
            for (t, part) in joint.parts.iter().enumerate() {
                let table = self.build_table(catalogue, &joint, t, &opts)?;
                if let Some(slot) = out.get_mut(part.j) {
                    *slot = Some(table);
                }
            }
        }
        Ok(out.into_iter().flatten().collect())
    }

    /// Every cell of the table and of the tables suppressed with it, their
    /// sums, orders and what suppression hides: what a table is built from,
    /// and what an audit of its protection needs.
    pub fn suppression_model(
        &self,
        catalogue: &Catalogue,
        id: &str,
        opts: &TableOptions,
    ) -> Option<SuppressionModel> {
        let j = self.position(catalogue, id).ok()?;
        let joint = self.joint(catalogue, j, &opts.normalised());
        let mut cells = Vec::new();
        let mut offsets = Vec::new();
        for p in &joint.parts {
            offsets.push(cells.len());
            cells.extend(p.counts.iter().copied());
        }
        Some(SuppressionModel {
            indicators: joint
                .parts
                .iter()
                .filter_map(|p| self.indicators.get(p.j).cloned())
                .collect(),
            offsets,
            cells,
            groups: joint.groups,
            nests: joint.nests,
            hidden: joint.hidden,
        })
    }

    /// The index of indicator `id` in this partial (it must be in the catalogue too).
    fn position(&self, catalogue: &Catalogue, id: &str) -> Result<usize, Report> {
        let unknown = || {
            Report::single(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", format!("unknown indicator `{id}`")),
                Locale::En,
            ))
        };
        catalogue.get(id).ok_or_else(unknown)?;
        self.indicators
            .iter()
            .position(|i| i == id)
            .ok_or_else(unknown)
    }

    fn build_table(
        &self,
        catalogue: &Catalogue,
        joint: &Joint,
        t: usize,
        opts: &TableOptions,
    ) -> Result<Table, Report> {
        let unknown = || {
            Report::single(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", "unknown indicator"),
                Locale::En,
            ))
        };
        let part = joint.parts.get(t).ok_or_else(unknown)?;
        let id = self.indicators.get(part.j).ok_or_else(unknown)?;
        let ind = catalogue.get(id).ok_or_else(unknown)?;
        let offset = joint.offsets.get(t).copied().unwrap_or(0);
        let hidden = joint
            .hidden
            .get(offset..offset + part.keys.len())
            .unwrap_or(&[]);
        let mut strata: BTreeMap<u32, usize> = BTreeMap::new();
        for (h, _) in &self.clusters {
            *strata.entry(*h).or_default() += 1;
        }
        let rows = part
            .keys
            .iter()
            .zip(&part.counts)
            .zip(hidden)
            .zip(&part.sums)
            .map(|(((k, c), h), sums)| {
                let estimate = match opts.design {
                    Design::Survey => design::survey(*c, sums, &strata),
                    Design::Srs => design::srs(*c, opts.design_effect),
                };
                self.row(k, *c, *h, estimate, opts)
            })
            .collect();
        Ok(Table {
            indicator: ind.id.clone(),
            title: ind.title.clone(),
            unit: ind.unit,
            options: opts.clone(),
            rows,
            left_out: part.left_out.clone(),
            unsuppressed: ind.unsuppressed.clone(),
        })
    }

    /// Breakdown values with fewer than the threshold in their district's denominator.
    fn small_values(&self, j: usize, opts: &TableOptions) -> BTreeMap<(u32, usize, u8), u64> {
        let mut totals: BTreeMap<(u32, usize, u8), u64> = BTreeMap::new();
        if !opts.suppression.enabled {
            return totals;
        }
        for cell in &self.cells {
            let Some(c) = cell.counts.get(j) else {
                continue;
            };
            let k = cell.key;
            let values = [k.sex, k.age_band, k.social_group, k.disability];
            for d in &opts.by {
                let s = slot(*d);
                if let Some(v) = values.get(s) {
                    *totals.entry((k.district, s, *v)).or_default() += c.denominator;
                }
            }
        }
        let k = opts.suppression.threshold();
        totals.retain(|_, n| *n > 0 && *n < k);
        totals
    }

    /// The indicators linked to `j` by nestings (both ways, step by step),
    /// `j` included, in the partial's order.
    fn component(&self, catalogue: &Catalogue, j: usize) -> Vec<usize> {
        let outer_of = |i: usize| {
            let id = self.indicators.get(i)?;
            let outer = catalogue.get(id)?.nested_in.as_deref()?;
            self.indicators.iter().position(|x| x == outer)
        };
        let mut linked = vec![j];
        let mut stack = vec![j];
        while let Some(a) = stack.pop() {
            for b in 0..self.indicators.len() {
                let edge = outer_of(a) == Some(b) || outer_of(b) == Some(a);
                if edge && !linked.contains(&b) {
                    linked.push(b);
                    stack.push(b);
                }
            }
        }
        linked.sort_unstable();
        linked
    }

    /// One indicator's cells before suppression.
    fn part(&self, j: usize, opts: &TableOptions) -> Part {
        let small = self.small_values(j, opts);
        let mut cells: Vec<(Key, (Count, ClusterSums))> =
            self.lattice(j, opts, &small).into_iter().collect();
        // Totals before their parts: district, then each block and its villages.
        cells.sort_by_key(|(k, _)| k.order());
        let keys: Vec<Key> = cells.iter().map(|(k, _)| *k).collect();
        let counts: Vec<Count> = cells.iter().map(|(_, (c, _))| *c).collect();
        let sums: Vec<ClusterSums> = cells.into_iter().map(|(_, (_, s))| s).collect();
        let groups = groups(&keys, opts);
        let local = neighbourhoods(&keys);
        let left_out = small
            .into_iter()
            .filter_map(|((district, s, v), denominator)| {
                let d = *opts.by.iter().find(|d| slot(**d) == s)?;
                Some(LeftOut {
                    district,
                    dimension: d.as_str().to_owned(),
                    value: self.value_name(d, v),
                    denominator,
                })
            })
            .collect();
        let index = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        Part {
            j,
            keys,
            index,
            counts,
            sums,
            groups,
            local,
            left_out,
        }
    }

    /// The tables linked to `j` (see [`Partial::component`]), suppressed together.
    fn joint(&self, catalogue: &Catalogue, j: usize, opts: &TableOptions) -> Joint {
        let parts: Vec<Part> = self
            .component(catalogue, j)
            .into_iter()
            .map(|i| self.part(i, opts))
            .collect();
        let mut offsets = Vec::with_capacity(parts.len());
        let mut counts = Vec::new();
        let mut groups = Vec::new();
        for p in &parts {
            let at = counts.len();
            offsets.push(at);
            counts.extend(p.counts.iter().copied());
            groups.extend(p.groups.iter().map(|g| Group {
                total: g.total + at,
                children: g.children.iter().map(|c| c + at).collect(),
            }));
        }
        // The same cell of an inner and its outer indicator: inner ≤ outer.
        let mut nests = Vec::new();
        for (a, inner) in parts.iter().enumerate() {
            let outer_id = self
                .indicators
                .get(inner.j)
                .and_then(|id| catalogue.get(id))
                .and_then(|ind| ind.nested_in.as_deref());
            let Some(b) = parts
                .iter()
                .position(|p| self.indicators.get(p.j).map(String::as_str) == outer_id)
            else {
                continue;
            };
            for (i, k) in inner.keys.iter().enumerate() {
                if let Some(o) = parts[b].index.get(k) {
                    nests.push(Nest {
                        inner: offsets[a] + i,
                        outer: offsets[b] + o,
                    });
                }
            }
        }
        // A cell's neighbourhood: that of the same place and breakdown in every linked table.
        let local = |g: usize| -> Option<Vec<usize>> {
            let t = offsets.iter().rposition(|&o| o <= g)?;
            let key = parts.get(t)?.keys.get(g - offsets[t])?;
            let mut out = Vec::new();
            for (u, p) in parts.iter().enumerate() {
                let Some(&i) = p.index.get(key) else {
                    continue;
                };
                out.extend(p.local.get(i)?.as_ref()?.iter().map(|c| c + offsets[u]));
            }
            Some(out)
        };
        // An indicator published unsuppressed is never linked (the catalogue checks).
        let unsuppressed = parts.iter().any(|p| {
            self.indicators
                .get(p.j)
                .and_then(|id| catalogue.get(id))
                .is_some_and(|ind| ind.unsuppressed.is_some())
        });
        let rule = Suppression {
            enabled: opts.suppression.enabled && !unsuppressed,
            ..opts.suppression
        };
        let hidden = suppress_with(
            &counts,
            &groups,
            &nests,
            &rule,
            &vec![false; counts.len()],
            &local,
        );
        Joint {
            parts,
            offsets,
            groups,
            nests,
            hidden,
        }
    }

    /// Sum the finest cells into every margin of the table (cells with a zero denominator are left out).
    fn lattice(
        &self,
        j: usize,
        opts: &TableOptions,
        left_out: &BTreeMap<(u32, usize, u8), u64>,
    ) -> BTreeMap<Key, (Count, ClusterSums)> {
        let mut out: BTreeMap<Key, (Count, ClusterSums)> = BTreeMap::new();
        let by: Vec<usize> = opts.by.iter().map(|d| slot(*d)).collect();
        for cell in &self.cells {
            let Some(c) = cell.counts.get(j).copied().filter(|c| c.denominator > 0) else {
                continue;
            };
            let k = cell.key;
            let values = [k.sex, k.age_band, k.social_group, k.disability];
            let out_of_table = by.iter().any(|&s| {
                values
                    .get(s)
                    .is_some_and(|v| left_out.contains_key(&(k.district, s, *v)))
            });
            if out_of_table {
                continue;
            }
            let mut geos = vec![(k.district, ALL, ALL)];
            if opts.level >= GeoLevel::Block {
                geos.push((k.district, k.block, ALL));
            }
            if opts.level == GeoLevel::Village {
                geos.push((k.district, k.block, k.village));
            }
            for (district, block, village) in geos {
                for mask in 0..(1u32 << by.len()) {
                    let mut dims = [TOTAL; 4];
                    for (bit, &s) in by.iter().enumerate() {
                        if mask >> bit & 1 == 1 {
                            if let (Some(d), Some(v)) = (dims.get_mut(s), values.get(s)) {
                                *d = *v;
                            }
                        }
                    }
                    let key = Key {
                        district,
                        block,
                        village,
                        dims,
                    };
                    let (count, sums) = out.entry(key).or_default();
                    count.add(c);
                    let slot = sums.entry((k.stratum, k.cluster)).or_default();
                    slot.0 = slot.0.saturating_add(c.weighted_numerator);
                    slot.1 = slot.1.saturating_add(c.weighted_denominator);
                }
            }
        }
        out
    }

    fn row(
        &self,
        k: &Key,
        c: Count,
        hidden: bool,
        estimate: Option<design::Estimate>,
        opts: &TableOptions,
    ) -> TableRow {
        let level = k.level();
        let mut breakdown = BTreeMap::new();
        for d in &opts.by {
            let v = k.dims.get(slot(*d)).copied().unwrap_or(TOTAL);
            if v != TOTAL {
                breakdown.insert(d.as_str().to_owned(), self.value_name(*d, v));
            }
        }
        let e = estimate.filter(|_| !hidden);
        let display = match (hidden, e) {
            (true, _) => opts.suppression.display(),
            (false, Some(e)) => format!(
                "{:.1}% ({:.1}-{:.1})",
                100.0 * e.p,
                100.0 * e.ci.0,
                100.0 * e.ci.1
            ),
            _ => "-".into(),
        };
        TableRow {
            level,
            district: k.district,
            block: (level >= GeoLevel::Block).then_some(k.block),
            village: (level == GeoLevel::Village).then_some(k.village),
            breakdown,
            numerator: (!hidden).then_some(c.numerator),
            denominator: Some(c.denominator),
            value: e.map(|e| 100.0 * e.p),
            ci_low: e.map(|e| 100.0 * e.ci.0),
            ci_high: e.map(|e| 100.0 * e.ci.1),
            std_error: e.map(|e| 100.0 * e.se),
            design_effect: e.and_then(|e| e.deff),
            effective_n: e.map(|e| e.n_eff),
            suppressed: hidden,
            display,
        }
    }

    fn value_name(&self, d: Dimension, v: u8) -> String {
        match d {
            Dimension::Sex => Field::Sex.code_name(v),
            Dimension::SocialGroup => Field::SocialGroup.code_name(v),
            Dimension::Disability => Field::Disability.code_name(v),
            Dimension::AgeBand => self
                .bands
                .0
                .get(usize::from(v))
                .map_or_else(|| "unknown".into(), |b| b.label()),
        }
    }
}

/// One indicator's table before suppression.
struct Part {
    /// Its index in the partial.
    j: usize,
    keys: Vec<Key>,
    index: HashMap<Key, usize>,
    counts: Vec<Count>,
    sums: Vec<ClusterSums>,
    /// Sums, indices into this table.
    groups: Vec<Group>,
    /// Neighbourhoods, indices into this table.
    local: Vec<Option<Vec<usize>>>,
    left_out: Vec<LeftOut>,
}

/// Linked tables suppressed together; indices are into all their cells in order.
struct Joint {
    parts: Vec<Part>,
    offsets: Vec<usize>,
    groups: Vec<Group>,
    nests: Vec<Nest>,
    hidden: Vec<bool>,
}

/// Each cell's neighbourhood for suppression: the cells of its geography
/// siblings (same parent, same level) and everything below them. District
/// cells get the whole table.
fn neighbourhoods(keys: &[Key]) -> Vec<Option<Vec<usize>>> {
    let parent = |k: &Key| match k.level() {
        GeoLevel::District => None,
        GeoLevel::Block => Some((k.district, ALL)),
        GeoLevel::Village => Some((k.district, k.block)),
    };
    let mut by_parent: BTreeMap<(u32, u32), Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(p) = parent(k) {
            by_parent.entry(p).or_default().push(i);
            // Villages also sit under the district's block level, for block cells.
            if k.level() == GeoLevel::Village {
                by_parent.entry((k.district, ALL)).or_default().push(i);
            }
        }
    }
    keys.iter()
        .map(|k| parent(k).and_then(|p| by_parent.get(&p).cloned()))
        .collect()
}

/// Sibling groups: the children of each cell along geography and along each breakdown.
fn groups(keys: &[Key], opts: &TableOptions) -> Vec<Group> {
    let index: HashMap<Key, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    // (parent index, axis) -> children; axis 4 is geography.
    let mut map: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        let geo_parent = match k.level() {
            GeoLevel::District => None,
            GeoLevel::Block => Some(Key { block: ALL, ..*k }),
            GeoLevel::Village => Some(Key { village: ALL, ..*k }),
        };
        if let Some(p) = geo_parent.and_then(|p| index.get(&p)) {
            map.entry((*p, 4)).or_default().push(i);
        }
        for d in &opts.by {
            let s = slot(*d);
            if k.dims.get(s).is_some_and(|v| *v != TOTAL) {
                let mut p = *k;
                if let Some(v) = p.dims.get_mut(s) {
                    *v = TOTAL;
                }
                if let Some(p) = index.get(&p) {
                    map.entry((*p, s)).or_default().push(i);
                }
            }
        }
    }
    map.into_iter()
        .map(|((total, _), children)| Group { total, children })
        .collect()
}
