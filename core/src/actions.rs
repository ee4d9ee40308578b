//! Required actions: what the law requires next for a case (tell the police
//! about a sexual offence, produce the child before the CWC, have an FIR
//! registered for a missing child...), each with its statute and section, the
//! destinations that satisfy it, a due time and whether it is done.
//!
//! These are not problems with the record: a form shows them as an action box
//! above any diagnostics. Validation still reports a duty whose time has
//! passed (`pathway_deadline_missed`, `pathway_referral_missing`) or that was
//! done late (`pathway_late`). Actions come from the same pathway logic as
//! those diagnostics ([`crate::law::applicable`]), so the two agree.
//!
//! Reach them through [`required_actions`] (a typed case), [`actions_of`] (a
//! case as JSON, even when its rules fail), [`crate::api::validate_with_actions`] (the
//! validation report with the actions beside it) and [`crate::scoring::triage::Triage::actions`].

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::Context;
use crate::diagnostic::{pointer, Locale, Report};
use crate::kind::Kind;
use crate::model::{Case, ConcernKind, Destination};
use crate::profile::PathwayAction;
use crate::record::validate_record;

/// Where an action stands on the context's `today`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    /// Not done, and its due date has passed.
    Overdue,
    /// Not done yet; due today or later.
    Due,
    /// Done, after the due time.
    DoneLate,
    /// Done in time.
    Done,
}

/// One thing the law requires next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RequiredAction {
    /// Id of the pathway in the rule profile, e.g. `pocso_police`.
    pub pathway: String,
    /// What to do: report, produce, or have an FIR registered.
    pub action: PathwayAction,
    /// Id of the statute, e.g. `pocso_2012`.
    pub statute: String,
    /// The section(s), e.g. `s.19(1), s.21`.
    pub section: String,
    /// The citation, e.g. `POCSO 2012 s.19(1), s.21`.
    pub law: String,
    /// The concern that requires it.
    pub concern: ConcernKind,
    /// JSON Pointer of that concern in the case.
    pub concern_path: String,
    /// Any one of these satisfies it.
    pub destinations: Vec<Destination>,
    /// A mandatory report: no consent is needed (POCSO s.19, JJ s.31, s.32).
    pub mandatory: bool,
    /// Due by this time (journey time added where the law excludes it).
    pub due: DateTime<FixedOffset>,
    /// The time limit is the statute's own (not the profile's reading of "at once").
    pub statutory_deadline: bool,
    /// A referral to one of the destinations has been recorded.
    pub done: bool,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<DateTime<FixedOffset>>,
    /// JSON Pointer of the referral that did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral_path: Option<String>,
    /// Overdue, due, done late or done.
    pub state: ActionState,
    /// The action in words, in the requested locale.
    pub message: String,
}

/// The validation report with the required actions beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Checked {
    /// The validation report, as [`crate::api::validate`] gives it.
    pub report: Report,
    /// What the law requires next; empty for kinds other than `case`, and
    /// when the case's shape is too broken to read.
    pub actions: Vec<RequiredAction>,
}

fn message(
    action: PathwayAction,
    destinations: &[Destination],
    due: &str,
    law: &str,
    locale: Locale,
) -> String {
    // Services by their names in the locale (the ids stay in `destinations`).
    let names: Vec<String> = destinations
        .iter()
        .filter_map(|d| serde_json::to_value(d).ok())
        .filter_map(|v| {
            v.as_str().map(|s| {
                crate::labels::value(s, locale).map_or_else(|| format!("`{s}`"), str::to_owned)
            })
        })
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let to = crate::labels::join(&refs, locale);
    let law = crate::labels::law(law, locale);
    match locale {
        Locale::En => match action {
            PathwayAction::Report => format!("report to {to} by {due} ({law})"),
            PathwayAction::Produce => {
                format!("produce the child before {to} by {due} ({law})")
            }
            PathwayAction::Fir => format!("have {to} register an FIR by {due} ({law})"),
        },
        Locale::Hi => match action {
            PathwayAction::Report => format!("{due} तक {to} को सूचित करें ({law})"),
            PathwayAction::Produce => {
                format!("{due} तक बच्चे को {to} के समक्ष प्रस्तुत करें ({law})")
            }
            PathwayAction::Fir => {
                format!("{due} तक {to} में प्राथमिकी दर्ज कराएँ ({law})")
            }
        },
    }
}

/// What the law requires next for a case, most urgent first: overdue, then
/// due (earliest first), then done.
pub fn required_actions(c: &Case, ctx: &Context<'_>) -> Vec<RequiredAction> {
    let p = &ctx.profile;
    let mut actions: Vec<RequiredAction> = crate::law::applicable(c, p)
        .into_iter()
        .map(|a| {
            let law = p.law(a.pathway);
            let state = match a.done {
                Some((_, at)) if at > a.due => ActionState::DoneLate,
                Some(_) => ActionState::Done,
                None if ctx.today > a.due.date_naive() => ActionState::Overdue,
                None => ActionState::Due,
            };
            let due_text = a.due.format("%Y-%m-%d %H:%M").to_string();
            RequiredAction {
                pathway: a.id.to_owned(),
                action: a.pathway.action,
                statute: a.pathway.statute.clone(),
                section: a.pathway.section.clone(),
                message: message(
                    a.pathway.action,
                    &a.pathway.destinations,
                    &due_text,
                    &law,
                    ctx.locale,
                ),
                law,
                concern: a.kind,
                concern_path: pointer("/concerns", a.concern),
                destinations: a.pathway.destinations.clone(),
                mandatory: a.pathway.mandatory,
                due: a.due,
                statutory_deadline: a.pathway.statutory_deadline,
                done: a.done.is_some(),
                done_at: a.done.map(|(_, at)| at),
                referral_path: a.done.map(|(i, _)| pointer("/referrals", i)),
                state,
            }
        })
        .collect();
    actions.sort_by_key(|x| (x.state, x.due));
    actions
}

/// The required actions of a case given as JSON. The case need not be valid
/// (a form shows what the law requires while problems remain), but it must
/// be readable as a case; when it is not, the validation report is returned.
pub fn actions_of(value: &Value, ctx: &Context<'_>) -> Result<Vec<RequiredAction>, Report> {
    match Case::deserialize(value) {
        Ok(c) => Ok(required_actions(&c, ctx)),
        Err(_) => Err(validate_record::<Case>(Kind::Case, value, ctx)),
    }
}
