//! The rules of the DNA records beyond their shape, as a DCPU officer checking
//! the forms would apply them: themes from the catalogue and unique, severities
//! on the scale, estimates within their unit, plausible groups (the children's
//! group holds children), no future dates, every required duty bearer heard.
//! All thresholds come from [`super::catalogue::DnaRules`] in the profile.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde_json::Value;

use super::catalogue::{DnaRules, EstimateUnit};
use super::model::*;
use crate::context::Context;
use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::model::Geography;
use crate::record::Record;
use crate::rules::common::{check_not_future, dates_out_of_order};

/// Largest count estimate accepted (a village has at most a few thousand children). (ours)
const MAX_COUNT_ESTIMATE: u32 = 100_000;

/// Push `dna_unknown_theme` when `theme` is not in the catalogue; true when known.
pub(crate) fn check_theme(rules: &DnaRules, theme: &str, path: &str, out: &mut Collector) -> bool {
    if rules.themes.contains_key(theme) {
        return true;
    }
    let allowed: Vec<Value> = rules
        .themes
        .keys()
        .map(|k| Value::from(k.as_str()))
        .collect();
    out.push(
        Code::DnaUnknownTheme,
        path,
        Params::new().with("theme", theme).with("allowed", allowed),
    );
    false
}

/// Report every theme listed twice; `themes` gives (theme, path of the theme field).
pub(crate) fn check_unique<'a>(
    themes: impl Iterator<Item = (&'a str, String)>,
    out: &mut Collector,
) {
    let mut seen = BTreeSet::new();
    for (theme, path) in themes {
        if !seen.insert(theme) {
            out.push(
                Code::DnaDuplicateTheme,
                path,
                Params::new().with("theme", theme),
            );
        }
    }
}

pub(crate) fn check_severity(rules: &DnaRules, severity: u8, path: &str, out: &mut Collector) {
    let (min, max) = (rules.min_severity(), rules.max_severity());
    if severity < min || severity > max {
        out.push(
            Code::DnaSeverityOutOfScale,
            path,
            Params::new()
                .with("severity", severity)
                .with("minimum", min)
                .with("maximum", max),
        );
    }
}

/// Check an estimate (or official value) against its unit's range.
pub(crate) fn check_value(unit: EstimateUnit, value: f64, path: &str, out: &mut Collector) {
    let max = match unit {
        EstimateUnit::Percent => 100,
        EstimateUnit::Count => MAX_COUNT_ESTIMATE,
    };
    if !(0.0..=f64::from(max)).contains(&value) {
        out.push(
            Code::DnaEstimateOutOfRange,
            path,
            Params::new()
                .with("value", value)
                .with("minimum", 0)
                .with("maximum", max)
                .with("unit", unit.as_str()),
        );
    }
}

fn check_evidence(
    rules: &DnaRules,
    theme: &str,
    severity: u8,
    estimate: Option<f64>,
    path: &str,
    out: &mut Collector,
) {
    check_severity(rules, severity, &pointer(path, "severity"), out);
    if let (Some(e), Some(t)) = (estimate, rules.themes.get(theme)) {
        check_value(t.unit, e, &pointer(path, "estimate"), out);
    }
}

pub(crate) fn not_future(
    field: &str,
    date: NaiveDate,
    path: &str,
    ctx: &Context<'_>,
    out: &mut Collector,
) {
    check_not_future(out, path, field, date, ctx.today);
}

/// The record is about a block (and maybe a village): those levels must be present.
pub(crate) fn require_levels(geo: &Geography, village: bool, out: &mut Collector) {
    if geo.block.is_none() {
        out.push(
            Code::DnaGeographyLevelMissing,
            "/geography/block",
            Params::new().with("level", "block"),
        );
    }
    if village && geo.village.is_none() {
        out.push(
            Code::DnaGeographyLevelMissing,
            "/geography/village",
            Params::new().with("level", "village"),
        );
    }
}

