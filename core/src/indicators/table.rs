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
use super::suppress::{suppress, Group, Suppression};
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Locale, Params, Report};

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
    /// Small-cell suppression (on by default).
    pub suppression: Suppression,
    /// Design effect for clustered samples: the interval uses n ÷ deff (1 = simple random sample).
    #[schemars(range(min = 1.0))]
    pub design_effect: f64,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            level: GeoLevel::Block,
            by: Vec::new(),
            suppression: Suppression::default(),
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
    /// Numerator (absent when suppressed).
    pub numerator: Option<u64>,
    /// Denominator (absent when suppressed).
    pub denominator: Option<u64>,
    /// Value in the table's unit (absent when suppressed).
    pub value: Option<f64>,
    /// Lower end of the 95 % Wilson interval.
    pub ci_low: Option<f64>,
    /// Upper end of the 95 % Wilson interval.
    pub ci_high: Option<f64>,
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

impl Partial {
    /// The table of one indicator (by id).
    pub fn table(
        &self,
        catalogue: &Catalogue,
        id: &str,
        opts: &TableOptions,
    ) -> Result<Table, Report> {
        let unknown = || {
            Report::single(Diagnostic::new(
                Code::InvalidValue,
                "",
                Params::new().with("detail", format!("unknown indicator `{id}`")),
                Locale::En,
            ))
        };
        let j = self
            .indicators
            .iter()
            .position(|i| i == id)
            .ok_or_else(unknown)?;
        let ind = catalogue.get(id).ok_or_else(unknown)?;
        // A dimension named twice would count every row twice in its margins.
        let mut opts = opts.clone();
        let mut seen = Vec::new();
        opts.by.retain(|d| {
            let first = !seen.contains(d);
            seen.push(*d);
            first
        });
        let opts = &opts;
        let mut cells: Vec<(Key, Count)> = self.lattice(j, opts).into_iter().collect();
        // Totals before their parts: district, then each block and its villages.
        cells.sort_by_key(|(k, _)| k.order());
        let keys: Vec<Key> = cells.iter().map(|(k, _)| *k).collect();
        let counts: Vec<Count> = cells.iter().map(|(_, c)| *c).collect();
        let groups = groups(&keys, opts);
        let hidden = suppress(&counts, &groups, &opts.suppression);
        let rows = keys
            .iter()
            .zip(&counts)
            .zip(&hidden)
            .map(|((k, c), h)| self.row(k, *c, *h, opts))
            .collect();
        Ok(Table {
            indicator: ind.id.clone(),
            title: ind.title.clone(),
            unit: ind.unit,
            options: opts.clone(),
            rows,
        })
    }

    /// Tables of every indicator in this partial.
    pub fn tables(&self, catalogue: &Catalogue, opts: &TableOptions) -> Result<Vec<Table>, Report> {
        self.indicators
            .iter()
            .map(|id| self.table(catalogue, id, opts))
            .collect()
    }

    /// Sum the finest cells into every margin of the table (cells with a zero denominator are left out).
    fn lattice(&self, j: usize, opts: &TableOptions) -> BTreeMap<Key, Count> {
        let mut out: BTreeMap<Key, Count> = BTreeMap::new();
        let by: Vec<usize> = opts.by.iter().map(|d| slot(*d)).collect();
        for cell in &self.cells {
            let Some(c) = cell.counts.get(j).copied().filter(|c| c.denominator > 0) else {
                continue;
            };
            let k = cell.key;
            let values = [k.sex, k.age_band, k.social_group, k.disability];
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
                    out.entry(key).or_default().add(c);
                }
            }
        }
        out
    }

    fn row(&self, k: &Key, c: Count, hidden: bool, opts: &TableOptions) -> TableRow {
        let level = k.level();
        let mut breakdown = BTreeMap::new();
        for d in &opts.by {
            let v = k.dims.get(slot(*d)).copied().unwrap_or(TOTAL);
            if v != TOTAL {
                breakdown.insert(d.as_str().to_owned(), self.value_name(*d, v));
            }
        }
        let n = c.denominator as f64;
        let x = c.numerator as f64;
        let deff = if opts.design_effect >= 1.0 {
            opts.design_effect
        } else {
            1.0
        };
        let ci = wilson(x / deff, n / deff);
        let value = (n > 0.0).then(|| 100.0 * x / n);
        let display = match (hidden, value, ci) {
            (true, _, _) if opts.suppression.primary(c) => opts.suppression.display(),
            (true, _, _) => Suppression::COMPLEMENTARY_DISPLAY.to_owned(),
            (false, Some(v), Some((lo, hi))) => {
                format!("{v:.1}% ({:.1}-{:.1})", 100.0 * lo, 100.0 * hi)
            }
            _ => "-".into(),
        };
        let show = |v: Option<f64>| if hidden { None } else { v };
        TableRow {
            level,
            district: k.district,
            block: (level >= GeoLevel::Block).then_some(k.block),
            village: (level == GeoLevel::Village).then_some(k.village),
            breakdown,
            numerator: (!hidden).then_some(c.numerator),
            denominator: (!hidden).then_some(c.denominator),
            value: show(value),
            ci_low: show(ci.map(|(lo, _)| 100.0 * lo)),
            ci_high: show(ci.map(|(_, hi)| 100.0 * hi)),
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

/// The sibling groups of a table's rows (by row index), for auditing suppression.
pub fn table_groups(table: &Table) -> Vec<Group> {
    // Number each dimension's distinct value names; any one-to-one coding groups alike.
    let mut names: BTreeMap<(usize, &str), u8> = BTreeMap::new();
    let keys: Vec<Key> = table
        .rows
        .iter()
        .map(|r| {
            let mut dims = [TOTAL; 4];
            for d in &table.options.by {
                let s = slot(*d);
                if let (Some(v), Some(slot_v)) = (r.breakdown.get(d.as_str()), dims.get_mut(s)) {
                    let next = u8::try_from(names.len()).unwrap_or(0);
                    *slot_v = *names.entry((s, v.as_str())).or_insert(next);
                }
            }
            Key {
                district: r.district,
                block: r.block.unwrap_or(ALL),
                village: r.village.unwrap_or(ALL),
                dims,
            }
        })
        .collect();
    groups(&keys, &table.options)
}
