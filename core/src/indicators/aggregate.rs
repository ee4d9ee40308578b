//! One pass over roster columns into partial aggregates.
//!
//! A [`Partial`] holds integer counts (numerator, denominator) per indicator
//! for every finest cell: village × sex × age band × social group × disability.
//! Any geography level and breakdown is a sum of such cells, so partials of
//! any split of the data — chunks, threads, files, machines — merge into
//! exactly the single-pass result: merging is adding integers, which is
//! associative and commutative.
//!
//! The hot loop tests 64 rows at a time with the compiled predicates (bit
//! masks; each distinct sub-predicate of all the indicators once, see
//! `Program`), then adds each row's bits into its cell: no allocation per row.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, CompiledIndicator};
use super::columns::{RosterColumns, MISSING};
use super::predicate::{rows_mask, Compiled};
use crate::codes::Code;
use crate::diagnostic::{Diagnostic, Locale, Params, Report};

/// An age band, both ends included; `hi: None` means no upper limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    /// Youngest age in the band.
    pub lo: u8,
    /// Oldest age in the band (none: open-ended).
    #[serde(default)]
    pub hi: Option<u8>,
}

impl AgeBand {
    /// The band's label, e.g. `6-11` or `18+`.
    pub fn label(&self) -> String {
        match self.hi {
            Some(hi) => format!("{}-{}", self.lo, hi),
            None => format!("{}+", self.lo),
        }
    }
}

/// Age bands for the `age_band` breakdown, in order, not overlapping. Ages in
/// no band (and unknown ages) fall in the `unknown` band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct AgeBands(pub Vec<AgeBand>);

impl Default for AgeBands {
    /// Primero's default bands: 0–5, 6–11, 12–17, 18+.
    fn default() -> Self {
        let b = |lo, hi| AgeBand { lo, hi };
        AgeBands(vec![
            b(0, Some(5)),
            b(6, Some(11)),
            b(12, Some(17)),
            b(18, None),
        ])
    }
}

impl AgeBands {
    /// Check bands are non-empty, ordered and do not overlap.
    pub fn check(&self) -> Result<(), Report> {
        let mut next_lo: u16 = 0;
        for (i, band) in self.0.iter().enumerate() {
            let ok =
                u16::from(band.lo) >= next_lo && band.hi.is_none_or(|hi| hi >= band.lo) && i < 250;
            if !ok {
                return Err(Report::single(Diagnostic::new(
                    Code::AgeBandsInvalid,
                    crate::diagnostic::pointer("", i),
                    Params::new().with("band", band.label()),
                    Locale::En,
                )));
            }
            next_lo = band.hi.map_or(u16::MAX, |hi| u16::from(hi) + 1);
        }
        Ok(())
    }

    /// Band index of each age (`MISSING` when in no band).
    fn lookup(&self) -> [u8; 256] {
        let mut lut = [MISSING; 256];
        for (age, slot) in lut.iter_mut().enumerate().take(usize::from(MISSING)) {
            if let Some(i) = self.0.iter().position(|b| {
                usize::from(b.lo) <= age && b.hi.is_none_or(|hi| age <= usize::from(hi))
            }) {
                *slot = u8::try_from(i).unwrap_or(MISSING);
            }
        }
        lut
    }
}

/// The finest cell counts are kept for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct CellKey {
    /// District LGD code.
    pub district: u32,
    /// Block LGD code.
    pub block: u32,
    /// Village LGD code.
    pub village: u32,
    /// Sex code.
    pub sex: u8,
    /// Age band index (255: unknown or in no band).
    pub age_band: u8,
    /// Social group code (255: unknown).
    pub social_group: u8,
    /// Disability (0 or 1).
    pub disability: u8,
    /// Design stratum (0: one stratum).
    #[serde(default)]
    pub stratum: u32,
    /// Cluster (PSU) of the survey design: the village unless given.
    #[serde(default)]
    pub cluster: u32,
}