fn check_group(
    rules: &DnaRules,
    ctx: &Context<'_>,
    group: &FocusGroup,
    children: bool,
    path: &str,
    out: &mut Collector,
) {
    let adult_from = ctx.profile.child_under();
    for (i, b) in group.participants.iter().enumerate() {
        let at = pointer(&pointer(path, "participants"), i);
        let params = || {
            Params::new()
                .with("age_from", b.age_from)
                .with("age_to", b.age_to)
        };
        if b.age_from > b.age_to {
            out.push(Code::DnaAgeBandReversed, pointer(&at, "age_to"), params());
        } else if children && (b.age_to >= adult_from || b.age_from < rules.groups.children_min_age)
        {
            let max = adult_from.saturating_sub(1);
            let p = params()
                .with("minimum", rules.groups.children_min_age)
                .with("maximum", max);
            out.push(Code::DnaGroupMemberNotChild, at, p);
        } else if !children && b.age_from < adult_from {
            out.push(
                Code::DnaGroupMemberNotAdult,
                at,
                params().with("minimum", adult_from),
            );
        }
    }
    let size = group.size();
    if size < rules.groups.min_size || size > rules.groups.max_size {
        let name = if children {
            "children_group"
        } else {
            "adult_group"
        };
        out.push(
            Code::DnaGroupSizeImplausible,
            pointer(path, "participants"),
            Params::new()
                .with("group", name)
                .with("size", size)
                .with("minimum", rules.groups.min_size)
                .with("maximum", rules.groups.max_size),
        );
    }
}

impl Record for DnaVillage {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let rules = &ctx.profile.dna;
        require_levels(&self.geography, true, out);
        not_future("date", self.date, "/date", ctx, out);
        check_group(rules, ctx, &self.groups.adult, false, "/groups/adult", out);
        check_group(
            rules,
            ctx,
            &self.groups.children,
            true,
            "/groups/children",
            out,
        );

        for (i, f) in self.findings.iter().enumerate() {
            let at = pointer("/findings", i);
            let known = check_theme(rules, &f.theme, &pointer(&at, "theme"), out);
            if f.adult_group.is_none() && f.children_group.is_none() {
                out.push(
                    Code::DnaFindingEmpty,
                    at.clone(),
                    Params::new().with("theme", f.theme.as_str()),
                );
            }
            for (field, ev) in [
                ("adult_group", &f.adult_group),
                ("children_group", &f.children_group),
            ] {
                if let Some(ev) = ev {
                    let p = pointer(&at, field);
                    let theme = if known { f.theme.as_str() } else { "" };
                    check_evidence(rules, theme, ev.severity, ev.estimate, &p, out);
                }
            }
        }
        check_unique(
            self.findings
                .iter()
                .enumerate()
                .map(|(i, f)| (f.theme.as_str(), format!("/findings/{i}/theme"))),
            out,
        );

        let discussed: BTreeSet<&str> = self.findings.iter().map(|f| f.theme.as_str()).collect();
        for (i, iv) in self.interviews.iter().enumerate() {
            let at = pointer("/interviews", i);
            if let Some(d) = iv.date {
                not_future("date", d, &pointer(&at, "date"), ctx, out);
            }
            for (j, e) in iv.evidence.iter().enumerate() {
                let ep = pointer(&pointer(&at, "evidence"), j);
                if check_theme(rules, &e.theme, &pointer(&ep, "theme"), out) {
                    if !discussed.contains(e.theme.as_str()) {
                        out.push(
                            Code::DnaThemeNotDiscussed,
                            pointer(&ep, "theme"),
                            Params::new().with("theme", e.theme.as_str()),
                        );
                    }
                    check_evidence(rules, &e.theme, e.severity, e.estimate, &ep, out);
                } else {
                    check_severity(rules, e.severity, &pointer(&ep, "severity"), out);
                }
            }
            check_unique(
                iv.evidence
                    .iter()
                    .enumerate()
                    .map(|(j, e)| (e.theme.as_str(), format!("{at}/evidence/{j}/theme"))),
                out,
            );
        }
        for role in &rules.required_duty_bearers {
            if !self.interviews.iter().any(|iv| iv.role == *role) {
                out.push(
                    Code::DnaDutyBearerNotInterviewed,
                    "/interviews",
                    Params::new().with("role", role.as_str()),
                );
            }
        }
    }
}

