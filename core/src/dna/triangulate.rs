//! Triangulation of the DNA evidence, per village and theme, and everything
//! built on it: the village vulnerability index and ranking, block and district
//! roll-ups, and the DCPP priorities. Pure functions over typed records.
//!
//! # Formulas (all weights are data in [`DnaRules`])
//!
//! For one village and theme, each source `i` (adult group, children's group,
//! each duty bearer, the official figure read on the scale through the theme's
//! cuts) gives a severity `s_i` on the scale `0..=M`.
//!
//! - **Agreement** (two or more sources): `A = 1 − mean over pairs i<j of |s_i − s_j| / M`.
//!   1 when every source says the same, 0 when two sources sit at opposite ends;
//!   always within `[0, 1]`.
//! - **Consolidated severity**: `C = Σ w_i s_i / Σ w_i`, with the source weights
//!   (community groups weigh most); it is the collation's consolidated value.
//! - **Severity** used below: the community severity (mean of the two groups)
//!   when the groups spoke on the theme, else `C`. The DNA is participatory and
//!   duty bearers and official data usually under-report, so mixing them into
//!   the ranking would favour themes nobody official was asked about; their
//!   view enters through the agreement and the gap instead.
//! - **Gap**: community severity (mean of the two groups) minus the official
//!   severity; positive means official data under-report. When both carry an
//!   estimate in the theme's unit, `estimate_gap` is the same in units and
//!   `official_share` is official ÷ community.
//! - **Vulnerability index** of a village: `100 × Σ_t w_t S_t / (M Σ_t w_t)` over
//!   the themes with evidence, `S_t` the severity, `w_t` the theme weight.
//!   Villages are ranked by it (ties by LGD code, so the ranking is a permutation).
//! - **Reach** of a theme in an area: share of its villages with `S ≥ affected_from`.
//! - **Priority** of a theme: `100 × (a·S + b·R + c·G) / (a + b + c)` with `S`
//!   the mean severity ÷ M, `R` the reach, `G` the mean positive gap ÷ M, and
//!   `a, b, c` the priority weights.

use std::collections::BTreeMap;

pub use super::results::*;

use super::catalogue::DnaRules;
use super::model::*;
use crate::model::Area;