impl CellKey {
    fn pack(&self) -> (u128, u64) {
        let design = (u64::from(self.stratum) << 32) | u64::from(self.cluster);
        (self.pack_main(), design)
    }

    fn pack_main(&self) -> u128 {
        (u128::from(self.district) << 96)
            | (u128::from(self.block) << 64)
            | (u128::from(self.village) << 32)
            | (u128::from(self.sex) << 24)
            | (u128::from(self.age_band) << 16)
            | (u128::from(self.social_group) << 8)
            | u128::from(self.disability)
    }
}

/// Weights are summed as whole millionths ([`WEIGHT_UNIT`]), so that sums are
/// exact and partials merge to exactly the single-pass result in any order.
pub const WEIGHT_UNIT: f64 = 1e6;

/// A row's weight in whole millionths (weights outside the schema's bounds are clamped).
pub fn weight_units(w: f64) -> u64 {
    if w.is_finite() {
        (w.clamp(0.0, 1e6) * WEIGHT_UNIT).round() as u64
    } else {
        0
    }
}

/// Numerator and denominator counts, and their weighted sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Count {
    /// Rows in the numerator (and the denominator).
    pub numerator: u64,
    /// Rows in the denominator.
    pub denominator: u64,
    /// Sum of the numerator rows' weights, in millionths.
    #[serde(default)]
    pub weighted_numerator: u64,
    /// Sum of the denominator rows' weights, in millionths.
    #[serde(default)]
    pub weighted_denominator: u64,
}

impl Count {
    /// Add another count; counts saturate at `u64::MAX` rather than wrap
    /// (partials merged from untrusted JSON may carry any count).
    pub fn add(&mut self, other: Count) {
        self.numerator = self.numerator.saturating_add(other.numerator);
        self.denominator = self.denominator.saturating_add(other.denominator);
        self.weighted_numerator = self
            .weighted_numerator
            .saturating_add(other.weighted_numerator);
        self.weighted_denominator = self
            .weighted_denominator
            .saturating_add(other.weighted_denominator);
    }
}

/// The counts of one finest cell, one per indicator (in the partial's order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// Which cell.
    pub key: CellKey,
    /// Counts per indicator.
    pub counts: Vec<Count>,
}

/// Mergeable partial aggregate: serialisable (so it can be pickled or sent
/// between machines), merged by [`Partial::merge`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Partial {
    /// Indicator ids, in the order of each cell's counts.
    pub indicators: Vec<String>,
    /// The age bands cells were keyed with.
    pub bands: AgeBands,
    /// Rows read (in any denominator or not).
    pub rows: u64,
    /// Every (stratum, cluster) of the rows read, sorted: a domain's variance
    /// counts the clusters where it has no one as zeros.
    #[serde(default)]
    pub clusters: Vec<(u32, u32)>,
    /// Cells in key order, each key once.
    pub cells: Vec<Cell>,
}

impl Partial {
    /// Merge two partials of the same indicators and bands.
    pub fn merge(&self, other: &Partial) -> Result<Partial, Report> {
        let mismatch = |detail: &str| {
            Report::single(Diagnostic::new(
                Code::AggregateMismatch,
                "",
                Params::new().with("detail", detail),
                Locale::En,
            ))
        };
        if self.indicators != other.indicators {
            return Err(mismatch("different indicators"));
        }
        if self.bands != other.bands {
            return Err(mismatch("different age bands"));
        }
        let n = self.indicators.len();
        let mut map: BTreeMap<CellKey, Vec<Count>> = BTreeMap::new();
        for cell in self.cells.iter().chain(&other.cells) {
            if cell.counts.len() != n {
                return Err(mismatch("a cell has the wrong number of counts"));
            }
            let slot = map
                .entry(cell.key)
                .or_insert_with(|| vec![Count::default(); n]);
            slot.iter_mut()
                .zip(&cell.counts)
                .for_each(|(a, b)| a.add(*b));
        }
        let mut clusters: Vec<(u32, u32)> = self
            .clusters
            .iter()
            .chain(&other.clusters)
            .copied()
            .collect();
        clusters.sort_unstable();
        clusters.dedup();
        Ok(Partial {
            indicators: self.indicators.clone(),
            bands: self.bands.clone(),
            rows: self.rows.saturating_add(other.rows),
            clusters,
            cells: map
                .into_iter()
                .map(|(key, counts)| Cell { key, counts })
                .collect(),
        })
    }