impl Record for DnaBlock {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let rules = &ctx.profile.dna;
        require_levels(&self.geography, false, out);
        not_future("date", self.date, "/date", ctx, out);
        for (i, iv) in self.interviews.iter().enumerate() {
            let at = pointer("/interviews", i);
            for (j, r) in iv.responses.iter().enumerate() {
                let rp = pointer(&pointer(&at, "responses"), j);
                check_theme(rules, &r.theme, &pointer(&rp, "theme"), out);
                if let Some(s) = r.severity {
                    check_severity(rules, s, &pointer(&rp, "severity"), out);
                }
                for (k, c) in r.commitments.iter().enumerate() {
                    if let Some(by) = c.by.filter(|by| *by < self.date) {
                        let path = format!("{rp}/commitments/{k}/by");
                        dates_out_of_order(
                            out,
                            path,
                            ("date", self.date.to_string()),
                            ("by", by.to_string()),
                        );
                    }
                }
            }
            check_unique(
                iv.responses
                    .iter()
                    .enumerate()
                    .map(|(j, r)| (r.theme.as_str(), format!("{at}/responses/{j}/theme"))),
                out,
            );
        }
    }
}

impl Record for SecondaryData {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let rules = &ctx.profile.dna;
        require_levels(&self.geography, false, out);
        not_future("collected_on", self.collected_on, "/collected_on", ctx, out);
        for (i, row) in self.rows.iter().enumerate() {
            let at = pointer("/rows", i);
            check_value(row.unit, row.value, &pointer(&at, "value"), out);
            if row.period_to < row.period_from {
                dates_out_of_order(
                    out,
                    pointer(&at, "period_to"),
                    ("period_from", row.period_from.to_string()),
                    ("period_to", row.period_to.to_string()),
                );
            }
            not_future(
                "period_to",
                row.period_to,
                &pointer(&at, "period_to"),
                ctx,
                out,
            );
            if let Some(theme) = &row.theme {
                if check_theme(rules, theme, &pointer(&at, "theme"), out) {
                    let expected = rules.themes.get(theme).map(|t| t.unit);
                    if expected.is_some_and(|u| u != row.unit) {
                        out.push(
                            Code::DnaUnitMismatch,
                            pointer(&at, "unit"),
                            Params::new()
                                .with("unit", row.unit.as_str())
                                .with(
                                    "expected",
                                    expected.map(EstimateUnit::as_str).unwrap_or_default(),
                                )
                                .with("theme", theme.as_str()),
                        );
                    }
                }
            }
        }
    }
}

impl Record for VillageCollation {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        let rules = &ctx.profile.dna;
        require_levels(&self.geography, true, out);
        not_future("date", self.date, "/date", ctx, out);
        for (i, row) in self.themes.iter().enumerate() {
            let at = pointer("/themes", i);
            check_theme(rules, &row.theme, &pointer(&at, "theme"), out);
            let mut seen = BTreeSet::new();
            for (j, s) in row.sources.iter().enumerate() {
                let sp = pointer(&pointer(&at, "sources"), j);
                check_severity(rules, s.severity, &pointer(&sp, "severity"), out);
                if !seen.insert(s.source) {
                    out.push(
                        Code::DnaDuplicateSource,
                        pointer(&sp, "source"),
                        Params::new().with("source", s.source.as_str()),
                    );
                }
            }
            if let Some(b) = row.block_severity {
                check_severity(rules, b, &pointer(&at, "block_severity"), out);
            }
            check_severity(rules, row.consolidated, &pointer(&at, "consolidated"), out);
            let lo = row.sources.iter().map(|s| s.severity).min();
            let hi = row.sources.iter().map(|s| s.severity).max();
            if let (Some(lo), Some(hi)) = (lo, hi) {
                if row.consolidated < lo || row.consolidated > hi {
                    out.push(
                        Code::DnaCollationOutsideSources,
                        pointer(&at, "consolidated"),
                        Params::new()
                            .with("severity", row.consolidated)
                            .with("minimum", lo)
                            .with("maximum", hi),
                    );
                }
            }
        }
        check_unique(
            self.themes
                .iter()
                .enumerate()
                .map(|(i, r)| (r.theme.as_str(), format!("/themes/{i}/theme"))),
            out,
        );
    }
}