fn mean(xs: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = xs
        .into_iter()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Agreement of severities on a scale with maximum `max` (see the module docs).
pub fn agreement(severities: &[u8], max: u8) -> Option<f64> {
    if severities.len() < 2 || max == 0 {
        return None;
    }
    let mut total = 0.0;
    let mut pairs = 0usize;
    for (i, a) in severities.iter().enumerate() {
        for b in severities.iter().skip(i + 1) {
            total += f64::from(a.abs_diff(*b).min(max));
            pairs += 1;
        }
    }
    Some(1.0 - total / pairs as f64 / f64::from(max))
}

/// The official figure for a village and theme: a village-level row first, else
/// the block's; the latest period wins. Only rows in the theme's unit count.
fn official(
    rules: &DnaRules,
    v: &DnaVillage,
    theme: &str,
    secondary: &[SecondaryData],
) -> Option<f64> {
    let unit = rules.themes.get(theme)?.unit;
    let block = v.geography.block.as_ref().map(|b| b.lgd_code);
    let village = v.geography.village.as_ref().map(|a| a.lgd_code);
    let rows = secondary
        .iter()
        .filter(|s| s.geography.block.as_ref().map(|b| b.lgd_code) == block)
        .flat_map(|s| s.rows.iter())
        .filter(|r| r.theme.as_deref() == Some(theme) && r.unit == unit);
    let mut best: Option<(bool, chrono::NaiveDate, f64)> = None;
    for r in rows {
        let own = match r.village_lgd_code {
            Some(code) if Some(code) == village => true,
            Some(_) => continue,
            None => false,
        };
        let key = (own, r.period_to, r.value);
        if best.is_none_or(|b| (b.0, b.1) < (key.0, key.1)) {
            best = Some(key);
        }
    }
    best.map(|b| b.2)
}

fn block_view(v: &DnaVillage, theme: &str, blocks: &[DnaBlock]) -> BlockView {
    let code = v.geography.block.as_ref().map(|b| b.lgd_code);
    let responses: Vec<&BlockResponse> = blocks
        .iter()
        .filter(|b| b.geography.block.as_ref().map(|a| a.lgd_code) == code)
        .flat_map(|b| b.interviews.iter().flat_map(|i| i.responses.iter()))
        .filter(|r| r.theme == theme)
        .collect();
    BlockView {
        officers: responses.len() as u32,
        acknowledged: responses.iter().filter(|r| r.acknowledges).count() as u32,
        mean_severity: mean(responses.iter().filter_map(|r| r.severity).map(f64::from)),
        commitments: responses.iter().map(|r| r.commitments.len() as u32).sum(),
    }
}

/// Triangulate one theme of one village.
pub fn triangulate_theme(
    rules: &DnaRules,
    v: &DnaVillage,
    theme: &str,
    data: &DnaDataset,
) -> ThemeEvidence {
    let max = rules.max_severity();
    let mut sources = Vec::new();
    if let Some(f) = v.findings.iter().find(|f| f.theme == theme) {
        for (kind, ev) in [
            (SourceKind::AdultGroup, &f.adult_group),
            (SourceKind::ChildrenGroup, &f.children_group),
        ] {
            if let Some(ev) = ev {
                sources.push(SourceEvidence {
                    source: kind,
                    severity: ev.severity,
                    estimate: ev.estimate,
                    agrees_with_groups: None,
                });
            }
        }
    }
    for iv in &v.interviews {
        for e in iv.evidence.iter().filter(|e| e.theme == theme) {
            sources.push(SourceEvidence {
                source: iv.role.source(),
                severity: e.severity,
                estimate: e.estimate,
                agrees_with_groups: Some(e.agrees_with_groups),
            });
        }
    }
    let official_value = official(rules, v, theme, &data.secondary_data);
    let official_severity = official_value.and_then(|x| rules.severity_of_estimate(theme, x));
    if let (Some(value), Some(sev)) = (official_value, official_severity) {
        sources.push(SourceEvidence {
            source: SourceKind::Official,
            severity: sev,
            estimate: Some(value),
            agrees_with_groups: None,
        });
    }

    let is_group = |s: &&SourceEvidence| {
        matches!(s.source, SourceKind::AdultGroup | SourceKind::ChildrenGroup)
    };
    let community_severity = mean(
        sources
            .iter()
            .filter(is_group)
            .map(|s| f64::from(s.severity)),
    );
    let community_estimate = mean(sources.iter().filter(is_group).filter_map(|s| s.estimate));
    let duty_bearer_severity = mean(
        sources
            .iter()
            .filter(|s| s.agrees_with_groups.is_some())
            .map(|s| f64::from(s.severity)),
    );
    let weight = |k: SourceKind| {
        rules
            .weights
            .sources
            .get(&k)
            .copied()
            .unwrap_or(0.0)
            .max(0.0)
    };
    let wsum: f64 = sources.iter().map(|s| weight(s.source)).sum();
    let consolidated = if wsum > 0.0 {
        sources
            .iter()
            .map(|s| weight(s.source) * f64::from(s.severity))
            .sum::<f64>()
            / wsum
    } else {
        mean(sources.iter().map(|s| f64::from(s.severity))).unwrap_or(0.0)
    };
    let severities: Vec<u8> = sources.iter().map(|s| s.severity).collect();
    let gap = community_severity
        .zip(official_severity)
        .map(|(c, o)| c - f64::from(o));
    let estimate_gap = community_estimate.zip(official_value).map(|(c, o)| c - o);
    let official_share = community_estimate
        .zip(official_value)
        .filter(|(c, _)| *c > 0.0)
        .map(|(c, o)| o / c);
    ThemeEvidence {
        theme: theme.to_owned(),
        agreement: agreement(&severities, max),
        consolidated: consolidated.clamp(0.0, f64::from(max)),
        severity: community_severity
            .unwrap_or(consolidated)
            .clamp(0.0, f64::from(max)),
        sources,
        community_severity,
        community_estimate,
        duty_bearer_severity,
        official_value,
        gap,
        estimate_gap,
        official_share,
        block: block_view(v, theme, &data.blocks),
    }
}

/// Vulnerability index of a village from its themes (see the module docs).
pub fn vulnerability_index(rules: &DnaRules, themes: &[ThemeEvidence]) -> f64 {
    let max = f64::from(rules.max_severity());
    let (num, den) = themes.iter().fold((0.0, 0.0), |(n, d), t| {
        let w = rules
            .themes
            .get(&t.theme)
            .map_or(0.0, |th| th.weight.max(0.0));
        (n + w * t.severity, d + w)
    });
    if den > 0.0 && max > 0.0 {
        (100.0 * num / (max * den)).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

fn village_themes(v: &DnaVillage) -> impl Iterator<Item = &str> {
    let findings = v.findings.iter().map(|f| f.theme.as_str());
    let interviews = v
        .interviews
        .iter()
        .flat_map(|i| i.evidence.iter().map(|e| e.theme.as_str()));
    findings.chain(interviews)
}

/// Triangulate every village, index and rank them.
pub fn villages(rules: &DnaRules, data: &DnaDataset) -> Vec<VillageResult> {
    let mut out: Vec<VillageResult> = data
        .villages
        .iter()
        .map(|v| {
            // Catalogue order, restricted to themes the village has evidence on.
            let present: Vec<&str> = village_themes(v).collect();
            let themes: Vec<ThemeEvidence> = rules
                .themes
                .keys()
                .filter(|t| present.contains(&t.as_str()))
                .map(|t| triangulate_theme(rules, v, t, data))
                .collect();
            VillageResult {
                record_id: v.id.clone(),
                block: v.geography.block.clone(),
                gram_panchayat: v.geography.gram_panchayat.clone(),
                village: v.geography.village.clone(),
                index: vulnerability_index(rules, &themes),
                rank: 0,
                block_rank: 0,
                themes,
            }
        })
        .collect();
    let code = |r: &VillageResult| r.village.as_ref().map_or(u32::MAX, |a| a.lgd_code);
    out.sort_by(|a, b| {
        b.index
            .total_cmp(&a.index)
            .then(code(a).cmp(&code(b)))
            .then(a.record_id.cmp(&b.record_id))
    });
    let mut in_block: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, r) in out.iter_mut().enumerate() {
        r.rank = i + 1;
        // Already in district order, so counting per block gives the block rank.
        let n = in_block
            .entry(r.block.as_ref().map_or(0, |b| b.lgd_code))
            .or_insert(0);
        *n += 1;
        r.block_rank = *n;
    }
    out
}

/// Summarise villages (all in one area) per theme.
pub fn rollup(rules: &DnaRules, area: Option<Area>, villages: &[&VillageResult]) -> Rollup {
    let n = villages.len();
    let themes = rules
        .themes
        .keys()
        .filter_map(|theme| {
            let ev: Vec<&ThemeEvidence> = villages
                .iter()
                .flat_map(|v| v.themes.iter())
                .filter(|t| &t.theme == theme)
                .collect();
            if ev.is_empty() {
                return None;
            }
            let affected = ev
                .iter()
                .filter(|t| t.severity >= f64::from(rules.weights.affected_from))
                .count();
            let mut by_source = BTreeMap::new();
            for kind in ev.iter().flat_map(|t| t.sources.iter().map(|s| s.source)) {
                if by_source.contains_key(&kind) {
                    continue;
                }
                let m = mean(
                    ev.iter()
                        .flat_map(|t| t.sources.iter())
                        .filter(|s| s.source == kind)
                        .map(|s| f64::from(s.severity)),
                );
                if let Some(m) = m {
                    by_source.insert(kind, m);
                }
            }
            Some(ThemeRollup {
                theme: theme.clone(),
                villages: ev.len(),
                mean_severity: mean(ev.iter().map(|t| t.severity)).unwrap_or(0.0),
                villages_affected: affected,
                reach: if n > 0 {
                    affected as f64 / n as f64
                } else {
                    0.0
                },
                mean_gap: mean(ev.iter().filter_map(|t| t.gap)),
                mean_agreement: mean(ev.iter().filter_map(|t| t.agreement)),
                duty_bearers_agreeing: mean(
                    ev.iter()
                        .flat_map(|t| t.sources.iter())
                        .filter_map(|s| s.agrees_with_groups)
                        .map(|a| if a { 1.0 } else { 0.0 }),
                ),
                by_source,
                community_estimate: mean(ev.iter().filter_map(|t| t.community_estimate)),
                official_value: mean(ev.iter().filter_map(|t| t.official_value)),
            })
        })
        .collect();
    Rollup {
        area,
        villages: n,
        mean_index: mean(villages.iter().map(|v| v.index)).unwrap_or(0.0),
        themes,
    }
}

/// DCPP priorities from the district roll-up.
pub fn priorities(
    rules: &DnaRules,
    district: &Rollup,
    villages: &[VillageResult],
    data: &DnaDataset,
) -> Vec<Priority> {
    let max = f64::from(rules.max_severity()).max(1.0);
    let w = &rules.weights;
    let wsum = (w.priority_severity + w.priority_reach + w.priority_gap).max(f64::MIN_POSITIVE);
    let mut out: Vec<Priority> = district
        .themes
        .iter()
        .filter_map(|t| {
            let theme = rules.themes.get(&t.theme)?;
            let severity = (t.mean_severity / max).clamp(0.0, 1.0);
            let gap = (t.mean_gap.unwrap_or(0.0).max(0.0) / max).clamp(0.0, 1.0);
            let score = 100.0
                * (w.priority_severity * severity
                    + w.priority_reach * t.reach
                    + w.priority_gap * gap)
                / wsum;
            let mut affected: Vec<(f64, u32)> = villages
                .iter()
                .filter_map(|v| {
                    let e = v.themes.iter().find(|e| e.theme == t.theme)?;
                    let code = v.village.as_ref()?.lgd_code;
                    (e.severity >= f64::from(w.affected_from)).then_some((e.severity, code))
                })
                .collect();
            affected.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            let responses: Vec<&BlockResponse> = data
                .blocks
                .iter()
                .flat_map(|b| b.interviews.iter().flat_map(|i| i.responses.iter()))
                .filter(|r| r.theme == t.theme)
                .collect();
            Some(Priority {
                rank: 0,
                theme: t.theme.clone(),
                title_en: theme.title_en.clone(),
                title_hi: theme.title_hi.clone(),
                score: score.clamp(0.0, 100.0),
                severity,
                reach: t.reach,
                gap,
                evidence: t.clone(),
                affected_villages: affected.into_iter().map(|a| a.1).collect(),
                block: BlockView {
                    officers: responses.len() as u32,
                    acknowledged: responses.iter().filter(|r| r.acknowledges).count() as u32,
                    mean_severity: mean(responses.iter().filter_map(|r| r.severity).map(f64::from)),
                    commitments: responses.iter().map(|r| r.commitments.len() as u32).sum(),
                },
            })
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.theme.cmp(&b.theme)));
    for (i, p) in out.iter_mut().enumerate() {
        p.rank = i + 1;
    }
    out
}

/// The whole baseline: triangulated and ranked villages, block and district
/// roll-ups, DCPP priorities. Records are assumed valid (see [`super::baseline_value`]).
pub fn baseline(rules: &DnaRules, data: &DnaDataset) -> Baseline {
    let villages = villages(rules, data);
    let mut by_block: BTreeMap<u32, (Option<Area>, Vec<&VillageResult>)> = BTreeMap::new();
    for v in &villages {
        let code = v.block.as_ref().map_or(0, |b| b.lgd_code);
        let entry = by_block
            .entry(code)
            .or_insert_with(|| (v.block.clone(), Vec::new()));
        entry.1.push(v);
    }
    let blocks: Vec<Rollup> = by_block
        .into_values()
        .map(|(area, vs)| rollup(rules, area, &vs))
        .collect();
    let all: Vec<&VillageResult> = villages.iter().collect();
    let district_area = data.villages.first().map(|v| v.geography.district.clone());
    let district = rollup(rules, district_area, &all);
    let priorities = priorities(rules, &district, &villages, data);
    Baseline {
        villages,
        blocks,
        district,
        priorities,
        warnings: Vec::new(),
    }
}

/// The village collation (Part I joined with Part II and the official figure)
/// of one village, dated `date`, built from the triangulation.
pub fn collate(
    rules: &DnaRules,
    v: &DnaVillage,
    data: &DnaDataset,
    date: chrono::NaiveDate,
) -> VillageCollation {
    let present: Vec<&str> = village_themes(v).collect();
    let themes = rules
        .themes
        .keys()
        .filter(|t| present.contains(&t.as_str()))
        .map(|t| {
            let e = triangulate_theme(rules, v, t, data);
            let mut sources: Vec<SourceSeverity> = Vec::new();
            for s in &e.sources {
                // One row per source kind: several "other" duty bearers share it.
                if !sources.iter().any(|x| x.source == s.source) {
                    sources.push(SourceSeverity {
                        source: s.source,
                        severity: s.severity,
                    });
                }
            }
            CollationRow {
                theme: t.clone(),
                sources,
                block_severity: e.block.mean_severity.map(|m| m.round() as u8),
                consolidated: e.consolidated.round() as u8,
                remarks: None,
            }
        })
        .collect();
    VillageCollation {
        id: format!("COL-{}", v.id),
        geography: v.geography.clone(),
        date,
        themes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dna::generate::district;

    #[test]
    fn agreement_examples() {
        assert_eq!(agreement(&[2, 2, 2], 4), Some(1.0));
        assert_eq!(agreement(&[0, 4], 4), Some(0.0));
        // Pairs (3,1) (3,1) (1,1): mean difference 4/3 of a 4-point scale.
        let a = agreement(&[3, 1, 1], 4).unwrap();
        assert!((a - (1.0 - 4.0 / 3.0 / 4.0)).abs() < 1e-12);
        assert_eq!(agreement(&[3], 4), None);
    }

    #[test]
    fn a_village_figure_wins_over_the_block_figure_and_units_must_match() {
        let rules = DnaRules::default();
        let mut data = district(1).dataset();
        let Some(v) = data.villages.first().cloned() else {
            return;
        };
        let code = v.geography.village.as_ref().map(|a| a.lgd_code);
        let block_value = official(&rules, &v, "child_marriage", &data.secondary_data);
        assert!(block_value.is_some());
        let Some(sd) = data.secondary_data.first_mut() else {
            return;
        };
        let Some(mut row) = sd.rows.first().cloned() else {
            return;
        };
        row.village_lgd_code = code;
        row.value = 33.3;
        row.period_to = chrono::NaiveDate::from_ymd_opt(2020, 3, 31).unwrap();
        sd.rows.push(row.clone());
        // Older, but for this very village: it wins.
        assert_eq!(
            official(&rules, &v, "child_marriage", &data.secondary_data),
            Some(33.3)
        );
        // In counts it is not comparable with a percent theme, so the block figure stays.
        if let Some(last) = data
            .secondary_data
            .first_mut()
            .and_then(|s| s.rows.last_mut())
        {
            last.unit = crate::dna::EstimateUnit::Count;
        }
        assert_eq!(
            official(&rules, &v, "child_marriage", &data.secondary_data),
            block_value
        );
    }

    #[test]
    fn collation_rows_agree_with_the_triangulation() {
        let rules = DnaRules::default();
        let data = district(4).dataset();
        let Some(v) = data.villages.get(5) else {
            return;
        };
        let c = collate(&rules, v, &data, v.date);
        for row in &c.themes {
            let t = triangulate_theme(&rules, v, &row.theme, &data);
            assert_eq!(row.consolidated, t.consolidated.round() as u8);
            assert!(row
                .sources
                .iter()
                .all(|s| t.sources.iter().any(|x| x.source == s.source)));
        }
        assert_eq!(c.themes.len(), v.findings.len());
    }
}
