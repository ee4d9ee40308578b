//! Rules of a referral: the consent gate, the state machine replayed over its
//! history, dates, and overdue responses.

use crate::context::Context;
use crate::diagnostic::{Code, Collector, Params};
use crate::model::Referral;
use crate::profile::RuleProfile;
use crate::record::Record;
use crate::rules::common::{check_not_future, dates_out_of_order};
use crate::tasks::{referral_tasks, TaskState};
use crate::workflow::check_referral_history;

impl Record for Referral {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        // A mandatory report under a statutory pathway is not gated by consent.
        let mandatory = self
            .pathway
            .as_deref()
            .is_some_and(|id| check_pathway(self, id, &ctx.profile, out));
        // Consent gate for services: both consents, or an override that says why.
        match &self.consent_override {
            Some(o) if o.reason.trim().is_empty() => out.push(
                Code::OverrideReasonMissing,
                "/consent_override/reason",
                Params::new(),
            ),
            Some(_) => {}
            None if !mandatory && !self.consent.complete() => {
                out.push(Code::ConsentMissing, "/consent", Params::new())
            }
            None => {}
        }
        check_referral_history(self.status, self.created_at, &self.history, out);
        check_not_future(
            out,
            "/created_at",
            "created_at",
            self.created_at.date_naive(),
            ctx.today,
        );
        if let Some(due) = self.due_at.filter(|d| *d < self.created_at) {
            dates_out_of_order(
                out,
                "/due_at",
                ("created_at", self.created_at.to_rfc3339()),
                ("due_at", due.to_rfc3339()),
            );
        }
        for t in referral_tasks(self, ctx)
            .into_iter()
            .filter(|t| t.state == TaskState::Overdue)
        {
            out.push(
                Code::ReferralOverdue,
                t.path,
                Params::new()
                    .with("due", t.due.to_string())
                    .with("status", self.status.as_str()),
            );
        }
    }
}

/// Check the named pathway; true when it is a mandatory report that this
/// referral fulfils (so consent is not needed).
fn check_pathway(r: &Referral, id: &str, p: &RuleProfile, out: &mut Collector) -> bool {
    let Some(pw) = p.pathways.get(id) else {
        let allowed: Vec<serde_json::Value> =
            p.pathways.keys().map(|k| k.as_str().into()).collect();
        out.push(
            Code::UnknownPathway,
            "/pathway",
            Params::new().with("pathway", id).with("allowed", allowed),
        );
        return false;
    };
    if !pw.destinations.contains(&r.to) {
        let destinations: Vec<serde_json::Value> = pw
            .destinations
            .iter()
            .filter_map(|d| serde_json::to_value(d).ok())
            .collect();
        out.push(
            Code::PathwayDestinationMismatch,
            "/to",
            Params::new()
                .with("pathway", id)
                .with("destinations", destinations)
                .with("to", serde_json::to_value(r.to).unwrap_or_default())
                .with("law", p.law(pw)),
        );
        return false;
    }
    pw.mandatory
}