    /// Merge many partials (an empty list is an error: there is nothing to take the shape from).
    pub fn merge_all<'a>(parts: impl IntoIterator<Item = &'a Partial>) -> Result<Partial, Report> {
        let mut it = parts.into_iter();
        let first = it.next().cloned().ok_or_else(|| {
            Report::single(Diagnostic::new(
                Code::AggregateMismatch,
                "",
                Params::new().with("detail", "no partial aggregates to merge"),
                Locale::En,
            ))
        })?;
        it.try_fold(first, |acc, p| acc.merge(p))
    }
}

/// Fast hashing of packed cell keys (the hot loop hashes once per row).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u128(u128::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.write_u128(u128::from(i));
    }
    fn write_u128(&mut self, i: u128) {
        // splitmix64 finaliser over the folded key.
        let mut z = (i as u64) ^ ((i >> 64) as u64).rotate_left(29) ^ self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = z ^ (z >> 31);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Counts being built for one stretch of rows.
struct Accumulator {
    index: HashMap<(u128, u64), usize, BuildHasherDefault<KeyHasher>>,
    clusters: std::collections::HashSet<(u32, u32), BuildHasherDefault<KeyHasher>>,
    keys: Vec<CellKey>,
    counts: Vec<u64>,
    rows: u64,
    masks: Vec<(u64, u64)>,
    /// The program's node masks for the current 64 rows.
    nodes: Vec<u64>,
}

/// The (stratum, cluster) of row `i`: stratum 0 is the one stratum of an
/// unstratified design; with no cluster given the village is the cluster.
fn design_of(cols: &RosterColumns, i: usize) -> (u32, u32) {
    let stratum = cols.stratum.get(i).copied().unwrap_or(0);
    let cluster = match cols.cluster.get(i).copied().unwrap_or(0) {
        0 => cols.village.get(i).copied().unwrap_or(0),
        c => c,
    };
    (stratum, cluster)
}

/// One node of a [`Program`]; children are earlier nodes.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// A set of accepted codes of one field (a [`Compiled::Leaf`]).
    Leaf(Compiled),
    All(Vec<usize>),
    Any(Vec<usize>),
    Not(usize),
}

/// Every indicator's predicates as one program in which each distinct
/// sub-predicate appears once: indicators share many of theirs (an age
/// range, a sex, and each numerator holds its denominator), and each is
/// scanned once per 64 rows. Nodes combine as [`Compiled::eval`] combines
/// its parts.
#[derive(Debug, Clone, Default)]
struct Program {
    nodes: Vec<Node>,
    /// (numerator, denominator) node of each indicator, in order.
    outputs: Vec<(usize, usize)>,
}

impl Program {
    fn new(indicators: &[CompiledIndicator]) -> Program {
        let mut p = Program::default();
        for ind in indicators {
            let num = p.intern(&ind.numerator);
            let den = p.intern(&ind.denominator);
            p.outputs.push((num, den));
        }
        p
    }

    /// The node for `c`, added (after its children) unless already there.
    fn intern(&mut self, c: &Compiled) -> usize {
        let node = match c {
            Compiled::All(cs) => Node::All(cs.iter().map(|c| self.intern(c)).collect()),
            Compiled::Any(cs) => Node::Any(cs.iter().map(|c| self.intern(c)).collect()),
            Compiled::Not(c) => Node::Not(self.intern(c)),
            Compiled::Leaf(..) => Node::Leaf(c.clone()),
        };
        match self.nodes.iter().position(|n| *n == node) {
            Some(i) => i,
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        }
    }

