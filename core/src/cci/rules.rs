//! The rules of a frame (unique ids, positive weights, bands falling from best
//! to worst, a cap band that exists) and of an assessment against its frame
//! (items from the frame, each once, a score on the scale or an allowed N/A,
//! evidence for every score, nothing left unassessed, no future date).

use std::collections::BTreeSet;

use serde_json::Value;

use super::frame_default::default_frame;
use super::model::*;
use crate::context::Context;
use crate::diagnostic::{pointer, Code, Collector, Params};
use crate::dna::rules::not_future;
use crate::record::Record;

fn positive(weight: f64, path: String, out: &mut Collector) {
    if weight.is_nan() || weight <= 0.0 {
        out.push(
            Code::CciWeightNotPositive,
            path,
            Params::new().with("weight", weight),
        );
    }
}

impl Record for CciFrame {
    fn check(&self, _ctx: &Context<'_>, out: &mut Collector) {
        let mut ids = BTreeSet::new();
        for (d, domain) in self.domains.iter().enumerate() {
            let dp = pointer("/domains", d);
            positive(domain.weight, pointer(&dp, "weight"), out);
            if !ids.insert(domain.id.as_str()) {
                out.push(
                    Code::DuplicateId,
                    pointer(&dp, "id"),
                    Params::new().with("id", domain.id.as_str()),
                );
            }
            for (i, item) in domain.items.iter().enumerate() {
                let ip = pointer(&pointer(&dp, "items"), i);
                positive(item.weight, pointer(&ip, "weight"), out);
                if !ids.insert(item.id.as_str()) {
                    out.push(
                        Code::DuplicateId,
                        pointer(&ip, "id"),
                        Params::new().with("id", item.id.as_str()),
                    );
                }
            }
        }
        let mut previous: Option<&Band> = None;
        for (b, band) in self.bands.iter().enumerate() {
            if let Some(p) = previous.filter(|p| band.min_score >= p.min_score) {
                out.push(
                    Code::CciBandsOutOfOrder,
                    format!("/bands/{b}/min_score"),
                    Params::new()
                        .with("band", band.id.as_str())
                        .with("minimum", band.min_score)
                        .with("previous", p.min_score),
                );
            }
            previous = Some(band);
        }
        if !self.bands.iter().any(|b| b.id == self.critical_cap) {
            out.push(
                Code::UnknownReference,
                "/critical_cap",
                Params::new()
                    .with("id", self.critical_cap.as_str())
                    .with("collection", "bands"),
            );
        }
        if self.critical_pass > self.max_score() {
            out.push(
                Code::CciScoreOutOfScale,
                "/critical_pass",
                Params::new()
                    .with("score", self.critical_pass)
                    .with("maximum", self.max_score()),
            );
        }
    }
}

/// Check an assessment's scores against a frame.
pub(crate) fn check_against(a: &CciAssessment, frame: &CciFrame, out: &mut Collector) {
    let max = frame.max_score();
    let mut seen = BTreeSet::new();
    for (i, s) in a.scores.iter().enumerate() {
        let at = pointer("/scores", i);
        let item_param = || Params::new().with("item", s.item.as_str());
        let Some((_, item)) = frame.item(&s.item) else {
            let p = item_param().with("frame", frame.id.as_str());
            out.push(Code::CciUnknownItem, pointer(&at, "item"), p);
            continue;
        };
        if !seen.insert(s.item.as_str()) {
            out.push(Code::CciDuplicateItem, pointer(&at, "item"), item_param());
        }
        match (s.score, s.not_applicable) {
            (Some(score), false) => {
                if score > max {
                    let p = Params::new().with("score", score).with("maximum", max);
                    out.push(Code::CciScoreOutOfScale, pointer(&at, "score"), p);
                }
                if s.evidence.as_deref().is_none_or(|e| e.trim().is_empty()) {
                    out.push(
                        Code::CciEvidenceMissing,
                        pointer(&at, "evidence"),
                        item_param(),
                    );
                }
            }
            (None, true) if !item.na_allowed => {
                out.push(
                    Code::CciNaNotAllowed,
                    pointer(&at, "not_applicable"),
                    item_param(),
                );
            }
            (None, true) => {}
            _ => out.push(Code::CciScoreOrNa, at.clone(), item_param()),
        }
    }
    for item in frame.domains.iter().flat_map(|d| d.items.iter()) {
        if !seen.contains(item.id.as_str()) {
            let p = Params::new()
                .with("item", item.id.as_str())
                .with("frame", frame.id.as_str());
            out.push(Code::CciItemNotAssessed, "/scores", p);
        }
    }
}

/// Checks that need no frame.
fn check_own(a: &CciAssessment, ctx: &Context<'_>, out: &mut Collector) {
    not_future("date", a.date, "/date", ctx, out);
    let inst = &a.institution;
    if let (Some(cap), Some(children)) = (inst.capacity, inst.children_resident) {
        if children > cap {
            let p = Params::new()
                .with("children", children)
                .with("capacity", cap);
            out.push(Code::CciOverCapacity, "/institution/children_resident", p);
        }
    }
}

impl Record for CciAssessment {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        check_own(self, ctx, out);
        let frame = default_frame();
        if self.frame == frame.id {
            check_against(self, &frame, out);
        } else {
            let p = Params::new()
                .with("frame", self.frame.as_str())
                .with("known", Value::from(frame.id));
            out.push(Code::CciUnknownFrame, "/frame", p);
        }
    }
}
