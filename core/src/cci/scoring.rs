//! Weighted scores, rating band and critical-failure cap of a CCI review (the
//! formulas are in the [`crate::cci`] module docs).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::frame_default::default_frame;
use super::model::*;
use super::rules::check_against;
use crate::context::Context;
use crate::diagnostic::{Code, Collector, Locale, Params, Report};
use crate::kind::Kind;
use crate::record::parse_record;

/// One item's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ItemResult {
    /// Item id.
    pub item: String,
    /// The score, if scored.
    pub score: Option<u8>,
    /// Marked not applicable.
    pub not_applicable: bool,
    /// A critical item.
    pub critical: bool,
}

/// One domain's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DomainScore {
    /// Domain id.
    pub domain: String,
    /// Title in the requested locale.
    pub title: String,
    /// Weight of the domain.
    pub weight: f64,
    /// Weighted score 0–100 over the items scored; none when no item was scored.
    pub score: Option<f64>,
    /// Items scored.
    pub scored: usize,
    /// Items marked not applicable.
    pub not_applicable: usize,
    /// Items not assessed.
    pub missing: usize,
    /// Every item of the domain.
    pub items: Vec<ItemResult>,
}

/// A critical item that failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CriticalFailure {
    /// Item id.
    pub item: String,
    /// The standard, in the requested locale.
    pub text: String,
    /// Its legal reference.
    pub reference: String,
    /// The score it got.
    pub score: u8,
    /// The evidence recorded.
    pub evidence: Option<String>,
}

/// The result of a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CciResult {
    /// Frame id and version used.
    pub frame: String,
    /// Weighted overall score, 0–100 (none when nothing was scored).
    pub overall: Option<f64>,
    /// The band the score alone reaches.
    pub score_band: Option<String>,
    /// The rating: the score band, capped by critical failures.
    pub rating: Option<String>,
    /// The rating's label in the requested locale.
    pub rating_label: Option<String>,
    /// True when a critical failure lowered the rating.
    pub capped: bool,
    /// Critical items scored below the pass mark.
    pub critical_failures: Vec<CriticalFailure>,
    /// Per domain, in frame order.
    pub domains: Vec<DomainScore>,
    /// Share of applicable items that were scored, 0–1.
    pub coverage: f64,
}

fn text(locale: Locale, en: &str, hi: &str) -> String {
    match locale {
        Locale::En => en.to_owned(),
        Locale::Hi => hi.to_owned(),
    }
}

/// Score an assessment against a frame. Unknown items and out-of-scale scores
/// are ignored here (validation reports them); the first score of an item counts.
pub fn score(a: &CciAssessment, frame: &CciFrame, locale: Locale) -> CciResult {
    let max = f64::from(frame.max_score().max(1));
    let find = |id: &str| a.scores.iter().find(|s| s.item == id);
    let mut domains = Vec::new();
    let mut critical_failures = Vec::new();
    let (mut applicable, mut scored_total) = (0usize, 0usize);
    for d in &frame.domains {
        let (mut num, mut den) = (0.0, 0.0);
        let (mut scored, mut na, mut missing) = (0, 0, 0);
        let mut items = Vec::new();
        for item in &d.items {
            let s = find(&item.id);
            let value = s.and_then(|s| s.score).filter(|v| f64::from(*v) <= max);
            let not_applicable = s.is_some_and(|s| s.not_applicable && s.score.is_none());
            match (value, not_applicable) {
                (Some(v), _) => {
                    scored += 1;
                    num += item.weight * f64::from(v) / max;
                    den += item.weight;
                    if item.critical && v < frame.critical_pass {
                        critical_failures.push(CriticalFailure {
                            item: item.id.clone(),
                            text: text(locale, &item.text_en, &item.text_hi),
                            reference: item.reference.clone(),
                            score: v,
                            evidence: s.and_then(|s| s.evidence.clone()),
                        });
                    }
                }
                (None, true) => na += 1,
                (None, false) => missing += 1,
            }
            items.push(ItemResult {
                item: item.id.clone(),
                score: value,
                not_applicable,
                critical: item.critical,
            });
        }
        applicable += scored + missing;
        scored_total += scored;
        domains.push(DomainScore {
            domain: d.id.clone(),
            title: text(locale, &d.title_en, &d.title_hi),
            weight: d.weight,
            score: (den > 0.0).then(|| (100.0 * num / den).clamp(0.0, 100.0)),
            scored,
            not_applicable: na,
            missing,
            items,
        });
    }
    let (num, den) = domains
        .iter()
        .filter_map(|d| d.score.map(|s| (d.weight * s, d.weight)))
        .fold((0.0, 0.0), |(n, w), (x, y)| (n + x, w + y));
    let overall = (den > 0.0).then(|| (num / den).clamp(0.0, 100.0));
    // Bands are best first: the first whose threshold the score reaches.
    let score_index = overall.and_then(|o| frame.bands.iter().position(|b| o >= b.min_score));
    let cap_index = frame.bands.iter().position(|b| b.id == frame.critical_cap);
    let rating_index = match (score_index, cap_index, critical_failures.is_empty()) {
        (Some(s), Some(c), false) => Some(s.max(c)),
        (s, _, _) => s,
    };
    let band = |i: Option<usize>| i.and_then(|i| frame.bands.get(i));
    CciResult {
        frame: format!("{} {}", frame.id, frame.version),
        overall,
        score_band: band(score_index).map(|b| b.id.clone()),
        rating: band(rating_index).map(|b| b.id.clone()),
        rating_label: band(rating_index).map(|b| text(locale, &b.en, &b.hi)),
        capped: rating_index != score_index,
        critical_failures,
        domains,
        coverage: if applicable > 0 {
            scored_total as f64 / applicable as f64
        } else {
            0.0
        },
    }
}

/// Score an assessment given as JSON, against `frame` (a `cci_frame` record)
/// or the shipped frame when `frame` is `None`. Both are validated; any error
/// fails the call with its report.
pub fn assess_value(
    assessment: &Value,
    frame: Option<&Value>,
    ctx: &Context<'_>,
) -> Result<CciResult, Report> {
    let supplied = match frame {
        Some(f) => Some(parse_record::<CciFrame>(Kind::CciFrame, f, ctx)?.0),
        None => None,
    };
    let (a, _) = parse_record::<CciAssessment>(Kind::CciAssessment, assessment, ctx)?;
    let frame = match supplied {
        Some(frame) => {
            // The record's own check used the shipped frame; judge its items by this one.
            let mut out = Collector::new(ctx.locale);
            if a.frame != frame.id {
                let p = Params::new()
                    .with("id", a.frame.as_str())
                    .with("collection", "frame");
                out.push(Code::UnknownReference, "/frame", p);
            }
            check_against(&a, &frame, &mut out);
            let report = out.into_report();
            if !report.valid {
                return Err(report);
            }
            frame
        }
        None => default_frame(),
    };
    Ok(score(&a, &frame, ctx.locale))
}