    /// Every node's mask on rows `start..start + len` (`len` ≤ 64), into `out`.
    fn eval(&self, cols: &RosterColumns, start: usize, len: usize, out: &mut Vec<u64>) {
        let full = rows_mask(len);
        out.clear();
        for node in &self.nodes {
            let at = |i: &usize| out.get(*i).copied().unwrap_or(0);
            let mask = match node {
                Node::Leaf(c) => c.eval(cols, start, len),
                Node::All(cs) => cs.iter().fold(full, |m, i| m & at(i)),
                Node::Any(cs) => cs.iter().fold(0, |m, i| m | at(i)),
                Node::Not(i) => !at(i) & full,
            };
            out.push(mask);
        }
    }
}

/// Compiled indicators and bands: turns roster columns into [`Partial`]s.
#[derive(Debug, Clone)]
pub struct Engine {
    /// Indicator ids, in the order of the program's outputs.
    ids: Vec<String>,
    program: Program,
    bands: AgeBands,
    lut: [u8; 256],
}

/// Rows per unit of parallel work.
const CHUNK: usize = 1 << 16;

impl Engine {
    /// Compile `catalogue` for breakdowns by `bands`.
    pub fn new(catalogue: &Catalogue, bands: AgeBands) -> Result<Engine, Report> {
        bands.check()?;
        let indicators = catalogue.compile()?;
        let lut = bands.lookup();
        Ok(Engine {
            program: Program::new(&indicators),
            ids: indicators.into_iter().map(|i| i.id).collect(),
            bands,
            lut,
        })
    }

    /// Indicator ids, in count order.
    pub fn ids(&self) -> Vec<String> {
        self.ids.clone()
    }

    /// The partial aggregate of no rows (the identity of merge).
    pub fn empty(&self) -> Partial {
        Partial {
            indicators: self.ids(),
            bands: self.bands.clone(),
            rows: 0,
            clusters: Vec::new(),
            cells: Vec::new(),
        }
    }

