//! Rules of a referral: the consent gate, the state machine replayed over its
//! history, dates, and overdue responses.

use crate::api::{Context, Record};
use crate::diagnostic::{Code, Collector, Params};
use crate::model::{Referral, ReferralStatus};
use crate::workflow::check_referral_history;

impl Record for Referral {
    fn check(&self, ctx: &Context<'_>, out: &mut Collector) {
        // Consent gate: both consents, or an override that says why.
        match &self.consent_override {
            Some(o) if o.reason.trim().is_empty() => out.push(
                Code::OverrideReasonMissing,
                "/consent_override/reason",
                Params::new(),
            ),
            Some(_) => {}
            None if !self.consent.complete() => {
                out.push(Code::ConsentMissing, "/consent", Params::new())
            }
            None => {}
        }
        check_referral_history(self.status, self.created_at, &self.history, out);
        let created = self.created_at.date_naive();
        if created > ctx.today {
            out.push(
                Code::DateInFuture,
                "/created_at",
                Params::new()
                    .with("field", "created_at")
                    .with("date", created.to_string())
                    .with("today", ctx.today.to_string()),
            );
        }
        if let Some(due) = self.due_at.filter(|d| *d < self.created_at) {
            out.push(
                Code::DatesOutOfOrder,
                "/due_at",
                Params::new()
                    .with("earlier_field", "created_at")
                    .with("earlier", self.created_at.to_rfc3339())
                    .with("later_field", "due_at")
                    .with("later", due.to_rfc3339()),
            );
        }
        let open = matches!(
            self.status,
            ReferralStatus::Pending | ReferralStatus::Accepted
        );
        if let Some(due) = self.due().filter(|d| open && ctx.today > d.date_naive()) {
            out.push(
                Code::ReferralOverdue,
                "/due_at",
                Params::new()
                    .with("due", due.to_rfc3339())
                    .with("status", self.status.as_str()),
            );
        }
    }
}
