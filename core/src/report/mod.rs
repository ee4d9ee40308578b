//! The district baseline report: the roster's indicators (by block, with 95 %
//! intervals, small cells suppressed) and the DNA baseline (village ranking,
//! triangulation gaps, DCPP priorities), as a JSON result, a terminal summary
//! and a self-contained HTML page (inline CSS and SVG, no scripts).
//!
//! Only aggregates leave this module: no household id, no row, nothing that
//! could identify a child (JJ Act s.74, POCSO s.23).

mod html;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::dna::Baseline;
use crate::indicators::{
    AgeBands, Catalogue, Dimension, Engine, GeoLevel, RejectedRow, RosterColumns, Table,
    TableOptions,
};
use crate::{Locale, Report};

pub use html::html;

/// What the report is built from.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    /// Report title, e.g. the district's name.
    pub district_name: String,
    /// The roster as columns.
    pub roster: &'a RosterColumns,
    /// Roster rows rejected by validation (only their count and codes are reported).
    pub rejected: &'a [RejectedRow],
    /// The DNA baseline, when DNA records were given.
    pub baseline: Option<Baseline>,
    /// Table options (level is forced to village so every margin is suppressed together).
    pub options: TableOptions,
    /// Names of blocks and villages by LGD code, besides those the DNA records give.
    pub names: BTreeMap<u32, String>,
    /// Language of the summary and the page (English or Hindi).
    pub locale: Locale,
}

/// The report as data (this is the JSON result).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DistrictReport {
    /// Language of the summary and the page.
    #[serde(default)]
    pub locale: Locale,
    /// Title.
    pub title: String,
    /// Roster rows used.
    pub roster_rows: u64,
    /// Roster rows rejected by validation, counted as rows, with no count
    /// under the suppression threshold (their row numbers stay with the
    /// caller: [`crate::indicators::RejectedRow`]).
    pub rejected: RejectedSummary,
    /// LGD code → name of the blocks and villages known from the DNA records.
    pub names: BTreeMap<u32, String>,
    /// One table per indicator: district, blocks and villages, by sex, suppressed.
    pub indicators: Vec<Table>,
    /// The DNA baseline (village ranking, roll-ups, DCPP priorities), when given.
    pub baseline: Option<Baseline>,
}

/// Build the report.
pub fn build(input: ReportInput<'_>) -> Result<DistrictReport, Report> {
    let catalogue = Catalogue::builtin()?;
    let engine = Engine::new(&catalogue, AgeBands::default())?;
    let partial = engine.accumulate(input.roster)?;
    // One table per indicator holding every published margin, so suppression
    // is decided once for everything the report shows.
    let opts = TableOptions {
        level: GeoLevel::Village,
        by: vec![Dimension::Sex],
        ..input.options
    };
    let indicators = partial.tables(&catalogue, &opts)?;
    let rejected = RejectedSummary::of(input.rejected, opts.suppression.threshold());
    let mut names = input.names;
    if let Some(b) = &input.baseline {
        for v in &b.villages {
            for a in v.block.iter().chain(v.village.iter()) {
                names.insert(a.lgd_code, a.name.clone());
            }
        }
        for a in b.blocks.iter().filter_map(|r| r.area.as_ref()) {
            names.insert(a.lgd_code, a.name.clone());
        }
    }
    let title = match input.locale {
        Locale::Hi => format!("{} ज़िला बेसलाइन", input.district_name),
        Locale::En => format!("{} district baseline", input.district_name),
    };
    Ok(DistrictReport {
        locale: input.locale,
        title,
        roster_rows: partial.rows,
        rejected,
        names,
        indicators,
        // A published report names places, never records: DNA record ids stay out.
        baseline: input.baseline.map(|mut b| {
            b.villages.iter_mut().for_each(|v| v.record_id.clear());
            b
        }),
    })
}

/// Rejected roster rows as a published report may show them: the number of
/// rows (`<k` when between 1 and k − 1) and the codes that rejected at least
/// k rows, each with its number of rows; rarer codes are not named.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct RejectedSummary {
    /// Rows rejected: a number, or `<k`.
    pub rows: String,
    /// Rows rejected by each code found in at least k rows.
    pub by_code: BTreeMap<String, usize>,
}