    /// One pass over all rows (in parallel over chunks with the `parallel` feature).
    pub fn accumulate(&self, cols: &RosterColumns) -> Result<Partial, Report> {
        let n = cols.check_lengths()?;
        let chunks = n.div_ceil(CHUNK);
        let range = |c: usize| c * CHUNK..((c + 1) * CHUNK).min(n);
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            (0..chunks)
                .into_par_iter()
                .fold(
                    || self.accumulator(),
                    |mut acc, c| {
                        self.add_rows(&mut acc, cols, range(c));
                        acc
                    },
                )
                .map(|acc| Ok::<Partial, Report>(self.finish(acc)))
                .try_reduce(|| self.empty(), |a, b| a.merge(&b))
        }
        #[cfg(not(feature = "parallel"))]
        {
            let mut acc = self.accumulator();
            (0..chunks).for_each(|c| self.add_rows(&mut acc, cols, range(c)));
            Ok(self.finish(acc))
        }
    }

    /// One sequential pass over `rows` (for callers that split the data themselves).
    pub fn accumulate_range(
        &self,
        cols: &RosterColumns,
        rows: Range<usize>,
    ) -> Result<Partial, Report> {
        let n = cols.check_lengths()?;
        let mut acc = self.accumulator();
        self.add_rows(&mut acc, cols, rows.start.min(n)..rows.end.min(n));
        Ok(self.finish(acc))
    }

    fn accumulator(&self) -> Accumulator {
        Accumulator {
            index: HashMap::default(),
            clusters: Default::default(),
            keys: Vec::new(),
            counts: Vec::new(),
            rows: 0,
            masks: vec![(0, 0); self.ids.len()],
            nodes: Vec::with_capacity(self.program.nodes.len()),
        }
    }

    fn add_rows(&self, acc: &mut Accumulator, cols: &RosterColumns, rows: Range<usize>) {
        let m = self.ids.len();
        acc.rows += rows.end.saturating_sub(rows.start) as u64;
        // Rows of one cluster usually come together: insert only on a change.
        let mut last = None;
        for i in rows.clone() {
            let design = design_of(cols, i);
            if last != Some(design) {
                acc.clusters.insert(design);
                last = Some(design);
            }
        }
        let mut start = rows.start;
        while start < rows.end {
            let len = (rows.end - start).min(64);
            let mut any = 0u64;
            self.program.eval(cols, start, len, &mut acc.nodes);
            let node = |i: usize| acc.nodes.get(i).copied().unwrap_or(0);
            for (slot, &(num, den)) in acc.masks.iter_mut().zip(&self.program.outputs) {
                let den = node(den);
                *slot = (node(num) & den, den);
                any |= den;
            }
            while any != 0 {
                let k = any.trailing_zeros();
                any &= any - 1;
                let i = start + k as usize;
                let key = self.key(cols, i);
                let packed = key.pack();
                let cell = match acc.index.get(&packed) {
                    Some(&c) => c,
                    None => {
                        let c = acc.keys.len();
                        acc.index.insert(packed, c);
                        acc.keys.push(key);
                        acc.counts.resize(acc.counts.len() + 4 * m, 0);
                        c
                    }
                };
                let w = cols
                    .weight
                    .get(i)
                    .map_or(WEIGHT_UNIT as u64, |w| weight_units(*w));
                let base = cell * 4 * m;
                if let Some(counts) = acc.counts.get_mut(base..base + 4 * m) {
                    for (quad, (num, den)) in counts.chunks_exact_mut(4).zip(&acc.masks) {
                        if let [n, d, wn, wd] = quad {
                            let (x, y) = ((num >> k) & 1, (den >> k) & 1);
                            *n += x;
                            *d += y;
                            *wn = wn.saturating_add(x * w);
                            *wd = wd.saturating_add(y * w);
                        }
                    }
                }
            }
            start += len;
        }
    }

    fn key(&self, cols: &RosterColumns, i: usize) -> CellKey {
        let u = |v: &Vec<u32>| v.get(i).copied().unwrap_or(0);
        let b = |v: &Vec<u8>| v.get(i).copied().unwrap_or(MISSING);
        let age = b(&cols.age);
        CellKey {
            district: u(&cols.district),
            block: u(&cols.block),
            village: u(&cols.village),
            sex: b(&cols.sex),
            age_band: self.lut.get(usize::from(age)).copied().unwrap_or(MISSING),
            social_group: b(&cols.social_group),
            disability: cols.disability.get(i).map_or(MISSING, |d| u8::from(*d)),
            stratum: design_of(cols, i).0,
            cluster: design_of(cols, i).1,
        }
    }

    fn finish(&self, acc: Accumulator) -> Partial {
        let m = self.ids.len();
        let mut cells: Vec<Cell> = acc
            .keys
            .iter()
            .enumerate()
            .map(|(c, key)| Cell {
                key: *key,
                counts: (0..m)
                    .map(|j| {
                        let at =
                            |o: usize| acc.counts.get(c * 4 * m + 4 * j + o).copied().unwrap_or(0);
                        Count {
                            numerator: at(0),
                            denominator: at(1),
                            weighted_numerator: at(2),
                            weighted_denominator: at(3),
                        }
                    })
                    .collect(),
            })
            .collect();
        cells.sort_by_key(|c| c.key);
        Partial {
            indicators: self.ids(),
            bands: self.bands.clone(),
            rows: acc.rows,
            clusters: {
                let mut clusters: Vec<(u32, u32)> = acc.clusters.into_iter().collect();
                clusters.sort_unstable();
                clusters
            },
            cells,
        }
    }
}