impl RejectedSummary {
    /// Summarise rejected rows for publication with threshold `k`.
    pub fn of(rejected: &[RejectedRow], k: u64) -> RejectedSummary {
        let mut by_code: BTreeMap<String, usize> = BTreeMap::new();
        for r in rejected {
            let mut codes: Vec<&str> = r.report.errors().map(|d| d.code.as_str()).collect();
            codes.sort_unstable();
            codes.dedup();
            for c in codes {
                *by_code.entry(c.to_owned()).or_insert(0) += 1;
            }
        }
        let small = |n: usize| n > 0 && (n as u64) < k;
        by_code.retain(|_, n| !small(*n));
        let n = rejected.len();
        RejectedSummary {
            rows: if small(n) {
                format!("<{k}")
            } else {
                n.to_string()
            },
            by_code,
        }
    }
}

impl DistrictReport {
    /// Pick the text for the report's language.
    pub fn tr<'a>(&self, en: &'a str, hi: &'a str) -> &'a str {
        match self.locale {
            Locale::En => en,
            Locale::Hi => hi,
        }
    }

    /// An indicator title in the report's language.
    pub fn title_of<'a>(&self, t: &'a Table) -> &'a str {
        self.tr(&t.title.en, &t.title.hi)
    }

    /// The name of an LGD code, or the code itself.
    pub fn name(&self, code: u32) -> String {
        self.names
            .get(&code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }

    /// The plain-text summary printed by `suraksha demo` and `suraksha report`.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title);
        let _ = writeln!(s, "{}", "=".repeat(self.title.chars().count()));
        let _ = writeln!(
            s,
            "{}: {}",
            self.tr("Roster rows", "रोस्टर पंक्तियाँ"),
            self.roster_rows
        );
        if self.rejected.rows != "0" {
            let _ = writeln!(
                s,
                "{}: {}",
                self.tr("Rows rejected", "अस्वीकृत पंक्तियाँ"),
                self.rejected.rows
            );
            for (code, n) in &self.rejected.by_code {
                let _ = writeln!(s, "  {code}: {n}");
            }
        }
        let _ = writeln!(
            s,
            "\n{}",
            self.tr(
                "Indicators (95% interval under the survey design, villages as clusters; deff = design effect; * = hidden to protect small numbers)",
                "संकेतक (सर्वेक्षण ढाँचे के अनुसार 95% अंतराल, गाँव समूह के रूप में; deff = डिज़ाइन प्रभाव; * = छोटी संख्याओं की रक्षा हेतु छिपाया गया)"
            )
        );
        for t in &self.indicators {
            let _ = writeln!(s, "  {}", self.title_of(t));
            for r in t
                .rows
                .iter()
                .filter(|r| r.village.is_none() && r.breakdown.is_empty())
            {
                let place = r
                    .block
                    .map_or_else(|| "District".to_owned(), |b| self.name(b));
                match r.design_effect.filter(|_| r.block.is_none()) {
                    Some(d) => {
                        let _ = writeln!(s, "    {place:<12} {}  deff {d:.2}", r.display);
                    }
                    None => {
                        let _ = writeln!(s, "    {place:<12} {}", r.display);
                    }
                }
            }
        }
        if let Some(b) = &self.baseline {
            let _ = writeln!(
                s,
                "\n{}",
                self.tr(
                    "Most vulnerable villages (DNA index, 0-100)",
                    "सबसे संवेदनशील गाँव (DNA सूचकांक, 0-100)"
                )
            );
            for v in b.villages.iter().take(5) {
                let name = v.village.as_ref().map_or("?", |a| a.name.as_str());
                let block = v.block.as_ref().map_or("?", |a| a.name.as_str());
                let _ = writeln!(s, "  {:>2}. {name} ({block}): {:.1}", v.rank, v.index);
            }
            let _ = writeln!(s, "\n{}", self.tr("DCPP priorities", "DCPP प्राथमिकताएँ"));
            for p in b.priorities.iter().take(5) {
                let _ = writeln!(
                    s,
                    "  {:>2}. {} ({} {:.0}; {}/{} {})",
                    p.rank,
                    self.tr(&p.title_en, &p.title_hi),
                    self.tr("score", "अंक"),
                    p.score,
                    p.evidence.villages_affected,
                    p.evidence.villages,
                    self.tr("villages affected", "गाँव प्रभावित")
                );
            }
        } else {
            let _ = writeln!(
                s,
                "\n(No DNA records given: village ranking and priorities left out.)"
            );
        }
        s
    }
}
